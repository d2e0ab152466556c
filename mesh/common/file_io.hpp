#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <functional>
#include <optional>
#include <string_view>
#include <sys/types.h>

namespace mv {

// The system calls a durable replace makes. Tests substitute them to inject failures (a write
// error at some byte, a full disk, a read-only folder) without needing such a disk.
struct FileSystemCalls {
  std::function<int(char* name_template)> make_temp;  // mkstemp
  std::function<ssize_t(int fd, const void* data, size_t size)> write;
  std::function<int(int fd)> fsync;
  std::function<int(const char* from, const char* to)> rename;
  static const FileSystemCalls& real();
};

struct ReplaceOptions {
  bool keep_backup = true;  // the previous version is kept as `<name>.bak`
  const FileSystemCalls* calls = &FileSystemCalls::real();
  // Permissions of a new file (an existing file keeps its own); default: 0666 less the umask.
  std::optional<mode_t> new_file_mode;
};

// Replaces `path` with `bytes` so that a crash or failure at any point leaves either the old file
// or the new one, never a mix: temp file in the same folder, write, fsync, previous version copied
// to `.bak` (itself replaced the same way), rename over the target, fsync of the folder. A link is
// followed and kept; the file's permissions are kept (a new file gets the user's default).
// On failure throws std::runtime_error naming what failed; `path` is byte-identical and the temp
// file is removed.
void replace_file_durably(const std::filesystem::path& path, std::string_view bytes, const ReplaceOptions& options = {});

// Writes all of `bytes` to `fd`, retrying short writes and interruptions. Returns 0, or the errno
// of the failure (ENOSPC for a write that makes no progress).
int write_all(int fd, std::string_view bytes, const FileSystemCalls& sys = FileSystemCalls::real());

// Reads a whole regular file, refusing files over `max_bytes`; throws std::runtime_error with the reason.
std::string read_file_capped(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace mv
