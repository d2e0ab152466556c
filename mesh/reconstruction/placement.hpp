#pragma once
#include <glm/vec3.hpp>

#include "case/case_model.hpp"

namespace mv {

// The case-file placement that puts the lesion at a point picked on the skin (a click in the 3D
// view): the ray from the site's axis at the point's height (elevation 0) toward it, or, for a point
// above or below the axis's reach (the vertex of the head), from the origin with an elevation.
LesionPlacement placement_for_point(const glm::dvec3& point_mm, double twelve_oclock_deg);

}  // namespace mv
