#pragma once
#include <glm/vec2.hpp>

#include "scene.hpp"

namespace mv::app {

// Orbit / pan / zoom of a render::Camera from mouse motion in pixels. No windowing code: the
// GUI feeds it events, tests feed it numbers.
class CameraController {
 public:
  void reset(const render::Camera& home) { camera_ = home_ = home; }
  const render::Camera& camera() const { return camera_; }
  const render::Camera& home() const { return home_; }

  void orbit(glm::vec2 delta_px);                  // left-drag
  void orbit_radians(float yaw, float pitch);      // about the screen's vertical, then horizontal axis
  void dolly(float factor);                        // 2 = twice as close
  void pan(glm::vec2 delta_px, float viewport_h);  // middle-drag, shift+left-drag
  void zoom(float wheel_steps);                    // mouse wheel; positive = closer
  void recentre(const glm::vec3& point);           // double-click on a surface
  void go_home() { camera_ = home_; }              // R

 private:
  render::Camera camera_, home_;
};

}  // namespace mv::app
