// Reading meshes: Assimp (only the allowed importers) in a child process returns each mesh as it
// read it; everything marginviz checks and builds from that happens here, in this process, where
// sanitizers and the fuzzer's coverage see it (docs/hardening.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include <assimp/BaseImporter.h>
#include <assimp/Importer.hpp>
#include <assimp/ProgressHandler.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "isolated_call.hpp"
#include "mesh_io.hpp"

namespace mv {
namespace {

// Keeps only the OBJ, STL, PLY and glTF 2 importers: Assimp falls back to signature detection
// across all 48 importers otherwise, and some over-read on hostile files (engineering.md).
void restrict_importers(Assimp::Importer& importer) {
  const char* allowed[] = {"Wavefront Object Importer", "Stereolithography (STL) Importer",
                           "Stanford Polygon Library (PLY) Importer", "glTF2 Importer"};
  std::vector<Assimp::BaseImporter*> unwanted;
  for (size_t i = 0; i < importer.GetImporterCount(); ++i) {
    const aiImporterDesc* desc = importer.GetImporterInfo(i);
    bool keep = false;
    for (const char* name : allowed) keep |= desc && std::string(desc->mName) == name;
    if (!keep) unwanted.push_back(importer.GetImporter(i));
  }
  // Unregistering hands the importer back to us (Assimp no longer deletes it): found by LeakSanitizer.
  for (auto* imp : unwanted) {
    importer.UnregisterLoader(imp);
    delete imp;
  }
}

class ProgressRelay : public Assimp::ProgressHandler {
 public:
  explicit ProgressRelay(std::function<void(float)> f) : f_(std::move(f)) {}
  bool Update(float percentage) override {
    if (f_ && percentage >= 0.0f) f_(std::min(1.0f, percentage));
    return true;
  }

 private:
  std::function<void(float)> f_;
};

// A triangle mesh as Assimp read it: its node's name, the node's world transform, raw corners
// and faces (indices not yet checked).
struct RawMesh {
  std::string name;
  aiMatrix4x4 world;
  std::vector<aiVector3D> vertices;
  std::vector<std::array<std::uint32_t, 3>> faces;
};

void gather(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent, std::vector<RawMesh>& out) {
  const aiMatrix4x4 world = parent * node->mTransformation;
  for (unsigned k = 0; k < node->mNumMeshes; ++k) {
    const aiMesh* am = scene->mMeshes[node->mMeshes[k]];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    RawMesh raw{node->mName.length ? node->mName.C_Str() : am->mName.C_Str(), world, {am->mVertices, am->mVertices + am->mNumVertices}, {}};
    raw.faces.reserve(am->mNumFaces);
    for (unsigned f = 0; f < am->mNumFaces; ++f)
      if (am->mFaces[f].mNumIndices == 3) raw.faces.push_back({am->mFaces[f].mIndices[0], am->mFaces[f].mIndices[1], am->mFaces[f].mIndices[2]});
    out.push_back(std::move(raw));
  }
  for (unsigned c = 0; c < node->mNumChildren; ++c) gather(scene, node->mChildren[c], world, out);
}

std::vector<RawMesh> read_with_assimp(const std::filesystem::path& path, const std::function<void(float)>& progress) {
  Assimp::Importer importer;
  restrict_importers(importer);
  if (progress) importer.SetProgressHandler(new ProgressRelay(progress));  // the importer owns it
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  // Shared corners are joined by weld(), not by Assimp.
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_SortByPType);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
    std::string why = importer.GetErrorString();
    throw MeshIoError(why.empty() ? "not a readable mesh" : why);
  }
  std::vector<RawMesh> out;
  gather(scene, scene->mRootNode, aiMatrix4x4(), out);
  return out;
}

// RawMeshes as bytes through the pipe: per mesh the name, the transform, the corners and the
// faces, each array preceded by its count.
template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  put(out, static_cast<std::uint64_t>(v.size()));
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

std::string encode(const std::vector<RawMesh>& meshes) {
  std::string out;
  put(out, static_cast<std::uint64_t>(meshes.size()));
  for (const auto& m : meshes) {
    put(out, static_cast<std::uint64_t>(m.name.size()));
    out += m.name;
    put(out, m.world);
    put_array(out, m.vertices);
    put_array(out, m.faces);
  }
  return out;
}

std::vector<RawMesh> decode(const std::string& bytes) {
  size_t at = 0;
  auto take = [&](void* to, std::uint64_t size) {
    if (size > bytes.size() - at) throw MeshIoError("the reader's answer is truncated");
    std::memcpy(to, bytes.data() + at, size);
    at += size;
  };
  // A count is checked against what is left before anything is allocated for it.
  auto count = [&](size_t item_size) {
    std::uint64_t n = 0;
    take(&n, sizeof n);
    if (n > (bytes.size() - at) / item_size) throw MeshIoError("the reader's answer is truncated");
    return static_cast<size_t>(n);
  };
  std::vector<RawMesh> out(count(1));
  for (auto& m : out) {
    m.name.resize(count(1));
    take(m.name.data(), m.name.size());
    take(&m.world, sizeof m.world);
    m.vertices.resize(count(sizeof(aiVector3D)));
    take(m.vertices.data(), m.vertices.size() * sizeof(aiVector3D));
    m.faces.resize(count(sizeof(m.faces[0])));
    take(m.faces.data(), m.faces.size() * sizeof(m.faces[0]));
  }
  return out;
}

