#pragma once
#include <cmath>

namespace mv::app {

// A double click judged from the times of the presses themselves (GLFW's event time), not from
// the frames that see them: on software OpenGL one frame can take 0.3 s, longer than ImGui's
// double-click window, so ImGui's own detection missed real double clicks.
class DoubleClick {
 public:
  static constexpr double kSeconds = 0.45, kPixels = 6.0;
  // A left press at time `t` (s) and window position (x, y); true when it completes a double click.
  bool press(double t, double x, double y) {
    const bool dbl = t - last_t_ <= kSeconds && std::hypot(x - last_x_, y - last_y_) <= kPixels;
    last_t_ = dbl ? -1e9 : t;  // a third press starts afresh
    last_x_ = x, last_y_ = y;
    return dbl;
  }

 private:
  double last_t_ = -1e9, last_x_ = 0.0, last_y_ = 0.0;
};

}  // namespace mv::app
