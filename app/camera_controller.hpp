#pragma once
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "scene.hpp"

namespace mv::app {

// Standard views, named as in Slicer (anatomical directions: +X patient's left, +Y superior,
// +Z anterior): the camera looks at the target FROM that side.
enum class ViewPreset { Anterior, Posterior, Left, Right, Superior, Inferior };
const char* preset_name(ViewPreset p);  // "front (anterior)", ...

// Orbit / pan / zoom of a render::Camera from mouse motion in pixels. No windowing code: the
// GUI feeds it events, tests feed it numbers.
class CameraController {
 public:
  // Orbiting keeps the eye on the outer side of the skin at the lesion: within `min_elevation`
  // radians of its tangent plane at most (an orbit step that would go below it is not taken,
  // unless it climbs back). Off (the default, and in section views) when `normal` is zero.
  void keep_outside(const glm::vec3& normal, float min_elevation = 0.05f) { outward_ = normal, min_elevation_ = min_elevation; }
  void view_from(ViewPreset p);  // keeps the target and the distance
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
  glm::vec3 outward_{0.0f};
  float min_elevation_ = 0.05f;
};

}  // namespace mv::app
