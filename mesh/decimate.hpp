#pragma once
#include <cstddef>

#include "triangle_mesh.hpp"

namespace mv {

// A lighter copy of a large surface for drawing (VTK quadric decimation, boundary kept); the
// original stays for measuring and ray casting. Meshes at or under the target come back unchanged.
TriangleMesh decimate_for_display(const TriangleMesh& mesh, std::size_t target_triangles);

}  // namespace mv
