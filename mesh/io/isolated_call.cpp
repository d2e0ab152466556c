#include "io/isolated_call.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "common/file_io.hpp"

namespace mv {
namespace {

// Child → parent frames: a tag byte, a 64-bit length, the payload.
enum Tag : char { Progress = 'p', Result = 'r', Failure = 'e' };

bool send(int fd, Tag tag, const std::string& payload) {
  const std::uint64_t size = payload.size();
  auto bytes_of = [](const auto& v) { return std::string_view(reinterpret_cast<const char*>(&v), sizeof v); };
  return write_all(fd, bytes_of(tag)) == 0 && write_all(fd, bytes_of(size)) == 0 && write_all(fd, payload) == 0;
}

std::string describe(int status) {
  if (WIFSIGNALED(status)) return std::string("the reader crashed (") + ::strsignal(WTERMSIG(status)) + ")";
  // A sanitizer build turns a crash into exit status 1 after its report.
  return "the reader stopped unexpectedly (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
}

// The parent's side: reads the child's frames (progress, then its result or error) until the last
// one, the child's end of the pipe closing, or the deadline; always stops and reaps the child.
std::string collect(pid_t pid, int fd, double timeout_s, const std::function<void(float)>& progress) {
  // Whatever happens here (a progress callback throwing, memory running out), the pipe is closed
  // and the child is stopped and reaped.
  struct Child {
    pid_t pid;
    int fd;
    int status = 0;
    bool reaped = false;
    int wait() {
      if (fd >= 0) ::close(fd), fd = -1;
      while (!reaped && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      reaped = true;
      return status;
    }
    ~Child() {
      if (!reaped) ::kill(pid, SIGKILL), wait();
    }
  } child{pid, fd};
  ::fcntl(child.fd, F_SETPIPE_SZ, 1 << 20);  // fewer round trips for a scan's tens of MB (best effort)
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  std::string buffer, result, failure;
  bool have_result = false, have_failure = false;
  size_t parsed = 0;
  std::vector<char> chunk(1 << 20);
  // Until the child's last frame (its result or its error), or until its end of the pipe closes.
  // (A last frame ends the wait even where another fork holds a copy of the pipe open.)
  while (!have_result && !have_failure) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      ::kill(child.pid, SIGKILL);
      child.wait();
      throw IsolatedCallError("the reader did not finish within " + std::to_string(static_cast<int>(timeout_s)) + " s and was stopped");
    }
    pollfd pfd{child.fd, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready <= 0) continue;  // a timeout or EINTR: check the deadline again
    const ssize_t n = ::read(child.fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child closed its end: it died without a last frame
    buffer.append(chunk.data(), static_cast<size_t>(n));
    // Take every complete frame.
    while (buffer.size() - parsed >= 9) {
      std::uint64_t size = 0;
      std::memcpy(&size, buffer.data() + parsed + 1, sizeof size);
      if (buffer.size() - parsed - 9 < size) break;
      const char tag = buffer[parsed];
      std::string payload = buffer.substr(parsed + 9, size);
      parsed += 9 + size;
      if (tag == Progress && payload.size() == sizeof(float) && progress) {
        float f = 0.0f;
        std::memcpy(&f, payload.data(), sizeof f);
        progress(f);
      } else if (tag == Result) {
        result = std::move(payload), have_result = true;
      } else if (tag == Failure) {
        failure = std::move(payload), have_failure = true;
      }
    }
    if (parsed > (1u << 20)) buffer.erase(0, parsed), parsed = 0;
  }
  const int status = child.wait();
  if (have_failure) throw IsolatedCallError(failure);
  if (have_result && WIFEXITED(status) && WEXITSTATUS(status) == 0) return result;
  throw IsolatedCallError(describe(status));
}

// A pipe whose ends are above the standard descriptors and fd 3, so that moving the write end
// to fd 3 in a spawned child never meets itself.
void make_pipe(int fds[2]) {
  int raw[2];
  if (::pipe2(raw, O_CLOEXEC) != 0) throw IsolatedCallError(std::string("cannot start the reader: ") + std::strerror(errno));
  for (int i = 0; i < 2; ++i) {
    fds[i] = ::fcntl(raw[i], F_DUPFD_CLOEXEC, 10);
    ::close(raw[i]);
  }
  if (fds[0] < 0 || fds[1] < 0) {
    for (int i = 0; i < 2; ++i)
      if (fds[i] >= 0) ::close(fds[i]);
    throw IsolatedCallError(std::string("cannot start the reader: ") + std::strerror(errno));
  }
}

}  // namespace

[[noreturn]] void serve_isolated(int fd, const std::function<std::string(const std::function<void(float)>&)>& work) {
  auto report = [fd](float f) { send(fd, Progress, std::string(reinterpret_cast<const char*>(&f), sizeof f)); };
  bool ok = false;
  try {
    ok = send(fd, Result, work(report));
  } catch (const std::exception& e) {
    ok = send(fd, Failure, e.what());
  } catch (...) {
    ok = send(fd, Failure, "an unknown error");
  }
  ::_exit(ok ? 0 : 3);  // no atexit handlers (nor leak checks), no flushing of inherited buffers
}

std::string run_isolated(const std::function<std::string(const std::function<void(float)>&)>& work, double timeout_s,
                         const std::function<void(float)>& progress) {
  int fds[2];
  make_pipe(fds);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]), ::close(fds[1]);
    throw IsolatedCallError(std::string("cannot start the reader: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    serve_isolated(fds[1], work);
  }
  ::close(fds[1]);
  return collect(pid, fds[0], timeout_s, progress);
}

std::string run_isolated_program(const std::vector<std::string>& argv, double timeout_s, const std::function<void(float)>& progress) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int fds[2];
  make_pipe(fds);
  // Its answer on kIsolatedFd (our other pipe ends close on exec), nothing to read, its output to
  // our error stream (or nowhere, if that is closed), default signal handling and none blocked.
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  const bool have_stderr = ::fcntl(STDERR_FILENO, F_GETFD) != -1;
  int err = posix_spawn_file_actions_adddup2(&actions, fds[1], kIsolatedFd);
  if (!err) err = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (!err)
    err = have_stderr ? posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO)
                      : posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (!err) err = posix_spawnattr_setsigmask(&attributes, &none);
  if (!err) err = posix_spawnattr_setsigdefault(&attributes, &all);
  if (!err) err = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  if (!err) err = ::posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(fds[1]);
  if (err != 0) {
    ::close(fds[0]);
    throw IsolatedCallError("cannot start the reader " + argv[0] + ": " + std::strerror(err));
  }
  return collect(pid, fds[0], timeout_s, progress);
}

}  // namespace mv
