#include "scan_loader.hpp"

namespace mv::app {

void ScanLoader::start(Job job) {
  progress_ = 0.0f;
  future_ = std::async(std::launch::async, [this, job = std::move(job)] { job([this](float f) { progress_ = f; }); });
}

}  // namespace mv::app
