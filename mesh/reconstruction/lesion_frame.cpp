#include "reconstruction/lesion_frame.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include <glm/geometric.hpp>

#include "common/units.hpp"

namespace mv {
namespace {

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}
}  // namespace

glm::dvec3 LesionFrame::direction(double theta) const { return std::cos(theta) * three + std::sin(theta) * twelve; }

double clock_to_angle(double hour) { return (3.0 - hour) * std::numbers::pi / 6.0; }

LesionFrame place_lesion(const RayCaster& skin, const LesionPlacement& p) {
  const double az = units::deg_to_rad(p.azimuth_deg), el = units::deg_to_rad(p.elevation_deg);
  const glm::dvec3 origin{0.0, units::cm_to_mm(p.height_cm), 0.0};
  const glm::dvec3 dir{std::cos(el) * std::sin(az), std::sin(el), std::cos(el) * std::cos(az)};
  constexpr double far = 2000.0;
  const auto hit = skin.cast(origin + far * dir, -dir, far);
  if (!hit)
    throw PlacementError("lesion.position: azimuth " + one_decimal(p.azimuth_deg) + "°, height " + one_decimal(p.height_cm) +
                         " cm — misses the skin of this anatomy; choose a height within the model");
  LesionFrame f;
  f.centre = hit->point;
  f.normal = hit->normal;
  // 12 o'clock: toward the head, i.e. superior projected onto the skin; anterior where the skin
  // faces straight up or down (vertex, sole).
  glm::dvec3 up{0.0, 1.0, 0.0};
  glm::dvec3 t = up - glm::dot(up, f.normal) * f.normal;
  if (glm::length(t) < 0.15) {
    const glm::dvec3 anterior{0.0, 0.0, 1.0};
    t = anterior - glm::dot(anterior, f.normal) * f.normal;
  }
  const glm::dvec3 twelve0 = glm::normalize(t);
  const glm::dvec3 three0 = glm::cross(twelve0, f.normal);
  const double a = units::deg_to_rad(p.twelve_oclock_deg);
  f.twelve = std::cos(a) * twelve0 + std::sin(a) * three0;
  f.three = glm::cross(f.twelve, f.normal);
  return f;
}

std::vector<SkinPoint> walk_along_skin(const RayCaster& skin, const LesionFrame& frame, double theta, std::span<const double> targets,
                                       double step_mm) {
  std::vector<SkinPoint> out;
  out.reserve(targets.size());
  glm::dvec3 p = frame.centre, n = frame.normal, heading = frame.direction(theta);
  double walked = 0.0;
  size_t next = 0;
  while (next < targets.size() && targets[next] <= 0.0) out.push_back({p, n}), ++next;
  const double lift = std::max(3.0, 2.0 * step_mm);
  int guard = 0;
  while (next < targets.size()) {
    if (++guard > 100000) throw PlacementError("walk along the skin did not converge");
    const glm::dvec3 q = p + step_mm * heading;
    const auto hit = skin.cast(q + lift * n, -n, 2.0 * lift);
    // A miss or a sudden turn of the surface means the footprint runs off the modelled skin.
    if (!hit || glm::dot(hit->normal, n) < 0.5)
      throw PlacementError("the lesion does not fit on this anatomy: " + one_decimal(units::mm_to_cm(walked)) +
                           " cm from its centre the skin ends or folds; reduce its size or move it");
    const glm::dvec3 chord = hit->point - p;
    const double seg = glm::length(chord);
    if (seg <= 1e-9) throw PlacementError("walk along the skin stalled");
    while (next < targets.size() && walked + seg >= targets[next]) {
      const double f = (targets[next] - walked) / seg;
      out.push_back({p + f * chord, glm::normalize((1.0 - f) * n + f * hit->normal)});
      ++next;
    }
    const glm::dvec3 nn = hit->normal;
    const glm::dvec3 carried = chord - glm::dot(chord, nn) * nn;
    if (glm::length(carried) > 1e-12) heading = glm::normalize(carried);
    p = hit->point;
    n = nn;
    walked += seg;
  }
  return out;
}

}  // namespace mv
