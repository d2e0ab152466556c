#pragma once
#include <chrono>
#include <ostream>
#include <string>

namespace mv::app {

// `render --timings`: how long each phase of a command took, printed as it ends, so that a slow
// run says where its time went (README, "Speed").
class PhaseTimer {
 public:
  explicit PhaseTimer(std::ostream* out) : out_(out) {}
  void done(const std::string& phase) {
    const auto now = std::chrono::steady_clock::now();
    if (out_)
      *out_ << "timing: " << phase << " " << std::chrono::duration<double, std::milli>(now - last_).count() << " ms (at "
            << std::chrono::duration<double, std::milli>(now - start_).count() << " ms)\n";
    last_ = now;
  }

 private:
  std::ostream* out_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_ = start_;
};

}  // namespace mv::app
