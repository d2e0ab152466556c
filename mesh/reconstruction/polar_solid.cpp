#include "reconstruction/polar_solid.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {

double wrap_angle(double t) {
  t = std::fmod(t, 2.0 * std::numbers::pi);
  return t < 0.0 ? t + 2.0 * std::numbers::pi : t;
}

namespace {

// A per-angle value of a region at angle t, linear between the samples around it.
double interpolate(const std::vector<double>& theta, const std::vector<double>& values, double t) {
  const double two_pi = 2.0 * std::numbers::pi;
  t = std::fmod(std::fmod(t, two_pi) + two_pi, two_pi);
  const auto it = std::upper_bound(theta.begin(), theta.end(), t);
  const size_t hi = it == theta.end() ? 0 : static_cast<size_t>(it - theta.begin());
  const size_t lo = hi == 0 ? theta.size() - 1 : hi - 1;
  double t0 = theta[lo], t1 = theta[hi];
  if (t1 <= t0) t1 += two_pi;
  if (t < t0) t += two_pi;
  const double f = t1 > t0 ? (t - t0) / (t1 - t0) : 0.0;
  return values[lo] + f * (values[hi] - values[lo]);
}

}  // namespace

double PolarRegion::radius_at(double t) const { return interpolate(theta, radius_mm, t); }
double PolarRegion::depth_at(double t) const { return interpolate(theta, depth_mm, t); }

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

PolarSolid build_polar_solid(const SkinRays& rays, const PolarRegion& region, int rings, FloorSurface floor) {
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
      glm::dvec3 bottom = p.point - region.depth_mm[j] * p.normal;
      if (floor.surface && std::abs(region.depth_mm[j] - floor.at_depth_mm) < 1e-6)
        if (auto hit = floor.surface->cast(p.point, -p.normal, 2.0 * region.depth_mm[j] + 10.0)) bottom = hit->point + 0.5 * p.normal;
      m.positions.push_back(bottom);
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
    out.margin_surface.triangles.insert(out.margin_surface.triangles.end(), m.triangles.end() - 2, m.triangles.end());
    out.margin_surface.triangles.push_back({1, bottom(1, j + 1), bottom(1, j)});
    for (int i = 1; i < rings; ++i) {
      out.margin_surface.triangles.push_back({bottom(i, j), bottom(i + 1, j + 1), bottom(i + 1, j)});
      out.margin_surface.triangles.push_back({bottom(i, j), bottom(i, j + 1), bottom(i + 1, j + 1)});
    }
    for (int i = 0; i < rings; ++i) {
      const glm::dvec3 a = skin_at(i, j), b = skin_at(i + 1, j), c = skin_at(i + 1, j + 1), d = skin_at(i, j + 1);
      out.skin_area_mm2 += 0.5 * glm::length(glm::cross(b - a, c - a));
      if (i > 0) out.skin_area_mm2 += 0.5 * glm::length(glm::cross(c - a, d - a));
    }
  }
  if (enclosed_volume_mm3(m) < 0.0) {
    for (auto& t : m.triangles) std::swap(t[1], t[2]);
    for (auto& t : out.margin_surface.triangles) std::swap(t[1], t[2]);
  }
  out.margin_surface.positions = m.positions;
  return out;
}

namespace {

// Sweeps a four-corner profile (inner-top, outer-top, outer-bottom, inner-bottom) along a run of
// angles, capping the ends unless the run closes on itself.
void sweep_profile(TriangleMesh& mesh, const std::vector<std::array<glm::dvec3, 4>>& profiles, bool closed_loop) {
  TriangleMesh piece;
  for (const auto& p : profiles) piece.positions.insert(piece.positions.end(), p.begin(), p.end());
  const auto n = static_cast<std::uint32_t>(profiles.size());
  auto v = [](std::uint32_t j, std::uint32_t corner) { return 4 * j + corner; };
  const std::uint32_t last = closed_loop ? n : n - 1;
  for (std::uint32_t j = 0; j < last; ++j) {
    const std::uint32_t k = (j + 1) % n;
    for (std::uint32_t c = 0; c < 4; ++c) {
      const std::uint32_t d = (c + 1) % 4;
      piece.triangles.push_back({v(j, c), v(k, c), v(k, d)});
      piece.triangles.push_back({v(j, c), v(k, d), v(j, d)});
    }
  }
  if (!closed_loop) {
    piece.triangles.push_back({v(0, 0), v(0, 1), v(0, 2)});
    piece.triangles.push_back({v(0, 0), v(0, 2), v(0, 3)});
    piece.triangles.push_back({v(n - 1, 0), v(n - 1, 2), v(n - 1, 1)});
    piece.triangles.push_back({v(n - 1, 0), v(n - 1, 3), v(n - 1, 2)});
  }
  if (enclosed_volume_mm3(piece) < 0.0)
    for (auto& t : piece.triangles) std::swap(t[1], t[2]);
  mesh.append(piece);
}

}  // namespace

TriangleMesh build_band(const SkinRays& rays, const PolarRegion& inner, const PolarRegion& outer, const std::vector<bool>& covered) {
  TriangleMesh out;
  const size_t A = covered.size();
  if (std::none_of(covered.begin(), covered.end(), [](bool b) { return b; })) return out;  // nothing taken
  const bool all = std::all_of(covered.begin(), covered.end(), [](bool b) { return b; });
  // Start each run just after an uncovered angle (or anywhere when all are covered).
  size_t start = 0;
  if (!all)
    while (covered[start] || !covered[(start + A - 1) % A]) start = (start + 1) % A;
  auto point = [&](size_t j, double r, double depth) {
    const SkinPoint p = rays.at(j, r);
    return p.point - depth * p.normal;
  };
  size_t j = start;
  for (size_t seen = 0; seen < A;) {
    if (!covered[j]) {
      j = (j + 1) % A, ++seen;
      continue;
    }
    std::vector<std::array<glm::dvec3, 4>> ring, slab;
    bool deeper = false;
    while (seen < A && covered[j]) {
      const double r_in = inner.radius_mm[j], r_out = outer.radius_mm[j];
      const double d_in = inner.depth_mm[j], d_out = outer.depth_mm[j];
      ring.push_back({point(j, r_in, 0.0), point(j, r_out, 0.0), point(j, r_out, d_out), point(j, r_in, d_out)});
      slab.push_back({point(j, 0.0, d_in), point(j, r_in, d_in), point(j, r_in, d_out), point(j, 0.0, d_out)});
      deeper |= d_out > d_in + 0.01;
      j = (j + 1) % A, ++seen;
    }
    const bool widened = std::any_of(ring.begin(), ring.end(), [](const auto& p) { return glm::length(p[1] - p[0]) > 0.01; });
    if (widened && ring.size() > 1) sweep_profile(out, ring, all);
    if (deeper && slab.size() > 1) sweep_profile(out, slab, all);
  }
  return out;
}

}  // namespace mv
