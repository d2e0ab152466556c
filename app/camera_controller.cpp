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
  offset = q * offset;
  camera_.up = glm::normalize(q * camera_.up);
  camera_.eye = camera_.target + offset;
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
