#pragma once
// The ruler: the distance between two points on the skin, as the straight line and along the
// skin the way a tape laid over it between them would run as seen from the viewer.
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "geometry/ray_caster.hpp"

namespace mv {

struct SkinDistance {
  glm::dvec3 a{0.0}, b{0.0};  // the two points, on the skin
  double straight_mm = 0.0;
  double along_skin_mm = 0.0;
  std::vector<glm::dvec3> path;  // the path over the skin, a to b
};

// `a`, `b`: picked points (possibly under translucent skin); `view_dir`: the viewer's looking
// direction. Each point of the chord is carried onto the skin seen from the viewer's side (the
// first skin surface met looking along `view_dir`). nullopt when a point has no skin in front of it.
std::optional<SkinDistance> measure_on_skin(const RayCaster& skin, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& view_dir,
                                            int samples = 128);

}  // namespace mv
