#pragma once
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace mv {

class IsolatedCallError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The wall around third-party readers (Assimp, fuzzed: scripts/fuzz.sh): the reading happens in
// a child process, so a crash, a hang or a leak in there ends the child only. The child sends
// progress and then its result (bytes) or its error back through a pipe; progress calls reach
// `progress` here, on this thread. Both throw IsolatedCallError with the child's exception text,
// or saying how the child died or that it ran past `timeout_s` (it is then killed).

// Runs `work` in a forked child (no exec).
std::string run_isolated(const std::function<std::string(const std::function<void(float)>& progress)>& work, double timeout_s,
                         const std::function<void(float)>& progress = {});

// Starts the program `argv` (posix_spawn: a fresh process, nothing inherited from this one's
// threads and locks), which answers through descriptor kIsolatedFd with serve_isolated. Its
// standard input is /dev/null and its standard output goes to this process's standard error.
std::string run_isolated_program(const std::vector<std::string>& argv, double timeout_s, const std::function<void(float)>& progress = {});

// The child's side: runs `work`, sends its progress and result (or error) through `fd`, and ends
// the process without running exit handlers.
constexpr int kIsolatedFd = 3;
[[noreturn]] void serve_isolated(int fd, const std::function<std::string(const std::function<void(float)>& progress)>& work);

}  // namespace mv
