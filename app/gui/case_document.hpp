#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "case/case_model.hpp"
#include "common/issues.hpp"

namespace mv::app {

// The case the user is editing: the working copy, where it lives, whether it has unsaved
// changes, what validation says about it now, and its undo history. Opening or saving never
// loses work: a failed open keeps the current case; a failed save leaves the file on disk as it was.
class CaseDocument {
 public:
  // Replaces the document with the file's case; on failure returns the problems and changes nothing.
  std::vector<Issue> open(const std::filesystem::path& path);
  // Writes to `path` (atomic; a file already there is kept as .bak); returns an error message,
  // empty on success. The undo history survives.
  std::string save_as(const std::filesystem::path& path);

  // Takes unsaved work recovered from an autosave: it belongs to `path` and is not saved yet.
  void recover(Case work, const std::filesystem::path& path);

  Case& edit() { return working_; }  // call changed() after editing
  const Case& working() const { return working_; }
  // Records an edit: one undo step, unless it continues the gesture of the last one (see below).
  void changed();

  // Undo and redo whole-case snapshots. false when there is nothing to undo or redo.
  bool undo();
  bool redo();
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // The GUI names the widget being dragged or typed in (0 when none): the changes one drag makes
  // frame after frame are one undo step. A new gesture (or none in between) starts a new step.
  void set_gesture(unsigned id) {
    if (id != gesture_) last_gesture_ = 0;
    gesture_ = id;
  }
  // Where the GUI can say which widget is active at the moment of an edit (0 when none, or when it
  // only became active this frame): an edit joins the last step only if that is still the gesture.
  void set_active_widget(std::function<unsigned()> f) { active_widget_ = std::move(f); }
  void new_step() { last_gesture_ = 0; }  // the next edit starts an undo step of its own

  const std::filesystem::path& path() const { return path_; }
  bool dirty() const { return state_ != saved_state_; }
  const std::vector<Issue>& issues() const { return issues_; }
  // Issues whose path starts with `prefix` (e.g. "measurements[1]").
  std::vector<Issue> issues_under(const std::string& prefix) const;
  // Bumped on each change: lets views know when to rebuild.
  unsigned revision() const { return revision_; }

  static constexpr size_t kUndoSteps = 200;

 private:
  struct Snapshot {
    Case c;
    unsigned state;
  };
  void restore(Snapshot s);
  bool step(std::vector<Snapshot>& from, std::vector<Snapshot>& to);
  void reset_history();
  Case working_, committed_;  // committed_: working_ as of the last recorded change
  std::filesystem::path path_;
  std::vector<Issue> issues_;
  std::vector<Snapshot> undo_, redo_;
  unsigned revision_ = 0;
  unsigned state_ = 0, saved_state_ = 0, next_state_ = 1;  // a number per distinct content
  unsigned gesture_ = 0, last_gesture_ = 0;
  std::function<unsigned()> active_widget_;
};

}  // namespace mv::app
