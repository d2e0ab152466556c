// Crash-safe saving: failures injected at every step of replace_file_durably leave the old file
// byte-identical and no temporary file behind.
#include <cerrno>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "common/file_io.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

using test::ScratchDir;
using test::slurp_file;

// Real calls, except where a test breaks one.
struct FaultyCalls {
  FileSystemCalls calls = FileSystemCalls::real();
  size_t bytes_written = 0;
  // Fails the write that would pass byte `fail_at` with `err`, after writing what fits before it.
  void fail_writes_at(size_t fail_at, int err) {
    calls.write = [this, fail_at, err](int fd, const void* data, size_t n) -> ssize_t {
      if (bytes_written >= fail_at) return errno = err, -1;
      const size_t allowed = std::min(n, fail_at - bytes_written);
      const ssize_t w = ::write(fd, data, allowed);
      if (w > 0) bytes_written += static_cast<size_t>(w);
      return w;
    };
  }
};

class ReplaceFile : public ::testing::Test {
 protected:
  void SetUp() override {
    target = scratch.path / "case.json";
    std::ofstream(target, std::ios::binary) << original;
    ::chmod(target.c_str(), 0640);
  }
  // The folder holds the original file and nothing else.
  void expect_untouched() {
    EXPECT_EQ(slurp_file(target), original);
    EXPECT_EQ(scratch.names(), std::vector<std::string>{"case.json"}) << "a temporary file was left behind";
  }
  ScratchDir scratch;
  std::filesystem::path target;
  const std::string original = "{\"old\": true}\n";
  const std::string replacement = std::string(20000, 'x') + "\n";
};

TEST_F(ReplaceFile, SucceedsKeepingThePreviousVersionAndPermissions) {
  replace_file_durably(target, replacement);
  EXPECT_EQ(slurp_file(target), replacement);
  EXPECT_EQ(slurp_file(scratch.path / "case.json.bak"), original);
  EXPECT_EQ(scratch.names(), (std::vector<std::string>{"case.json", "case.json.bak"}));
  struct stat st {};
  ::stat(target.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(ReplaceFile, WriteErrorAtAnyByteLeavesTheFileByteIdentical) {
  for (size_t at : {size_t{0}, size_t{1}, size_t{4096}, replacement.size() / 2, replacement.size() - 1}) {
    FaultyCalls faulty;
    faulty.fail_writes_at(at, EIO);
    try {
      replace_file_durably(target, replacement, {.calls = &faulty.calls});
      ADD_FAILURE() << "a write error at byte " << at << " was not reported";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("Input/output error"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("is unchanged"), std::string::npos) << e.what();
    }
    SCOPED_TRACE("write error at byte " + std::to_string(at));
    expect_untouched();
  }
}

TEST_F(ReplaceFile, FullDiskLeavesTheFileByteIdentical) {
  FaultyCalls faulty;
  faulty.fail_writes_at(8192, ENOSPC);
  EXPECT_THROW(replace_file_durably(target, replacement, {.calls = &faulty.calls}), std::runtime_error);
  expect_untouched();
  // A disk that accepts nothing more (write returns 0) is a full disk too, not an endless loop.
  FaultyCalls stuck;
  stuck.calls.write = [](int, const void*, size_t) -> ssize_t { return 0; };
  EXPECT_THROW(replace_file_durably(target, replacement, {.calls = &stuck.calls}), std::runtime_error);
  expect_untouched();
}

TEST_F(ReplaceFile, ReadOnlyFolderLeavesTheFileByteIdentical) {
  // Injected, because root (as in CI containers) ignores a folder's permissions.
  for (int err : {EACCES, EROFS}) {
    FaultyCalls faulty;
    faulty.calls.make_temp = [err](char*) { return errno = err, -1; };
    try {
      replace_file_durably(target, replacement, {.calls = &faulty.calls});
      ADD_FAILURE() << "a read-only folder was not reported";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("cannot create a file in"), std::string::npos) << e.what();
    }
    expect_untouched();
  }
  if (::geteuid() != 0) {  // and for real where permissions apply
    ::chmod(scratch.path.c_str(), 0555);
    EXPECT_THROW(replace_file_durably(target, replacement), std::runtime_error);
    ::chmod(scratch.path.c_str(), 0755);
    expect_untouched();
  }
}

TEST_F(ReplaceFile, FlushAndRenameFailuresLeaveTheFileByteIdentical) {
  FaultyCalls no_fsync;
  no_fsync.calls.fsync = [](int) { return errno = EIO, -1; };
  EXPECT_THROW(replace_file_durably(target, replacement, {.calls = &no_fsync.calls}), std::runtime_error);
  expect_untouched();
  FaultyCalls no_rename;
  no_rename.calls.rename = [](const char*, const char*) { return errno = EXDEV, -1; };
  EXPECT_THROW(replace_file_durably(target, replacement, {.keep_backup = false, .calls = &no_rename.calls}), std::runtime_error);
  expect_untouched();
}

TEST_F(ReplaceFile, BackupFailureLeavesTheFileByteIdentical) {
  // The first rename (the .bak) fails: the save stops before the target is touched.
  FaultyCalls faulty;
  faulty.calls.rename = [](const char* from, const char* to) {
    return std::string(to).ends_with(".bak") ? (errno = ENOSPC, -1) : ::rename(from, to);
  };
  try {
    replace_file_durably(target, replacement, {.calls = &faulty.calls});
    ADD_FAILURE() << "a failed backup was not reported";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot keep the previous version"), std::string::npos) << e.what();
  }
  expect_untouched();
}

TEST_F(ReplaceFile, FailedFirstSaveCreatesNothing) {
  const auto fresh = scratch.path / "new.json";
  FaultyCalls faulty;
  faulty.fail_writes_at(100, ENOSPC);
  try {
    replace_file_durably(fresh, replacement, {.calls = &faulty.calls});
    ADD_FAILURE();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("was not created"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(fresh));
  expect_untouched();
}

TEST(ReadFileCapped, RefusesLargeFilesFoldersAndMissingFiles) {
  ScratchDir scratch;
  const auto p = scratch.path / "big.json";
  std::ofstream(p) << std::string(1001, ' ');
  EXPECT_THROW(read_file_capped(p, 1000), std::runtime_error);
  EXPECT_EQ(read_file_capped(p, 1001).size(), 1001u);
  EXPECT_THROW(read_file_capped(scratch.path, 1000), std::runtime_error);
  EXPECT_THROW(read_file_capped(scratch.path / "missing.json", 1000), std::runtime_error);
}

}  // namespace
}  // namespace mv
