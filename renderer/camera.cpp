#include <glm/ext/matrix_clip_space.hpp>
#include <glm/ext/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

#include "scene.hpp"

namespace mv::render {

glm::mat4 Camera::view() const { return glm::lookAt(eye, target, up); }

glm::mat4 Camera::projection(float aspect) const { return glm::perspective(glm::radians(fov_y_deg), aspect, near_mm, far_mm); }

}  // namespace mv::render
