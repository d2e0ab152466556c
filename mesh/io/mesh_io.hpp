#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "geometry/triangle_mesh.hpp"
#include "common/units.hpp"

namespace mv {

class MeshIoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct NamedMesh {
  std::string name;
  TriangleMesh mesh;  // mm
};

struct MeshImportLimits {
  std::uint64_t max_file_bytes = 512ull << 20;
  std::size_t max_vertices = 8'000'000;
  std::size_t max_triangles = 8'000'000;
  double max_seconds = 120.0;  // the reader is stopped after this long (a hostile file can make it loop)
  // Files from outside (a user's scan) are read in a child process; the anatomy models bundled
  // with marginviz, written by marginviz-anatomy, are trusted and read here, 4x faster.
  bool isolate = true;
};

// Imports OBJ, STL, PLY, glTF or GLB through Assimp with every other importer unregistered,
// applies node transforms and converts from `unit` to mm. Assimp runs in a child process
// (isolated_call.hpp), so a file that crashes or hangs it is refused like any other. Any problem
// is a MeshIoError that says what was wrong; never a crash for a bad file.
// `progress` (optional) hears the share read so far, 0 to 1, from the reading thread.
std::vector<NamedMesh> import_meshes(const std::filesystem::path& path, units::LengthUnit unit, const MeshImportLimits& limits = {},
                                     const std::function<void(float)>& progress = {});

// ".STL" -> ".stl"
std::string lower_extension(const std::filesystem::path& path);

enum class MeshFormat { Glb, Stl, Ply, Obj, ThreeMf };
// From the file extension; throws MeshIoError naming the supported ones.
MeshFormat mesh_format_for(const std::filesystem::path& path);
units::LengthUnit file_unit(MeshFormat f);  // metres for glTF, mm otherwise
const char* unit_name(units::LengthUnit u);

struct ExportItem {
  std::string name;  // node/object name, e.g. "subcutaneous-fat", "tumour-preoperative"
  const TriangleMesh* mesh = nullptr;
  std::array<float, 4> rgba{1, 1, 1, 1};  // the caller gives the colour (app/palette.hpp)
};

// Writes the items as one scene, one named node each, in the format's unit. Written to a
// temporary file beside `path` and renamed over it, so a failed export leaves `path` as it was.
void export_meshes(const std::vector<ExportItem>& items, const std::filesystem::path& path);
// 3MF (lib3mf): one named, coloured, closed body per item, in mm, for a multi-colour printer.
void export_3mf(const std::vector<ExportItem>& items, const std::filesystem::path& path);
// One file per item, named after it beside `path` ("case-tumour.stl"): STL and PLY hold one nameless
// mesh each, so a printer or Blender gets the objects apart. Returns the files written.
std::vector<std::filesystem::path> export_meshes_split(const std::vector<ExportItem>& items, const std::filesystem::path& path);

}  // namespace mv
