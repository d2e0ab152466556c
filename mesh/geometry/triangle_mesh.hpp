#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

namespace mv {

// An indexed triangle mesh in millimetres. Triangles wind counter-clockwise seen from outside.
struct TriangleMesh {
  std::vector<glm::dvec3> positions;
  std::vector<std::array<std::uint32_t, 3>> triangles;

  bool empty() const { return triangles.empty(); }
  // Appends `other`, re-indexing its triangles.
  void append(const TriangleMesh& other);
};

double surface_area_mm2(const TriangleMesh& mesh);
// Signed volume by the divergence theorem; positive for a closed, outward-wound solid.
double enclosed_volume_mm3(const TriangleMesh& mesh);
// Area-weighted vertex normals, unit length.
std::vector<glm::dvec3> vertex_normals(const TriangleMesh& mesh);

struct Bounds {
  glm::dvec3 min{0.0}, max{0.0};
  glm::dvec3 centre() const { return (min + max) * 0.5; }
  glm::dvec3 size() const { return max - min; }
};
Bounds bounds_of(const TriangleMesh& mesh);

}  // namespace mv
