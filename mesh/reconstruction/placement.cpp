#include "reconstruction/placement.hpp"

#include <cmath>
#include <numbers>

#include "common/units.hpp"

namespace mv {

LesionPlacement placement_for_point(const glm::dvec3& p, double twelve_oclock_deg) {
  LesionPlacement out;
  out.twelve_oclock_deg = twelve_oclock_deg;
  const double horizontal = std::hypot(p.x, p.z);
  out.azimuth_deg = units::rad_to_deg(std::atan2(p.x, p.z));
  if (horizontal > 1e-6 && horizontal > 0.35 * std::abs(p.y)) {
    out.height_cm = units::mm_to_cm(p.y);  // level ray from the axis
  } else {
    out.elevation_deg = units::rad_to_deg(std::atan2(p.y, horizontal));  // steep: from the origin, tilted
  }
  // Keep within the validated ranges (rounded: the file stays readable).
  out.azimuth_deg = std::round(out.azimuth_deg * 100.0) / 100.0;
  out.height_cm = std::round(out.height_cm * 1000.0) / 1000.0;
  out.elevation_deg = std::round(out.elevation_deg * 100.0) / 100.0;
  return out;
}

}  // namespace mv
