#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "case/case_model.hpp"
#include "common/file_io.hpp"
#include "common/issues.hpp"

namespace mv::app {

// Unsaved work of one running marginviz, kept in its own file under autosave_dir() so that a
// crash loses at most one autosave interval. The user's case file is never written by autosave.
// File format: {"marginviz_autosave": 1, "case_path", "written_at", "pid", "case": {...}}; the
// folder is private to the user (0700) and the files too (0600).
class Autosaver {
 public:
  explicit Autosaver(std::filesystem::path dir, const FileSystemCalls* calls = &FileSystemCalls::real());
  ~Autosaver();
  Autosaver(const Autosaver&) = delete;
  Autosaver& operator=(const Autosaver&) = delete;
  // Replaces this process's autosave with `c` (durably: a crash mid-write keeps the previous
  // one). Throws std::runtime_error on failure; the caller keeps working.
  void write(const Case& c, const std::filesystem::path& case_path);
  // Removes this process's autosave: after a save, or when the user discards or quits cleanly.
  void discard();
  // Makes `record_file` (found by find_recoverable) this process's autosave, so recovered work
  // stays safe until it is saved.
  void adopt(const std::filesystem::path& record_file);
  const std::filesystem::path& file() const { return file_; }

 private:
  void hold_lock();
  std::filesystem::path dir_, file_, lock_file_;
  const FileSystemCalls* calls_;
  int lock_fd_ = -1;  // flock'd while this process lives: how the next start tells a crash from a running app
};

struct RecoverableWork {
  std::filesystem::path record_file;  // the autosave
  std::filesystem::path case_path;    // the file the work belongs to (it may not exist)
  std::string written_at;             // UTC, ISO 8601
  Case work;                          // as it was, possibly with validation errors
  std::vector<Issue> issues;
};

// Autosaves left by marginviz processes that are no longer running (a crash, a kill, a power
// cut), newest first. A process is running while it holds the lock on its autosave-<pid>.lock
// (a lock, not the pid: after a reboot the pid may belong to another program). Leftover temp files of interrupted autosaves are removed; records that
// cannot be read are reported in `unreadable` and left in place for the user to inspect.
std::vector<RecoverableWork> find_recoverable(const std::filesystem::path& dir, std::vector<std::string>* unreadable = nullptr);

}  // namespace mv::app
