#pragma once
#include <functional>
#include <stdexcept>
#include <string>

namespace mv {

class IsolatedCallError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Runs `work` in a child process (fork, no exec) and returns the bytes it produced, so that a
// crash, a hang or a leak inside a third-party reader (Assimp, fuzzed: scripts/fuzz.sh) ends the
// child only. Calls of the child's progress function reach `progress` here, on this thread.
// Throws IsolatedCallError with the child's exception text, or saying how the child died or that
// it ran past `timeout_s` (it is then killed).
std::string run_isolated(const std::function<std::string(const std::function<void(float)>& progress)>& work, double timeout_s,
                         const std::function<void(float)>& progress = {});

}  // namespace mv
