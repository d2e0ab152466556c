#include "camera_controller.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

namespace mv::app {

void CameraController::orbit(glm::vec2 d) {
  constexpr float kRadiansPerPixel = 0.006f;
  orbit_radians(-d.x * kRadiansPerPixel, -d.y * kRadiansPerPixel);
}

void CameraController::dolly(float factor) {
  const glm::vec3 offset = camera_.eye - camera_.target;
  camera_.eye = camera_.target + offset / std::max(factor, 1e-3f);
}

void CameraController::orbit_radians(float yaw_angle, float pitch_angle) {
  glm::vec3 offset = camera_.eye - camera_.target;
  const glm::vec3 forward = glm::normalize(-offset);
  const glm::vec3 right = glm::normalize(glm::cross(forward, camera_.up));
  // Turn about the screen's vertical, then its horizontal axis; "up" travels with the view.
  const glm::quat yaw = glm::angleAxis(yaw_angle, glm::normalize(camera_.up));
  const glm::quat pitch = glm::angleAxis(pitch_angle, right);
  const glm::quat q = yaw * pitch;
  const glm::vec3 turned = q * offset;
  if (glm::length(outward_) > 0.0f) {
    const glm::vec3 n = glm::normalize(outward_);
    const float before = glm::dot(glm::normalize(offset), n), after = glm::dot(glm::normalize(turned), n);
    if (after < std::sin(min_elevation_) && after < before) return;  // would pass under the skin
  }
  camera_.up = glm::normalize(q * camera_.up);
  camera_.eye = camera_.target + turned;
}

const char* preset_name(ViewPreset p) {
  switch (p) {
    case ViewPreset::Anterior:
      return "front (anterior)";
    case ViewPreset::Posterior:
      return "back (posterior)";
    case ViewPreset::Left:
      return "patient's left";
    case ViewPreset::Right:
      return "patient's right";
    case ViewPreset::Superior:
      return "top (superior)";
    case ViewPreset::Inferior:
      return "bottom (inferior)";
  }
  return "";
}

void CameraController::view_from(ViewPreset p) {
  const float distance = glm::length(camera_.eye - camera_.target);
  glm::vec3 from{0.0f, 0.0f, 1.0f}, up{0.0f, 1.0f, 0.0f};
  switch (p) {
    case ViewPreset::Anterior:
      break;
    case ViewPreset::Posterior:
      from = {0.0f, 0.0f, -1.0f};
      break;
    case ViewPreset::Left:
      from = {1.0f, 0.0f, 0.0f};
      break;
    case ViewPreset::Right:
      from = {-1.0f, 0.0f, 0.0f};
      break;
    case ViewPreset::Superior:
      from = {0.0f, 1.0f, 0.0f}, up = {0.0f, 0.0f, -1.0f};
      break;  // anterior at the bottom, as if standing at the head
    case ViewPreset::Inferior:
      from = {0.0f, -1.0f, 0.0f}, up = {0.0f, 0.0f, 1.0f};
      break;
  }
  camera_.eye = camera_.target + from * distance;
  camera_.up = up;
}

void CameraController::pan(glm::vec2 d, float viewport_h) {
  const glm::vec3 offset = camera_.eye - camera_.target;
  const float distance = glm::length(offset);
  const float mm_per_px = 2.0f * distance * std::tan(glm::radians(camera_.fov_y_deg) / 2.0f) / std::max(viewport_h, 1.0f);
  const glm::vec3 forward = glm::normalize(-offset);
  const glm::vec3 right = glm::normalize(glm::cross(forward, camera_.up));
  const glm::vec3 up = glm::cross(right, forward);
  const glm::vec3 shift = (-d.x * right + d.y * up) * mm_per_px;
  camera_.eye += shift;
  camera_.target += shift;
}

void CameraController::zoom(float steps) {
  const glm::vec3 offset = camera_.eye - camera_.target;
  const float distance = std::clamp(glm::length(offset) * std::pow(0.88f, steps), 15.0f, 4000.0f);
  camera_.eye = camera_.target + glm::normalize(offset) * distance;
}

void CameraController::recentre(const glm::vec3& point) {
  const glm::vec3 shift = point - camera_.target;
  camera_.target += shift;
  camera_.eye += shift;
}

}  // namespace mv::app
