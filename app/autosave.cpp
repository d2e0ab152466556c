#include "autosave.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "case_io.hpp"

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

bool process_running(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

}  // namespace

Autosaver::Autosaver(std::filesystem::path dir, const FileSystemCalls* calls)
    : dir_(std::move(dir)), file_(dir_ / (kPrefix + std::to_string(::getpid()) + ".json")), calls_(calls) {}

void Autosaver::write(const Case& c, const std::filesystem::path& case_path) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("autosave: cannot create " + dir_.string() + " (" + ec.message() + ")");
  Json record = {{"marginviz_autosave", 1},
                 {"case_path", std::filesystem::absolute(case_path, ec).string()},
                 {"written_at", utc_now()},
                 {"pid", static_cast<long>(::getpid())},
                 {"case", Json::parse(serialize_case(c))}};
  replace_file_durably(file_, record.dump(1) + "\n", {.keep_backup = false, .calls = calls_});
}

void Autosaver::discard() {
  std::error_code ec;
  std::filesystem::remove(file_, ec);
}

void Autosaver::adopt(const std::filesystem::path& record_file) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
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
      if (!process_running(pid)) std::filesystem::remove(path, ec);
      ec.clear();
      continue;
    }
    if (name.rfind(kPrefix, 0) != 0 || path.extension() != ".json") continue;
    try {
      const Json record = Json::parse(read_file_capped(path, kMaxRecordBytes));
      const long pid = record.at("pid").get<long>();
      if (pid == ::getpid() || process_running(pid)) continue;  // that marginviz is still open
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
