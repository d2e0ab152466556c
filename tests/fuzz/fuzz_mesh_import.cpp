// Any bytes as a mesh file, through import_meshes exactly as the app calls it: Assimp with only
// the allowed importers, in its child process. The first byte picks the extension (Assimp picks
// the importer by it), the rest is the file. Import either succeeds with finite, in-range meshes
// or throws MeshIoError; a crash, hang or leak of marginviz is a failure. (Assimp itself is not
// instrumented, and runs in the child: coverage guidance comes from our side of the wall.)
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "fuzz_support.hpp"
#include "io/mesh_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* extensions[] = {".obj", ".stl", ".ply", ".gltf", ".glb"};
  if (size < 1) return 0;
  const auto path = mv::fuzz::scratch_dir() / (std::string("mesh") + extensions[data[0] % 5]);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  mv::MeshImportLimits limits;
  limits.max_vertices = limits.max_triangles = 200'000;  // keeps each run fast; the caps themselves are tested
  limits.max_seconds = 2.0;                              // a file that hangs Assimp is refused, not a fuzzer timeout
  try {
    for (const auto& nm : mv::import_meshes(path, mv::units::LengthUnit::Millimetre, limits)) {
      for (const auto& p : nm.mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) std::abort();
      for (const auto& t : nm.mesh.triangles)
        for (auto i : t)
          if (i >= nm.mesh.positions.size()) std::abort();
    }
  } catch (const mv::MeshIoError&) {
  }
  return 0;
}
