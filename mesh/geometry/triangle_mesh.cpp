#include "geometry/triangle_mesh.hpp"

#include <algorithm>
#include <limits>

#include <glm/geometric.hpp>

namespace mv {

void TriangleMesh::append(const TriangleMesh& other) {
  const auto base = static_cast<std::uint32_t>(positions.size());
  positions.insert(positions.end(), other.positions.begin(), other.positions.end());
  triangles.reserve(triangles.size() + other.triangles.size());
  for (const auto& t : other.triangles) triangles.push_back({t[0] + base, t[1] + base, t[2] + base});
}

double surface_area_mm2(const TriangleMesh& mesh) {
  double area = 0.0;
  for (const auto& t : mesh.triangles) {
    const auto& a = mesh.positions[t[0]];
    area += 0.5 * glm::length(glm::cross(mesh.positions[t[1]] - a, mesh.positions[t[2]] - a));
  }
  return area;
}

double enclosed_volume_mm3(const TriangleMesh& mesh) {
  double six_v = 0.0;
  for (const auto& t : mesh.triangles) six_v += glm::dot(mesh.positions[t[0]], glm::cross(mesh.positions[t[1]], mesh.positions[t[2]]));
  return six_v / 6.0;
}

std::vector<glm::dvec3> vertex_normals(const TriangleMesh& mesh) {
  std::vector<glm::dvec3> n(mesh.positions.size(), glm::dvec3(0.0));
  for (const auto& t : mesh.triangles) {
    const auto& a = mesh.positions[t[0]];
    const glm::dvec3 face = glm::cross(mesh.positions[t[1]] - a, mesh.positions[t[2]] - a);
    for (auto i : t) n[i] += face;
  }
  for (auto& v : n) {
    const double len = glm::length(v);
    v = len > 0.0 ? v / len : glm::dvec3(0.0, 0.0, 1.0);
  }
  return n;
}

Bounds bounds_of(const TriangleMesh& mesh) {
  if (mesh.positions.empty()) return {};
  Bounds b{glm::dvec3(std::numeric_limits<double>::max()), glm::dvec3(std::numeric_limits<double>::lowest())};
  for (const auto& p : mesh.positions) {
    b.min = glm::min(b.min, p);
    b.max = glm::max(b.max, p);
  }
  return b;
}

}  // namespace mv
