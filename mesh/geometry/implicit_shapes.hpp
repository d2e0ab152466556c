#pragma once
// Approximate signed-distance primitives (negative inside, mm) and smooth blends, used to model
// organic body shapes that are then sampled along rays into TubeGrids.
#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace mv::implicit {

inline double ellipsoid(const glm::dvec3& p, const glm::dvec3& centre, const glm::dvec3& radii) {
  const glm::dvec3 q = p - centre;
  const double k0 = glm::length(q / radii);
  const double k1 = glm::length(q / (radii * radii));
  return k1 > 0.0 ? k0 * (k0 - 1.0) / k1 : -std::min({radii.x, radii.y, radii.z});
}

// A capsule whose radius changes linearly from `ra` at `a` to `rb` at `b`.
inline double tapered_capsule(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, double ra, double rb) {
  const glm::dvec3 ab = b - a;
  const double t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0, 1.0);
  return glm::length(p - (a + t * ab)) - (ra + (rb - ra) * t);
}

// Polynomial smooth minimum: unions two shapes with a fillet of about `k` mm.
inline double smooth_union(double a, double b, double k) {
  const double h = std::max(k - std::abs(a - b), 0.0) / k;
  return std::min(a, b) - h * h * k * 0.25;
}

inline double smooth_subtract(double shape, double cutter, double k) { return -smooth_union(-shape, cutter, k); }
inline double smooth_intersect(double a, double b, double k) { return -smooth_union(-a, -b, k); }

}  // namespace mv::implicit
