#pragma once
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "geometry/triangle_mesh.hpp"

namespace mv {

// A surface sampled as rows of closed rings (cols points each), optionally closed by a pole at
// either end. Anatomy layers are built as shells between two such grids of equal size.
struct TubeGrid {
  int rows = 0, cols = 0;
  std::vector<glm::dvec3> points;  // row-major, rows * cols
  std::optional<glm::dvec3> first_pole, last_pole;

  glm::dvec3& at(int r, int c) { return points[static_cast<size_t>(r) * cols + c]; }
  const glm::dvec3& at(int r, int c) const { return points[static_cast<size_t>(r) * cols + c]; }

  TriangleMesh surface() const;  // rings and pole fans, open ends left open
  // The surface moved inward by `depth_mm` along its vertex normals.
  TubeGrid offset_inward(double depth_mm) const;
  // Rows [begin, end); a pole survives only if its end row is kept.
  TubeGrid slice_rows(int begin, int end) const;
};

// Closed solid between `outer` and `inner` (same rows and cols): the outer surface, the inner one
// turned inside out, and annuli across open ends. Wound outward.
TriangleMesh shell_between(const TubeGrid& outer, const TubeGrid& inner);
// Closed solid bounded by `grid`, open ends closed by flat fans around the ring centroid.
TriangleMesh solid_of(const TubeGrid& grid);

}  // namespace mv
