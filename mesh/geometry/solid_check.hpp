#pragma once
#include <cstddef>

#include "geometry/triangle_mesh.hpp"

namespace mv {

// Closedness and size of a solid, measured with VTK (independent of our own mesh code).
struct SolidCheck {
  std::size_t boundary_edges = 0;      // edges used by one triangle
  std::size_t non_manifold_edges = 0;  // edges used by three or more
  double volume_mm3 = 0.0;
  double surface_area_mm2 = 0.0;
  bool watertight() const { return boundary_edges == 0 && non_manifold_edges == 0; }
};

SolidCheck check_solid(const TriangleMesh& mesh);

}  // namespace mv
