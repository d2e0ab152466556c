#include "anatomy/surface_sampling.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {
namespace {
using glm::dvec3;
constexpr double kPi = std::numbers::pi;
}  // namespace

dvec3 outermost_crossing(const Field& f, const Ray& ray, double reach) {
  constexpr double step = 1.0;
  double outside = reach;
  for (double t = reach - step; t > 0.0; t -= step) {
    if (f(ray.origin + t * ray.direction) < 0.0) {
      double lo = t, hi = outside;
      for (int i = 0; i < 40; ++i) {
        const double mid = 0.5 * (lo + hi);
        (f(ray.origin + mid * ray.direction) < 0.0 ? lo : hi) = mid;
      }
      return ray.origin + 0.5 * (lo + hi) * ray.direction;
    }
    outside = t;
  }
  throw std::logic_error("anatomy ray found no surface");
}

dvec3 horizontal(double theta) { return {std::sin(theta), 0.0, std::cos(theta)}; }

TubeGrid sample_cylindrical(const Field& f, int rows, int cols, double y0, double y1) {
  TubeGrid g{rows, cols, {}, {}, {}};
  g.points.reserve(static_cast<size_t>(rows) * cols);
  for (int r = 0; r < rows; ++r) {
    const double y = y0 + (y1 - y0) * r / (rows - 1);
    for (int c = 0; c < cols; ++c) g.points.push_back(outermost_crossing(f, {{0.0, y, 0.0}, horizontal(2.0 * kPi * c / cols)}, 400.0));
  }
  return g;
}

TubeGrid sample_spherical(const Field& f, int rows, int cols, const dvec3& centre, double phi0, double phi1) {
  TubeGrid g{rows, cols, {}, {}, {}};
  auto dir = [](double phi, double theta) { return std::sin(phi) * horizontal(theta) + dvec3(0.0, std::cos(phi), 0.0); };
  for (int r = 0; r < rows; ++r) {
    const double phi = phi0 + (phi1 - phi0) * (r + (phi0 == 0.0 ? 1.0 : 0.0)) / (rows - 1 + (phi0 == 0.0 ? 1.0 : 0.0) + (phi1 >= kPi ? 1.0 : 0.0));
    for (int c = 0; c < cols; ++c) g.points.push_back(outermost_crossing(f, {centre, dir(phi, 2.0 * kPi * c / cols)}, 400.0));
  }
  if (phi0 == 0.0) g.first_pole = outermost_crossing(f, {centre, {0.0, 1.0, 0.0}}, 400.0);
  if (phi1 >= kPi) g.last_pole = outermost_crossing(f, {centre, {0.0, -1.0, 0.0}}, 400.0);
  return g;
}

TubeGrid sample_along_axis(const Field& f, int rows, int cols, const dvec3& top, const dvec3& bottom, double cap_mm) {
  const double length = glm::length(top - bottom);
  const dvec3 up = length > 1e-9 ? (top - bottom) / length : dvec3(0.0, 1.0, 0.0);
  dvec3 ez = dvec3(0.0, 0.0, 1.0) - up.z * up;
  if (glm::length(ez) < 1e-6) ez = dvec3(0.0, -1.0, 0.0) - up.y * up;  // a horizontal segment along Z
  ez = glm::normalize(ez);
  const dvec3 ex = glm::cross(up, ez);
  auto around = [&](double theta) { return std::sin(theta) * ex + std::cos(theta) * ez; };
  // The meridian: a quarter circle over the top cap, the segment, a quarter circle under the bottom.
  const double cap = 0.5 * kPi * cap_mm, total = 2.0 * cap + length;
  constexpr double reach = 600.0;
  TubeGrid g{rows, cols, {}, {}, {}};
  g.points.reserve(static_cast<size_t>(rows) * cols);
  for (int r = 0; r < rows; ++r) {
    const double s = total * (r + 1) / (rows + 1);
    for (int c = 0; c < cols; ++c) {
      const dvec3 side = around(2.0 * kPi * c / cols);
      Ray ray;
      if (s < cap) {
        const double phi = 0.5 * kPi * s / cap;
        ray = {top, std::cos(phi) * up + std::sin(phi) * side};
      } else if (s > cap + length) {
        const double phi = 0.5 * kPi * (s - cap - length) / cap;
        ray = {bottom, std::sin(phi) * -up + std::cos(phi) * side};
      } else {
        ray = {top + (s - cap) / std::max(length, 1e-9) * (bottom - top), side};
      }
      g.points.push_back(outermost_crossing(f, ray, reach));
    }
  }
  g.first_pole = outermost_crossing(f, {top, up}, reach);
  g.last_pole = outermost_crossing(f, {bottom, -up}, reach);
  return g;
}

}  // namespace mv
