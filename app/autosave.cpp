#include "autosave.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <ctime>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "case/case_io.hpp"

namespace mv::app {
namespace {

constexpr const char* kPrefix = "autosave-";
constexpr std::uint64_t kMaxRecordBytes = kMaxCaseFileBytes + (64u << 10);

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::filesystem::path lock_path(const std::filesystem::path& dir, long pid) { return dir / (kPrefix + std::to_string(pid) + ".lock"); }

// Whether the marginviz with this pid still runs: it holds the lock on its lock file.
bool process_running(const std::filesystem::path& dir, long pid) {
  if (pid == ::getpid()) return true;
  const int fd = ::open(lock_path(dir, pid).c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  if (!held) ::unlink(lock_path(dir, pid).c_str());  // left by a process that is gone
  return held;
}

}  // namespace

Autosaver::Autosaver(std::filesystem::path dir, const FileSystemCalls* calls)
    : dir_(std::move(dir)), file_(dir_ / (kPrefix + std::to_string(::getpid()) + ".json")), lock_file_(lock_path(dir_, ::getpid())), calls_(calls) {}

Autosaver::~Autosaver() {
  if (lock_fd_ < 0) return;
  ::unlink(lock_file_.c_str());
  ::close(lock_fd_);
}

void Autosaver::hold_lock() {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("autosave: cannot create " + dir_.string() + " (" + ec.message() + ")");
  std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);  // private: it holds clinical work
  if (lock_fd_ >= 0) return;
  lock_fd_ = ::open(lock_file_.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0)
    throw std::runtime_error("autosave: cannot lock " + lock_file_.string() + " (" + std::strerror(errno) + ")");
}

void Autosaver::write(const Case& c, const std::filesystem::path& case_path) {
  hold_lock();
  std::error_code ec;
  Json record = {{"marginviz_autosave", 1},
                 {"case_path", std::filesystem::absolute(case_path, ec).string()},
                 {"written_at", utc_now()},
                 {"pid", static_cast<long>(::getpid())},
                 {"case", Json::parse(serialize_case(c))}};
  replace_file_durably(file_, record.dump(1) + "\n", {.keep_backup = false, .calls = calls_, .new_file_mode = 0600});
}

void Autosaver::discard() {
  std::error_code ec;
  std::filesystem::remove(file_, ec);
}

void Autosaver::adopt(const std::filesystem::path& record_file) {
  hold_lock();
  std::error_code ec;
  std::filesystem::rename(record_file, file_, ec);
  if (ec) throw std::runtime_error("autosave: cannot take over " + record_file.string() + " (" + ec.message() + ")");
}

std::vector<RecoverableWork> find_recoverable(const std::filesystem::path& dir, std::vector<std::string>* unreadable) {
  std::vector<RecoverableWork> found;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const auto& path = it->path();
    const std::string name = path.filename().string();
    // ".autosave-<pid>.json.XXXXXX": the temp file of a write that never finished.
    if (name.rfind(std::string(".") + kPrefix, 0) == 0) {
      const long pid = std::atol(name.c_str() + 1 + std::char_traits<char>::length(kPrefix));
      if (!process_running(dir, pid)) std::filesystem::remove(path, ec);
      ec.clear();
      continue;
    }
    if (name.rfind(kPrefix, 0) != 0 || path.extension() != ".json") continue;
    try {
      const Json record = Json::parse(read_file_capped(path, kMaxRecordBytes));
      const long pid = record.at("pid").get<long>();
      if (process_running(dir, pid)) continue;  // that marginviz is still open
      CaseLoad load = parse_case(record.at("case").dump());
      if (!load.value && !load.draft) throw std::runtime_error(format_issues(load.issues));
      const std::filesystem::path case_path = record.at("case_path").get<std::string>();
      Case work = std::move(load.value ? *load.value : *load.draft);
      work.source_dir = case_path.parent_path();  // a scan named relative to the case still resolves
      found.push_back({path, case_path, record.at("written_at").get<std::string>(), std::move(work), std::move(load.issues)});
    } catch (const std::exception& e) {
      if (unreadable) unreadable->push_back(path.string() + ": " + e.what());
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.written_at > b.written_at; });
  return found;
}

}  // namespace mv::app
