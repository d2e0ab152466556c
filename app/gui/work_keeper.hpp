#pragma once
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "autosave.hpp"
#include "case_document.hpp"

namespace mv::app {

// Keeps the user's unsaved work safe in the desktop app: autosaves the open case while it has
// unsaved changes (every $MARGINVIZ_AUTOSAVE_SECONDS, default 15), and on start offers work that a
// crashed or killed session left behind. Never writes the user's own case file. The write (with
// its fsyncs) runs on a worker, so a slow disk never holds up a frame; one write at a time.
class WorkKeeper {
 public:
  explicit WorkKeeper(const std::filesystem::path& dir, const FileSystemCalls* calls = &FileSystemCalls::real());
  ~WorkKeeper();

  // Each frame: autosaves when the document changed since the last autosave and the interval has
  // passed; removes the autosave once the document is clean (saved, or changes discarded).
  void tick(const CaseDocument& doc, double now_s);
  // Autosaves now, whatever the interval, and waits for it (something went wrong and the app is
  // about to stop). Returns where the work was kept, or "" if it could not be.
  std::string keep_now(const CaseDocument& doc);
  // A clean exit: nothing unsaved is worth keeping.
  void discard();
  // True from the start of an autosave until a tick (or discard, keep_now) has taken its outcome.
  bool writing() const { return writing_.valid(); }

  // Draws the recovery offer while there is crashed work to offer; `recover` gets the chosen work.
  void draw_offer(float scale, const std::function<void(RecoverableWork&)>& recover);
  bool offering() const { return !offer_.empty(); }
  // The last autosave failure, for the status line; "" when autosave works.
  const std::string& problem() const { return problem_; }

 private:
  void finish_write();  // waits for the write in flight, if any, and takes its outcome

  Autosaver saver_;
  std::future<void> writing_;  // the write in flight; saver_ is the worker's until it is taken
  unsigned writing_revision_ = 0;
  std::vector<RecoverableWork> offer_;
  bool open_offer_ = false;
  unsigned saved_revision_ = 0;
  bool have_autosave_ = false;
  double last_write_s_ = -1e9, interval_s_ = 15.0;
  std::string problem_;
};

}  // namespace mv::app
