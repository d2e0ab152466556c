#include "common/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace mv {

const FileSystemCalls& FileSystemCalls::real() {
  static const FileSystemCalls calls{[](char* t) { return ::mkstemp(t); }, [](int fd, const void* d, size_t n) { return ::write(fd, d, n); },
                                     [](int fd) { return ::fsync(fd); }, [](const char* a, const char* b) { return ::rename(a, b); }};
  return calls;
}

namespace {

// 0666 less the process's umask, read without changing it (umask() would, for every thread).
mode_t default_file_mode() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return 0666 & ~static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  return 0644;
}

std::string reason(int err) { return std::strerror(err); }

// Writes all of `bytes` to `fd`; returns 0 or the errno of the failure.

}  // namespace

int write_all(int fd, std::string_view bytes, const FileSystemCalls& sys) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = sys.write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return ENOSPC;  // no progress: treat as a full disk rather than spin
    written += static_cast<size_t>(n);
  }
  return 0;
}

void replace_file_durably(const std::filesystem::path& requested, std::string_view bytes, const ReplaceOptions& options) {
  const FileSystemCalls& sys = *options.calls;
  // Save through a symbolic link to the file it names, keeping the link.
  std::error_code ec;
  const bool link = std::filesystem::is_symlink(std::filesystem::symlink_status(requested, ec));
  const auto path = link ? std::filesystem::canonical(requested, ec) : requested;
  if (link && ec) throw std::runtime_error("not saved: cannot resolve the link " + requested.string() + " (" + ec.message() + ")");
  const std::string unchanged = "; " + path.string() + (link || std::filesystem::exists(path, ec) ? " is unchanged" : " was not created");
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (!exists && errno != ENOENT) throw std::runtime_error("not saved: cannot inspect " + path.string() + " (" + reason(errno) + ")");
  if (exists && !S_ISREG(existing.st_mode)) throw std::runtime_error("not saved: " + path.string() + " is not a regular file");

  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = sys.make_temp(temp.data());
  if (fd < 0) throw std::runtime_error("not saved: cannot create a file in " + dir.string() + " (" + reason(errno) + ")" + unchanged);
  auto fail = [&](const std::string& what, int err, bool open) {
    if (open) ::close(fd);
    ::unlink(temp.c_str());
    throw std::runtime_error("not saved: " + what + " (" + reason(err) + ")" + unchanged);
  };
  if (const int err = write_all(fd, bytes, sys)) fail("writing " + std::to_string(bytes.size()) + " bytes failed", err, true);
  const mode_t mode = exists ? (existing.st_mode & 07777) : options.new_file_mode.value_or(default_file_mode());
  if (::fchmod(fd, mode) != 0) fail("cannot set permissions", errno, true);
  if (sys.fsync(fd) != 0) fail("flushing to disk failed", errno, true);
  if (::close(fd) != 0) fail("closing the file failed", errno, false);
  if (exists && options.keep_backup) {
    const auto backup = path.string() + ".bak";
    try {
      // A new .bak gets the file's own permissions (a private case keeps a private backup).
      replace_file_durably(backup, read_file_capped(path, static_cast<std::uint64_t>(existing.st_size)),
                           {.keep_backup = false, .calls = options.calls, .new_file_mode = existing.st_mode & 07777});
    } catch (const std::exception& e) {
      ::unlink(temp.c_str());
      throw std::runtime_error("not saved: cannot keep the previous version as " + backup + " — " + e.what() + unchanged);
    }
  }
  if (sys.rename(temp.c_str(), path.c_str()) != 0) fail("renaming over the file failed", errno, false);
  // Make the rename itself durable.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string read_file_capped(const std::filesystem::path& path, std::uint64_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw std::runtime_error(path.string() + ": no such file");
  if (!std::filesystem::is_regular_file(status)) throw std::runtime_error(path.string() + ": not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw std::runtime_error(path.string() + ": cannot read its size (" + ec.message() + ")");
  if (size > max_bytes)
    throw std::runtime_error(path.string() + ": " + std::to_string(size) + " bytes — larger than the " + std::to_string(max_bytes) + "-byte limit");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open (" + std::strerror(errno) + ")");
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) throw std::runtime_error(path.string() + ": read failed");
  return data;
}

}  // namespace mv
