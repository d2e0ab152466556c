#include "isolated_call.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace mv {
namespace {

// Child → parent frames: a tag byte, a 64-bit length, the payload.
enum Tag : char { Progress = 'p', Result = 'r', Failure = 'e' };

bool write_all(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

bool send(int fd, Tag tag, const std::string& payload) {
  const std::uint64_t size = payload.size();
  return write_all(fd, &tag, 1) && write_all(fd, &size, sizeof size) && write_all(fd, payload.data(), payload.size());
}

[[noreturn]] void child_main(int fd, const std::function<std::string(const std::function<void(float)>&)>& work) {
  auto report = [fd](float f) { send(fd, Progress, std::string(reinterpret_cast<const char*>(&f), sizeof f)); };
  bool ok = false;
  try {
    ok = send(fd, Result, work(report));
  } catch (const std::exception& e) {
    ok = send(fd, Failure, e.what());
  } catch (...) {
    ok = send(fd, Failure, "an unknown error");
  }
  ::_exit(ok ? 0 : 3);  // no atexit handlers, no flushing of the parent's buffers
}

std::string describe(int status) {
  if (WIFSIGNALED(status)) return std::string("the reader crashed (") + ::strsignal(WTERMSIG(status)) + ")";
  // A sanitizer build turns a crash into exit status 1 after its report.
  return "the reader stopped unexpectedly (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
}

}  // namespace

std::string run_isolated(const std::function<std::string(const std::function<void(float)>&)>& work, double timeout_s,
                         const std::function<void(float)>& progress) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw IsolatedCallError(std::string("cannot start the reader: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]), ::close(fds[1]);
    throw IsolatedCallError(std::string("cannot start the reader: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(fds[1], work);
  }
  ::close(fds[1]);
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
  } child{pid, fds[0]};
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

}  // namespace mv
