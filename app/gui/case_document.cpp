#include "case_document.hpp"

#include <stdexcept>

#include "case/case_io.hpp"
#include "case/validation.hpp"

namespace mv::app {

void CaseDocument::reset_history() {
  undo_.clear();
  redo_.clear();
  committed_ = working_;
  state_ = next_state_++;
  last_gesture_ = 0;
}

std::vector<Issue> CaseDocument::open(const std::filesystem::path& path) {
  CaseLoad load = load_case_file(path);
  if (!load.value) return load.issues;
  working_ = std::move(*load.value);
  path_ = path;
  issues_ = load.issues;
  reset_history();
  saved_state_ = state_;
  ++revision_;
  return {};
}

std::string CaseDocument::save_as(const std::filesystem::path& path) {
  if (path.empty()) return "no file name given";
  try {
    save_case_file(working_, path);
  } catch (const std::exception& e) {
    return e.what();
  }
  path_ = path;
  saved_state_ = state_;
  return {};
}

void CaseDocument::recover(Case work, const std::filesystem::path& path) {
  working_ = std::move(work);
  path_ = path;
  reset_history();
  saved_state_ = 0;  // never saved: dirty
  issues_ = validate_case(working_);
  ++revision_;
}

void CaseDocument::changed() {
  const unsigned now = active_widget_ ? active_widget_() : gesture_;
  const bool same_gesture = gesture_ != 0 && now == gesture_ && gesture_ == last_gesture_ && !undo_.empty();
  if (!same_gesture) {
    undo_.push_back({std::move(committed_), state_});
    if (undo_.size() > kUndoSteps) undo_.erase(undo_.begin());
  }
  redo_.clear();
  committed_ = working_;
  state_ = next_state_++;
  last_gesture_ = gesture_;
  issues_ = validate_case(working_);
  ++revision_;
}

void CaseDocument::restore(Snapshot s) {
  working_ = std::move(s.c);
  committed_ = working_;
  state_ = s.state;
  last_gesture_ = 0;
  issues_ = validate_case(working_);
  ++revision_;
}

// Undo and redo are one move: the newest snapshot of one history becomes the case, and the case
// goes onto the other.
bool CaseDocument::step(std::vector<Snapshot>& from, std::vector<Snapshot>& to) {
  if (from.empty()) return false;
  to.push_back({committed_, state_});
  Snapshot s = std::move(from.back());
  from.pop_back();
  restore(std::move(s));
  return true;
}

bool CaseDocument::undo() { return step(undo_, redo_); }
bool CaseDocument::redo() { return step(redo_, undo_); }

std::vector<Issue> CaseDocument::issues_under(const std::string& prefix) const {
  std::vector<Issue> out;
  for (const auto& i : issues_)
    if (i.path.rfind(prefix, 0) == 0) out.push_back(i);
  return out;
}

}  // namespace mv::app
