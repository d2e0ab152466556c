#pragma once
// Cutting a closed solid by planes, the cuts capped, so what is left is closed (VTK's
// vtkClipClosedSurface): the printable block of tissue around a lesion.
#include <vector>

#include <glm/vec3.hpp>

#include "geometry/triangle_mesh.hpp"

namespace mv {

struct ClipPlane {
  glm::dvec3 origin, normal;  // kept: the side the normal points into
};

// The part of `solid` on the kept side of every plane, closed; empty when nothing is left.
TriangleMesh clip_closed(const TriangleMesh& solid, const std::vector<ClipPlane>& planes);

}  // namespace mv
