#pragma once
// Which site a point of the whole body belongs to (the whole-body view's click), as a surgeon names
// it, and the point in that site's frame.
#include <glm/vec3.hpp>

#include "anatomy/sites.hpp"

namespace mv {

struct BodyPointSite {
  Site site = Site::Chest;
  glm::dvec3 local{};     // the point in the site's frame
  bool mirrored = false;  // on a left limb: mirrored onto the right one, which the regions model
};
// `p`: a point on (or just under) the body's skin, body frame (body_shape.hpp).
BodyPointSite site_at_body_point(const glm::dvec3& p);

}  // namespace mv
