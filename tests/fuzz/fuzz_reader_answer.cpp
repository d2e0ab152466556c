// Any bytes as the mesh reader child's answer (mesh/io/reader_answer.hpp): a child that crashed
// mid-write, or Assimp's output for a hostile file, reaches the parent as such bytes. Decoding and
// building either throw MeshIoError or give finite meshes whose every triangle has, corner for
// corner, the transformed position of the corner it came from (joining never merges two
// positions). No fork and no Assimp: thousands of inputs a second, unlike fuzz_mesh_import.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/reader_answer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  mv::MeshImportLimits limits;
  limits.max_vertices = limits.max_triangles = 100'000;
  try {
    const std::vector<mv::RawMesh> raw = mv::decode_reader_answer(bytes);
    const std::vector<mv::NamedMesh> built = mv::build_meshes(raw, 10.0, limits);
    size_t b = 0;
    for (const mv::RawMesh& m : raw) {
      if (m.faces.empty()) continue;  // left out of the result
      const mv::NamedMesh& nm = built.at(b++);
      if (nm.name != m.name || nm.mesh.triangles.size() != m.faces.size()) std::abort();
      for (const auto& p : nm.mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) std::abort();
      for (size_t f = 0; f < m.faces.size(); ++f)
        for (int k = 0; k < 3; ++k) {
          const aiVector3D t = m.world * m.vertices[m.faces[f][k]];
          const glm::dvec3 expected = glm::dvec3(t.x, t.y, t.z) * 10.0;
          if (nm.mesh.positions.at(nm.mesh.triangles[f][k]) != expected) std::abort();
        }
    }
    if (b != built.size()) std::abort();
  } catch (const mv::MeshIoError&) {
  }
  return 0;
}
