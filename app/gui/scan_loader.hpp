#pragma once
// A surface scan read on a worker thread while the GUI stays live, with its progress.
#include <atomic>
#include <functional>
#include <future>

namespace mv::app {

class ScanLoader {
 public:
  using Job = std::function<void(const std::function<void(float)>& progress)>;
  // Starts `job` on a worker; the job reports its progress (0..1) through the function it is given.
  void start(Job job);
  bool running() const { return future_.valid(); }
  bool finished() const { return future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }
  // Once finished: ends the read, rethrowing what the job threw.
  void take() { future_.get(); }
  float progress() const { return progress_.load(); }

 private:
  // Declared before the future: members are destroyed in reverse order and the future's
  // destructor waits for the worker, so the value the worker writes outlives it.
  std::atomic<float> progress_{0.0f};
  std::future<void> future_;
};

}  // namespace mv::app
