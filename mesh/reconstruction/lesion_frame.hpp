#pragma once
#include <span>
#include <stdexcept>
#include <vector>

#include <glm/vec3.hpp>

#include "case/case_model.hpp"
#include "geometry/ray_caster.hpp"

namespace mv {

// The lesion's place on the skin: centre, outward normal, and the 12 and 3 o'clock tangents as
// seen facing the patient (12 toward the head, 3 to the viewer's right).
struct LesionFrame {
  glm::dvec3 centre{0.0}, normal{0.0, 0.0, 1.0}, twelve{0.0, 1.0, 0.0}, three{1.0, 0.0, 0.0};
  // Tangent direction at angle `theta` (radians) from 3 o'clock toward 12 o'clock.
  glm::dvec3 direction(double theta) const;
  bool operator==(const LesionFrame&) const = default;
};

struct SkinPoint {
  glm::dvec3 point{0.0}, normal{0.0};
};

// A lesion that cannot be placed or does not fit on the surface.
class PlacementError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Casts the placement ray against the skin (the outer surface is the first hit from outside).
LesionFrame place_lesion(const RayCaster& skin, const LesionPlacement& placement);

// Clock hour (12 at the top, fractions allowed) to the angle used by LesionFrame::direction.
double clock_to_angle(double hour);

// Walks from the frame centre along the skin, starting in direction `theta`, and returns the
// points at the requested arc lengths (ascending, mm). The walk follows the surface in small
// steps, re-projecting onto the skin and carrying its heading along (a discrete straightest
// geodesic). Throws PlacementError when the walk leaves the skin (an edge or a fold).
std::vector<SkinPoint> walk_along_skin(const RayCaster& skin, const LesionFrame& frame, double theta, std::span<const double> arc_lengths_mm,
                                       double step_mm);

}  // namespace mv
