#include "frame_scheduler.hpp"

#include <algorithm>

namespace mv::app {

double FrameScheduler::wait_s(double now, bool busy) const {
  if (frames_wanted_ > 0 || busy) return 0.0;
  return refine_due_ ? std::max(0.0, last_motion_ + kRefineAfterS - now) : kIdleWakeS;
}

bool FrameScheduler::take_frame(double now, bool busy) {
  if (frames_wanted_ == 0 && !busy && !refine_now(now)) return false;
  if (frames_wanted_ > 0) --frames_wanted_;
  ++frames_drawn_;
  return true;
}

bool FrameScheduler::moving_quality(double now, bool visible) {
  refine_due_ = visible && now - last_motion_ < kRefineAfterS;
  return refine_due_;
}

}  // namespace mv::app
