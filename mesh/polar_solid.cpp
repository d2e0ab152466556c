#include "polar_solid.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {

double PolarRegion::radius_at(double t) const {
  const double two_pi = 2.0 * std::numbers::pi;
  t = std::fmod(std::fmod(t, two_pi) + two_pi, two_pi);
  const auto it = std::upper_bound(theta.begin(), theta.end(), t);
  const size_t hi = it == theta.end() ? 0 : static_cast<size_t>(it - theta.begin());
  const size_t lo = hi == 0 ? theta.size() - 1 : hi - 1;
  double t0 = theta[lo], t1 = theta[hi];
  if (t1 <= t0) t1 += two_pi;
  if (t < t0) t += two_pi;
  const double f = t1 > t0 ? (t - t0) / (t1 - t0) : 0.0;
  return radius_mm[lo] + f * (radius_mm[hi] - radius_mm[lo]);
}

SkinRays::SkinRays(const RayCaster& skin, const LesionFrame& frame, std::vector<double> theta, const std::vector<double>& reach_mm)
    : frame_(frame), theta_(std::move(theta)) {
  step_ = std::clamp(*std::max_element(reach_mm.begin(), reach_mm.end()) / 80.0, 0.5, 2.0);
  samples_.reserve(theta_.size());
  for (size_t j = 0; j < theta_.size(); ++j) {
    const int n = static_cast<int>(std::ceil(reach_mm[j] / step_)) + 2;
    std::vector<double> arcs(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) arcs[static_cast<size_t>(k)] = k * step_;
    samples_.push_back(walk_along_skin(skin, frame_, theta_[j], arcs, step_));
  }
}

SkinPoint SkinRays::at(size_t ray, double arc) const {
  const auto& s = samples_[ray];
  const double x = std::clamp(arc / step_, 0.0, static_cast<double>(s.size() - 1));
  const size_t k = std::min(static_cast<size_t>(x), s.size() - 2);
  const double f = x - static_cast<double>(k);
  return {s[k].point + f * (s[k + 1].point - s[k].point), glm::normalize(s[k].normal + f * (s[k + 1].normal - s[k].normal))};
}

PolarSolid build_polar_solid(const SkinRays& rays, const PolarRegion& region, int rings) {
  const size_t A = region.theta.size();
  if (A != rays.theta().size()) throw std::invalid_argument("build_polar_solid: region and rays sample different angles");
  const LesionFrame& f = rays.frame();
  PolarSolid out;
  auto& m = out.mesh;
  // Vertices: 0 top centre, 1 bottom centre, then per ring i (1..rings) and angle j: top, bottom.
  const double centre_depth = [&] {
    double d = 0.0;
    for (double v : region.depth_mm) d += v;
    return d / static_cast<double>(A);
  }();
  m.positions.push_back(f.centre);
  m.positions.push_back(f.centre - centre_depth * f.normal);
  auto top = [&](int i, size_t j) { return static_cast<std::uint32_t>(2 + 2 * ((i - 1) * A + (j % A))); };
  auto bottom = [&](int i, size_t j) { return top(i, j) + 1; };
  std::vector<glm::dvec3> on_skin;
  on_skin.reserve(A * rings);
  for (int i = 1; i <= rings; ++i)
    for (size_t j = 0; j < A; ++j) {
      const SkinPoint p = rays.at(j, region.radius_mm[j] * i / rings);
      m.positions.push_back(p.point);
      m.positions.push_back(p.point - region.depth_mm[j] * p.normal);
      on_skin.push_back(p.point);
      if (i == rings) out.rim.push_back(p);
    }
  auto skin_at = [&](int i, size_t j) { return i == 0 ? f.centre : on_skin[(i - 1) * A + (j % A)]; };
  for (size_t j = 0; j < A; ++j) {
    m.triangles.push_back({0, top(1, j), top(1, j + 1)});
    m.triangles.push_back({1, bottom(1, j + 1), bottom(1, j)});
    for (int i = 1; i < rings; ++i) {
      m.triangles.push_back({top(i, j), top(i + 1, j), top(i + 1, j + 1)});
      m.triangles.push_back({top(i, j), top(i + 1, j + 1), top(i, j + 1)});
      m.triangles.push_back({bottom(i, j), bottom(i + 1, j + 1), bottom(i + 1, j)});
      m.triangles.push_back({bottom(i, j), bottom(i, j + 1), bottom(i + 1, j + 1)});
    }
    // Wall from the rim on the skin down to the floor.
    m.triangles.push_back({top(rings, j), bottom(rings, j), bottom(rings, j + 1)});
    m.triangles.push_back({top(rings, j), bottom(rings, j + 1), top(rings, j + 1)});
    for (int i = 0; i < rings; ++i) {
      const glm::dvec3 a = skin_at(i, j), b = skin_at(i + 1, j), c = skin_at(i + 1, j + 1), d = skin_at(i, j + 1);
      out.skin_area_mm2 += 0.5 * glm::length(glm::cross(b - a, c - a));
      if (i > 0) out.skin_area_mm2 += 0.5 * glm::length(glm::cross(c - a, d - a));
    }
  }
  if (enclosed_volume_mm3(m) < 0.0)
    for (auto& t : m.triangles) std::swap(t[1], t[2]);
  return out;
}

}  // namespace mv