// Corners at the same position become one vertex: STL stores every triangle's corners apart, and
// Assimp's OBJ and PLY readers split them by normal and texture coordinate, which marginviz does
// not use. An exact-match hash table (open addressing), linear in the corners; Assimp's own
// JoinIdenticalVertices (an epsilon search) took most of a 1-million-triangle scan's import.
// Returns the new index of each original vertex; `kept` gets the original index of each new one.
std::vector<std::uint32_t> weld(const std::vector<aiVector3D>& vertices, std::vector<std::uint32_t>& kept) {
  const size_t n = vertices.size();
  size_t capacity = 16;
  int shift = 4;  // capacity == 1 << shift
  while (capacity < 2 * static_cast<size_t>(n)) capacity *= 2, ++shift;
  std::vector<std::uint32_t> slots(capacity, UINT32_MAX);  // new index, or empty
  std::vector<std::uint32_t> remap(n);
  auto bits = [](float f) {
    std::uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    return f == 0.0f ? 0u : b;  // -0 and +0 are one position
  };
  for (size_t v = 0; v < n; ++v) {
    const aiVector3D& p = vertices[v];
    const std::uint32_t x = bits(p.x), y = bits(p.y), z = bits(p.z);
    // splitmix64's finaliser over all 96 bits, high bits taken: grid-aligned coordinates (whole or
    // half millimetres, all-zero low mantissa bits) still spread over the whole table.
    std::uint64_t k = (static_cast<std::uint64_t>(x) << 32 | y) ^ (static_cast<std::uint64_t>(z) * 0x9E3779B97F4A7C15ull);
    k = (k ^ (k >> 30)) * 0xBF58476D1CE4E5B9ull;
    k = (k ^ (k >> 27)) * 0x94D049BB133111EBull;
    k ^= k >> 31;
    size_t h = static_cast<size_t>(k >> (64 - shift));
    for (;; h = (h + 1) & (capacity - 1)) {
      if (slots[h] == UINT32_MAX) {
        slots[h] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(static_cast<std::uint32_t>(v));
        break;
      }
      const aiVector3D& q = vertices[kept[slots[h]]];
      if (bits(q.x) == x && bits(q.y) == y && bits(q.z) == z) break;
    }
    remap[v] = slots[h];
  }
  return remap;
}

// The checked meshes, in mm: limits, indices in range, finite coordinates, shared corners joined.
std::vector<NamedMesh> build_meshes(const std::vector<RawMesh>& raw, double to_mm, const MeshImportLimits& limits) {
  std::vector<NamedMesh> out;
  std::size_t vertices = 0, triangles = 0;
  for (const RawMesh& m : raw) {
    triangles += m.faces.size();
    if (triangles > limits.max_triangles) throw MeshIoError("more than " + std::to_string(limits.max_triangles) + " triangles — over the import limit");
    for (size_t f = 0; f < m.faces.size(); ++f)
      for (const std::uint32_t i : m.faces[f])
        if (i >= m.vertices.size())
          throw MeshIoError("mesh \"" + m.name + "\": face " + std::to_string(f) + " uses vertex " + std::to_string(i) + " of " + std::to_string(m.vertices.size()));
    std::vector<std::uint32_t> kept;
    const std::vector<std::uint32_t> remap = weld(m.vertices, kept);
    vertices += kept.size();
    if (vertices > limits.max_vertices) throw MeshIoError("more than " + std::to_string(limits.max_vertices) + " vertices — over the import limit");
    NamedMesh nm;
    nm.name = m.name;
    nm.mesh.positions.reserve(kept.size());
    for (const std::uint32_t v : kept) {
      const aiVector3D t = m.world * m.vertices[v];
      const glm::dvec3 p = glm::dvec3(t.x, t.y, t.z) * to_mm;
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw MeshIoError("mesh \"" + nm.name + "\": vertex " + std::to_string(v) + " is not a finite number");
      nm.mesh.positions.push_back(p);
    }
    nm.mesh.triangles.reserve(m.faces.size());
    for (const auto& f : m.faces) nm.mesh.triangles.push_back({remap[f[0]], remap[f[1]], remap[f[2]]});
    if (!nm.mesh.triangles.empty()) out.push_back(std::move(nm));
  }
  if (out.empty()) throw MeshIoError("holds no triangles");
  return out;
}

}  // namespace

std::vector<NamedMesh> import_meshes(const std::filesystem::path& path, units::LengthUnit unit, const MeshImportLimits& limits,
                                     const std::function<void(float)>& progress) {
  const std::string ext = lower_extension(path);
  if (ext != ".obj" && ext != ".stl" && ext != ".ply" && ext != ".gltf" && ext != ".glb")
    throw MeshIoError(path.string() + ": unsupported mesh format \"" + ext + "\" — expected .obj, .stl, .ply, .gltf or .glb");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw MeshIoError(path.string() + ": no such file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw MeshIoError(path.string() + ": cannot read its size");
  if (size == 0) throw MeshIoError(path.string() + ": the file is empty");
  if (size > limits.max_file_bytes)
    throw MeshIoError(path.string() + ": " + std::to_string(size) + " bytes — larger than the " + std::to_string(limits.max_file_bytes) + "-byte limit");
  try {
    // Assimp runs in a child process: a file that crashes or hangs it cannot take marginviz along.
    const std::vector<RawMesh> raw =
        limits.isolate ? decode(run_isolated([&](const std::function<void(float)>& report) { return encode(read_with_assimp(path, report)); },
                                             limits.max_seconds, progress))
                       : read_with_assimp(path, progress);
    return build_meshes(raw, units::to_mm_factor(unit), limits);
  } catch (const std::runtime_error& e) {  // MeshIoError and IsolatedCallError alike
    const std::string why = e.what();
    if (why.rfind("more than", 0) == 0 || why.rfind("mesh \"", 0) == 0 || why == "holds no triangles") throw MeshIoError(path.string() + ": " + why);
    throw MeshIoError(path.string() + ": cannot import — " + why);
  }
}

}  // namespace mv
