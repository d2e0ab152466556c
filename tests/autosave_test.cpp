// Autosave: unsaved work survives a killed process, the user's file is never written, and
// leftovers of an interrupted autosave are cleaned up.
#include <atomic>
#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "autosave.hpp"
#include "gui/case_document.hpp"
#include "gui/work_keeper.hpp"
#include "test_support.hpp"

namespace mv::app {
namespace {

using test::ScratchDir;
using test::slurp_file;

TEST(Autosave, WritesItsOwnFileAndNeverTheCaseFile) {
  ScratchDir scratch;
  const auto case_file = scratch.path / "case.json";
  std::filesystem::copy_file(test::case_path("han2009-abdomen"), case_file);
  const std::string before = slurp_file(case_file);
  Case c = test::load_bundled("han2009-abdomen");
  c.measurements[0].x_cm = -1.0;  // half-typed work with an error is kept too
  Autosaver saver(scratch.path / "autosave");
  saver.write(c, case_file);
  EXPECT_EQ(slurp_file(case_file), before);
  EXPECT_TRUE(std::filesystem::exists(saver.file()));
  // This process is alive, so its own autosave is not offered.
  EXPECT_TRUE(find_recoverable(scratch.path / "autosave").empty());
  saver.discard();
  EXPECT_FALSE(std::filesystem::exists(saver.file()));
}

TEST(Autosave, UnreadableRecordsAreReportedAndLeftInPlace) {
  ScratchDir scratch;
  std::ofstream(scratch.path / "autosave-2147483647.json") << "{\"pid\": 2147483647, \"case\": ";
  std::vector<std::string> unreadable;
  EXPECT_TRUE(find_recoverable(scratch.path, &unreadable).empty());
  ASSERT_EQ(unreadable.size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(scratch.path / "autosave-2147483647.json"));
}

// After a reboot or a crash, a pid in an old record may belong to another running program: the
// record is still offered, because its marginviz no longer holds the record's lock.
TEST(Autosave, ARecordWhosePidWasReusedIsStillOffered) {
  ScratchDir scratch;
  const auto dir = scratch.path / "autosave";
  const auto case_file = scratch.path / "case.json";
  std::filesystem::copy_file(test::case_path("han2009-abdomen"), case_file);
  const pid_t alive_other = ::getppid();
  {
    Autosaver saver(dir);
    saver.write(test::load_bundled("han2009-abdomen"), case_file);
    std::filesystem::rename(saver.file(), dir / ("autosave-" + std::to_string(alive_other) + ".json"));
  }
  auto text = slurp_file(dir / ("autosave-" + std::to_string(alive_other) + ".json"));
  const auto at = text.find("\"pid\": ");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, text.find(',', at) - at, "\"pid\": " + std::to_string(alive_other));
  std::ofstream(dir / ("autosave-" + std::to_string(alive_other) + ".json")) << text;
  ASSERT_EQ(::kill(alive_other, 0), 0) << "the stand-in pid must be a running process";
  EXPECT_EQ(find_recoverable(dir).size(), 1u);
}

// A child process autosaves once, then starts a second, slow autosave and is killed with SIGKILL
// in the middle of writing it. The next start must find the first autosave whole, remove the
// half-written temp file, and the user's case file must be byte-identical.
TEST(Autosave, ProcessKilledMidAutosaveLosesNothing) {
  ScratchDir scratch;
  const auto dir = scratch.path / "autosave";
  const auto case_file = scratch.path / "case.json";
  std::filesystem::copy_file(test::case_path("han2009-abdomen"), case_file);
  const std::string before = slurp_file(case_file);
  Case first = test::load_bundled("han2009-abdomen");
  first.case_id = "first-autosave";
  first.measurements[0].x_cm = 9.5;
  Case second = first;
  second.case_id = "second-autosave-never-finished";

  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    Autosaver(dir).write(first, case_file);
    (void)!::write(ready[1], "1", 1);
    FileSystemCalls slow = FileSystemCalls::real();
    slow.write = [](int fd, const void* data, size_t n) {  // 64 bytes a millisecond: seconds per autosave
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return ::write(fd, data, std::min<size_t>(n, 64));
    };
    for (;;) Autosaver(dir, &slow).write(second, case_file);
  }
  ::close(ready[1]);
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ::close(ready[0]);
  // Wait until the slow autosave's temp file exists and has grown, then kill mid-write.
  const std::string temp_prefix = ".autosave-" + std::to_string(child) + ".json.";
  bool mid_write = false;
  for (int i = 0; i < 500 && !mid_write; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().filename().string().rfind(temp_prefix, 0) == 0 && e.file_size() > 1000) mid_write = true;
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(mid_write) << "the child never started its second autosave";
  ASSERT_TRUE(WIFSIGNALED(status));

  const auto found = find_recoverable(dir);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].work.case_id, "first-autosave");
  EXPECT_DOUBLE_EQ(found[0].work.measurements[0].x_cm, 9.5);
  EXPECT_EQ(std::filesystem::absolute(found[0].case_path), std::filesystem::absolute(case_file));
  EXPECT_EQ(slurp_file(case_file), before);
  EXPECT_EQ(test::file_names(dir), std::vector<std::string>{"autosave-" + std::to_string(child) + ".json"})
      << "the half-written temp file must be cleaned up";

  // Recovering adopts the record as this process's autosave: it stays safe until saved.
  Autosaver mine(dir);
  mine.adopt(found[0].record_file);
  EXPECT_TRUE(std::filesystem::exists(mine.file()));
  EXPECT_FALSE(std::filesystem::exists(found[0].record_file));
}

// The app's autosave writes on a worker: a disk that stalls (here, a write held until released)
// never holds up the frame that started it, and the work is on disk once the write finishes.
TEST(Autosave, ASlowDiskDoesNotHoldUpTheApp) {
  ScratchDir scratch;
  const auto case_file = scratch.path / "case.json";
  std::filesystem::copy_file(test::case_path("han2009-abdomen"), case_file);
  CaseDocument doc;
  ASSERT_TRUE(doc.open(case_file).empty());
  doc.edit().measurements[0].x_cm = 7.25;
  doc.changed();

  std::atomic<bool> release{false}, written{false};
  FileSystemCalls stalled = FileSystemCalls::real();
  stalled.write = [&](int fd, const void* data, size_t n) {
    for (int i = 0; i < 1000 && !release; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const ssize_t done = ::write(fd, data, n);
    written = true;
    return done;
  };
  WorkKeeper keeper(scratch.path / "autosave", &stalled);
  keeper.tick(doc, 1000.0);  // due: starts the autosave
  EXPECT_TRUE(keeper.writing());
  EXPECT_FALSE(written) << "the frame waited for the disk";
  keeper.tick(doc, 1000.1);  // later frames do not wait either, nor start a second write
  EXPECT_FALSE(written);
  release = true;
  for (int i = 0; i < 500 && keeper.writing(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    keeper.tick(doc, 1000.2);
  }
  ASSERT_FALSE(keeper.writing());
  EXPECT_TRUE(keeper.problem().empty()) << keeper.problem();
  const auto autosave = scratch.path / "autosave" / ("autosave-" + std::to_string(::getpid()) + ".json");
  EXPECT_NE(slurp_file(autosave).find("7.25"), std::string::npos);
  keeper.discard();  // a clean exit
  EXPECT_FALSE(std::filesystem::exists(autosave));
}

}  // namespace
}  // namespace mv::app
