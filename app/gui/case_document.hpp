#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "case_model.hpp"
#include "issues.hpp"

namespace mv::app {

// The case the user is editing: the working copy, where it lives, whether it has unsaved
// changes, and what validation says about it now. Opening or saving never loses work: a failed
// open keeps the current case; a failed save leaves the file on disk as it was.
class CaseDocument {
 public:
  // Replaces the document with the file's case; on failure returns the problems and changes nothing.
  std::vector<Issue> open(const std::filesystem::path& path);
  // Writes to `path` (atomic, keeps .bak); returns an error message, empty on success.
  std::string save_as(const std::filesystem::path& path);

  // Takes unsaved work recovered from an autosave: it belongs to `path` and is not saved yet.
  void recover(Case work, const std::filesystem::path& path);

  Case& edit() { return working_; }  // call changed() after editing
  const Case& working() const { return working_; }
  void changed();

  const std::filesystem::path& path() const { return path_; }
  bool dirty() const { return dirty_; }
  const std::vector<Issue>& issues() const { return issues_; }
  // Issues whose path starts with `prefix` (e.g. "measurements[1]").
  std::vector<Issue> issues_under(const std::string& prefix) const;
  // Bumped on each change: lets views know when to rebuild.
  unsigned revision() const { return revision_; }

 private:
  Case working_;
  std::filesystem::path path_;
  bool dirty_ = false;
  std::vector<Issue> issues_;
  unsigned revision_ = 0;
};

}  // namespace mv::app
