#include "reconstruction/tumour_solid.hpp"
#include "geometry/solid_check.hpp"

#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "common/units.hpp"

namespace mv {
namespace {

constexpr double kPi = std::numbers::pi;

double profile(double rho) { return std::sqrt(std::max(0.0, 1.0 - rho * rho)); }

double triangle_area(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) { return 0.5 * glm::length(glm::cross(b - a, c - a)); }

}  // namespace

double ellipse_radius(double a, double b, double theta) {
  const double c = b * std::cos(theta), s = a * std::sin(theta);
  return a * b / std::sqrt(c * c + s * s);
}

double analytic_footprint_mm2(const TumourShape& s) { return kPi * units::cm_to_mm(s.x_cm) * units::cm_to_mm(s.y_cm) / 4.0; }

double analytic_volume_mm3(const TumourShape& s) { return 2.0 / 3.0 * analytic_footprint_mm2(s) * (s.depth_mm + s.exophytic_mm); }

TumourSolid build_tumour_solid(const RayCaster& skin, const LesionFrame& frame, const TumourShape& shape, const TumourQuality& q) {
  const int A = q.angles, N = q.rings;
  const double a = units::cm_to_mm(shape.x_cm) / 2.0, b = units::cm_to_mm(shape.y_cm) / 2.0;
  // Rings crowd toward the rim, where the profile √(1-ρ²) turns fastest.
  std::vector<double> rho(N);
  for (int i = 0; i < N; ++i) rho[i] = std::sin(0.5 * kPi * (i + 1) / N);

  // ring_points[i * A + j]: ring i (0-based, i = N-1 is the rim), angle j.
  std::vector<SkinPoint> ring_points(static_cast<size_t>(N) * A);
  std::vector<double> targets(N);
  for (int j = 0; j < A; ++j) {
    const double theta = 2.0 * kPi * j / A;
    const double radius = ellipse_radius(a, b, theta);
    for (int i = 0; i < N; ++i) targets[i] = rho[i] * radius;
    const double step = std::clamp(radius / 24.0, 0.25, 3.0);
    const auto pts = walk_along_skin(skin, frame, theta, targets, step);
    for (int i = 0; i < N; ++i) ring_points[static_cast<size_t>(i) * A + j] = pts[i];
  }

  TumourSolid out;
  auto& m = out.mesh;
  auto vid = [&](int i, int j) { return static_cast<std::uint32_t>(2 + i * A + (j % A)); };
  // Vertex layout: 0 top apex, 1 bottom apex, then top rings 0..N-1 (the last is the shared rim),
  // then bottom rings 0..N-2.
  m.positions.push_back(frame.centre + shape.exophytic_mm * frame.normal);
  m.positions.push_back(frame.centre - shape.depth_mm * frame.normal);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < A; ++j) {
      const auto& sp = ring_points[static_cast<size_t>(i) * A + j];
      m.positions.push_back(sp.point + shape.exophytic_mm * profile(rho[i]) * sp.normal);
    }
  const auto bottom_base = static_cast<std::uint32_t>(m.positions.size());
  auto bid = [&](int i, int j) { return i == N - 1 ? vid(i, j) : bottom_base + static_cast<std::uint32_t>(i * A + (j % A)); };
  for (int i = 0; i + 1 < N; ++i)
    for (int j = 0; j < A; ++j) {
      const auto& sp = ring_points[static_cast<size_t>(i) * A + j];
      m.positions.push_back(sp.point - shape.depth_mm * profile(rho[i]) * sp.normal);
    }
  // θ grows from 3 toward 12 o'clock, counter-clockwise seen from outside.
  for (int j = 0; j < A; ++j) {
    m.triangles.push_back({0, vid(0, j), vid(0, j + 1)});
    m.triangles.push_back({1, bid(0, j + 1), bid(0, j)});
    for (int i = 0; i + 1 < N; ++i) {
      m.triangles.push_back({vid(i, j), vid(i + 1, j), vid(i + 1, j + 1)});
      m.triangles.push_back({vid(i, j), vid(i + 1, j + 1), vid(i, j + 1)});
      m.triangles.push_back({bid(i, j), bid(i + 1, j + 1), bid(i + 1, j)});
      m.triangles.push_back({bid(i, j), bid(i, j + 1), bid(i + 1, j + 1)});
    }
  }
  if (enclosed_volume_mm3(m) < 0.0)
    for (auto& t : m.triangles) std::swap(t[1], t[2]);

  // Footprint: the same fan and rings laid on the skin itself.
  auto on_skin = [&](int i, int j) { return ring_points[static_cast<size_t>(i) * A + (j % A)].point; };
  for (int j = 0; j < A; ++j) {
    out.footprint_area_mm2 += triangle_area(frame.centre, on_skin(0, j), on_skin(0, j + 1));
    for (int i = 0; i + 1 < N; ++i) {
      out.footprint_area_mm2 += triangle_area(on_skin(i, j), on_skin(i + 1, j), on_skin(i + 1, j + 1));
      out.footprint_area_mm2 += triangle_area(on_skin(i, j), on_skin(i + 1, j + 1), on_skin(i, j + 1));
    }
    out.outline.push_back(on_skin(N - 1, j));
  }
  out.volume_mm3 = enclosed_volume_mm3(m);
  out.watertight = check_solid(m).watertight();
  out.angles = A;
  out.rings = N;
  out.skin_rings.reserve(ring_points.size());
  for (const auto& sp : ring_points) out.skin_rings.push_back(sp.point);
  return out;
}

}  // namespace mv
