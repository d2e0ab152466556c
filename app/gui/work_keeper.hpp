#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "autosave.hpp"
#include "case_document.hpp"

namespace mv::app {

// Keeps the user's unsaved work safe in the desktop app: autosaves the open case while it has
// unsaved changes (every $MARGINVIZ_AUTOSAVE_SECONDS, default 15), and on start offers work that a
// crashed or killed session left behind. Never writes the user's own case file.
class WorkKeeper {
 public:
  explicit WorkKeeper(const std::filesystem::path& dir);

  // Each frame: autosaves when the document changed since the last autosave and the interval has
  // passed; removes the autosave once the document is clean (saved, or changes discarded).
  void tick(const CaseDocument& doc, double now_s);
  // Autosaves now, whatever the interval (something went wrong and the app is about to stop).
  // Returns where the work was kept, or "" if it could not be.
  std::string keep_now(const CaseDocument& doc);
  // A clean exit: nothing unsaved is worth keeping.
  void discard() { saver_.discard(); }

  // Draws the recovery offer while there is crashed work to offer; `recover` gets the chosen work.
  void draw_offer(float scale, const std::function<void(RecoverableWork&)>& recover);
  bool offering() const { return !offer_.empty(); }
  // The last autosave failure, for the status line; "" when autosave works.
  const std::string& problem() const { return problem_; }

 private:
  Autosaver saver_;
  std::vector<RecoverableWork> offer_;
  bool open_offer_ = false;
  unsigned saved_revision_ = 0;
  bool have_autosave_ = false;
  double last_write_s_ = -1e9, interval_s_ = 15.0;
  std::string problem_;
};

}  // namespace mv::app
