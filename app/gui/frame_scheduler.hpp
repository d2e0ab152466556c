#pragma once

namespace mv::app {

// When the desktop app draws. It sleeps until an event; an event buys a few frames (ImGui settles
// hover and focus over a frame or two); while something moves on its own (a scan being read, a
// text cursor) it keeps drawing; a view drawn at moving quality is drawn once more at full quality
// when it has been still for kRefineAfterS. No GLFW here: times are passed in (seconds).
class FrameScheduler {
 public:
  static constexpr int kFramesPerEvent = 3;
  static constexpr double kRefineAfterS = 0.25;
  static constexpr double kIdleWakeS = 1.0;  // the autosave's tick

  void wake() { frames_wanted_ = kFramesPerEvent; }
  // How long the loop may wait for events before it looks again (0: poll and go on).
  double wait_s(double now, bool busy) const;
  // Whether a frame is drawn now; if so it is counted.
  bool take_frame(double now, bool busy);
  // The view's camera was dragged, or a control dragged, at `now`.
  void moved(double now) { last_motion_ = now; }
  // Whether the frame being drawn is at moving quality (reduced resolution, coarse anatomy); if so,
  // a refinement is due once the view is still. `visible`: false while minimised (nothing to refine).
  bool moving_quality(double now, bool visible);
  // The start's frames are drawn and nothing is due: what the idle check counts from.
  bool settled(bool busy) const { return frames_wanted_ == 0 && !busy && !refine_due_; }
  long frames_drawn() const { return frames_drawn_; }

 private:
  bool refine_now(double now) const { return refine_due_ && now - last_motion_ >= kRefineAfterS; }
  int frames_wanted_ = 0;
  double last_motion_ = -1.0e9;
  bool refine_due_ = false;  // the last 3D frame was drawn at moving quality
  long frames_drawn_ = 0;
};

}  // namespace mv::app
