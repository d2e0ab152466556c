#include "mesh_io.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdlib.h>

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/BaseImporter.h>
#include <assimp/ProgressHandler.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "isolated_call.hpp"

namespace mv {
namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

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

glm::dvec3 transform_point(const aiMatrix4x4& m, const aiVector3D& v) {
  const aiVector3D t = m * v;
  return {t.x, t.y, t.z};
}

// Corners at the same position become one vertex: STL stores every triangle's corners apart, and
// Assimp's OBJ and PLY readers split them by normal and texture coordinate, which marginviz does
// not use. An exact-match hash table (open addressing), linear in the corners; Assimp's own
// JoinIdenticalVertices (an epsilon search) took most of a 1-million-triangle scan's import.
// Returns the new index of each original vertex; `kept` gets the original index of each new one.
std::vector<std::uint32_t> weld(const aiMesh* am, std::vector<std::uint32_t>& kept) {
  const unsigned n = am->mNumVertices;
  size_t capacity = 16;
  while (capacity < 2 * static_cast<size_t>(n)) capacity *= 2;
  std::vector<std::uint32_t> slots(capacity, UINT32_MAX);  // new index, or empty
  std::vector<std::uint32_t> remap(n);
  auto bits = [](float f) {
    std::uint32_t b;
    std::memcpy(&b, &f, sizeof b);
    return f == 0.0f ? 0u : b;  // -0 and +0 are one position
  };
  for (unsigned v = 0; v < n; ++v) {
    const aiVector3D& p = am->mVertices[v];
    const std::uint32_t x = bits(p.x), y = bits(p.y), z = bits(p.z);
    size_t h = (x * 0x9E3779B1u) ^ (y * 0x85EBCA77u) ^ (z * 0xC2B2AE3Du);
    for (h &= capacity - 1;; h = (h + 1) & (capacity - 1)) {
      if (slots[h] == UINT32_MAX) {
        slots[h] = static_cast<std::uint32_t>(kept.size());
        kept.push_back(v);
        break;
      }
      const aiVector3D& q = am->mVertices[kept[slots[h]]];
      if (bits(q.x) == x && bits(q.y) == y && bits(q.z) == z) break;
    }
    remap[v] = slots[h];
  }
  return remap;
}

void collect(const aiScene* scene, const aiNode* node, const aiMatrix4x4& parent, double to_mm,
             std::vector<NamedMesh>& out, const MeshImportLimits& limits, std::size_t& vertices, std::size_t& triangles) {
  const aiMatrix4x4 world = parent * node->mTransformation;
  for (unsigned k = 0; k < node->mNumMeshes; ++k) {
    const aiMesh* am = scene->mMeshes[node->mMeshes[k]];
    if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    triangles += am->mNumFaces;
    if (triangles > limits.max_triangles) throw MeshIoError("more than " + std::to_string(limits.max_triangles) + " triangles — over the import limit");
    std::vector<std::uint32_t> kept;
    const std::vector<std::uint32_t> remap = weld(am, kept);
    vertices += kept.size();
    if (vertices > limits.max_vertices) throw MeshIoError("more than " + std::to_string(limits.max_vertices) + " vertices — over the import limit");
    NamedMesh nm;
    nm.name = node->mName.length ? node->mName.C_Str() : am->mName.C_Str();
    nm.mesh.positions.reserve(kept.size());
    for (const std::uint32_t v : kept) {
      const glm::dvec3 p = transform_point(world, am->mVertices[v]) * to_mm;
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw MeshIoError("mesh \"" + nm.name + "\": vertex " + std::to_string(v) + " is not a finite number");
      nm.mesh.positions.push_back(p);
    }
    for (unsigned f = 0; f < am->mNumFaces; ++f) {
      const aiFace& face = am->mFaces[f];
      if (face.mNumIndices != 3) continue;
      for (unsigned c = 0; c < 3; ++c)
        if (face.mIndices[c] >= am->mNumVertices)
          throw MeshIoError("mesh \"" + nm.name + "\": face " + std::to_string(f) + " uses vertex " + std::to_string(face.mIndices[c]) +
                            " of " + std::to_string(am->mNumVertices));
      nm.mesh.triangles.push_back({remap[face.mIndices[0]], remap[face.mIndices[1]], remap[face.mIndices[2]]});
    }
    if (!nm.mesh.triangles.empty()) out.push_back(std::move(nm));
  }
  for (unsigned c = 0; c < node->mNumChildren; ++c) collect(scene, node->mChildren[c], world, to_mm, out, limits, vertices, triangles);
}

}  // namespace

MeshFormat mesh_format_for(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".glb") return MeshFormat::Glb;
  if (ext == ".stl") return MeshFormat::Stl;
  if (ext == ".ply") return MeshFormat::Ply;
  if (ext == ".obj") return MeshFormat::Obj;
  throw MeshIoError(path.string() + ": unsupported mesh format \"" + ext + "\" — expected .glb, .stl, .ply or .obj");
}

units::LengthUnit file_unit(MeshFormat f) { return f == MeshFormat::Glb ? units::LengthUnit::Metre : units::LengthUnit::Millimetre; }

const char* unit_name(units::LengthUnit u) {
  switch (u) {
    case units::LengthUnit::Millimetre: return "mm";
    case units::LengthUnit::Centimetre: return "cm";
    case units::LengthUnit::Metre: return "m";
  }
  return "?";
}

namespace {
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
// Meshes as bytes, to come back from the isolated reader: per mesh the name, the positions, the
// triangles, each preceded by its count.
template <typename T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

std::string encode(const std::vector<NamedMesh>& meshes) {
  std::string out;
  put(out, static_cast<std::uint64_t>(meshes.size()));
  for (const auto& nm : meshes) {
    put(out, static_cast<std::uint64_t>(nm.name.size()));
    out += nm.name;
    put(out, static_cast<std::uint64_t>(nm.mesh.positions.size()));
    out.append(reinterpret_cast<const char*>(nm.mesh.positions.data()), nm.mesh.positions.size() * sizeof(glm::dvec3));
    put(out, static_cast<std::uint64_t>(nm.mesh.triangles.size()));
    out.append(reinterpret_cast<const char*>(nm.mesh.triangles.data()), nm.mesh.triangles.size() * sizeof(nm.mesh.triangles[0]));
  }
  return out;
}

std::vector<NamedMesh> decode(const std::string& bytes) {
  size_t at = 0;
  auto take = [&](void* to, std::uint64_t size) {
    if (size > bytes.size() - at) throw MeshIoError("the reader's answer is truncated");
    std::memcpy(to, bytes.data() + at, size);
    at += size;
  };
  auto count = [&] {
    std::uint64_t n = 0;
    take(&n, sizeof n);
    return n;
  };
  std::vector<NamedMesh> out(count());
  for (auto& nm : out) {
    nm.name.resize(count());
    take(nm.name.data(), nm.name.size());
    nm.mesh.positions.resize(count());
    take(nm.mesh.positions.data(), nm.mesh.positions.size() * sizeof(glm::dvec3));
    nm.mesh.triangles.resize(count());
    take(nm.mesh.triangles.data(), nm.mesh.triangles.size() * sizeof(nm.mesh.triangles[0]));
  }
  return out;
}

std::vector<NamedMesh> read_with_assimp(const std::filesystem::path& path, units::LengthUnit unit, const MeshImportLimits& limits,
                                        const std::function<void(float)>& progress) {
  Assimp::Importer importer;
  restrict_importers(importer);
  if (progress) importer.SetProgressHandler(new ProgressRelay(progress));  // the importer owns it
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  // Shared corners are joined by collect(), not by Assimp (see weld()).
  const aiScene* scene = importer.ReadFile(path.string(), aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_SortByPType);
  if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
    std::string why = importer.GetErrorString();
    if (why.empty()) why = "not a readable mesh";
    throw MeshIoError(path.string() + ": cannot import — " + why);
  }
  std::vector<NamedMesh> out;
  std::size_t vertices = 0, triangles = 0;
  collect(scene, scene->mRootNode, aiMatrix4x4(), units::to_mm_factor(unit), out, limits, vertices, triangles);
  if (out.empty()) throw MeshIoError(path.string() + ": holds no triangles");
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
  if (!limits.isolate) return read_with_assimp(path, unit, limits, progress);
  try {
    // Assimp runs in a child process: a file that crashes or hangs it cannot take marginviz along.
    return decode(run_isolated([&](const std::function<void(float)>& report) { return encode(read_with_assimp(path, unit, limits, report)); },
                               limits.max_seconds, progress));
  } catch (const IsolatedCallError& e) {
    const std::string why = e.what();
    throw MeshIoError(why.rfind(path.string(), 0) == 0 ? why : path.string() + ": cannot import — " + why);
  }
}

void export_meshes(const std::vector<ExportItem>& items, const std::filesystem::path& path) {
  const MeshFormat format = mesh_format_for(path);
  const double scale = 1.0 / units::to_mm_factor(file_unit(format));
  auto scene = std::make_unique<aiScene>();
  scene->mRootNode = new aiNode("marginviz");
  scene->mNumMeshes = scene->mNumMaterials = static_cast<unsigned>(items.size());
  scene->mMeshes = new aiMesh*[items.size()];
  scene->mMaterials = new aiMaterial*[items.size()];
  scene->mRootNode->mNumChildren = static_cast<unsigned>(items.size());
  scene->mRootNode->mChildren = new aiNode*[items.size()];
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    auto* mat = new aiMaterial();
    aiString mat_name(item.name);
    mat->AddProperty(&mat_name, AI_MATKEY_NAME);
    const aiColor4D colour(item.rgba[0], item.rgba[1], item.rgba[2], item.rgba[3]);
    mat->AddProperty(&colour, 1, AI_MATKEY_COLOR_DIFFUSE);
    mat->AddProperty(&colour, 1, AI_MATKEY_BASE_COLOR);
    const float opacity = item.rgba[3];
    mat->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
    scene->mMaterials[i] = mat;

    const auto& m = *item.mesh;
    const auto normals = vertex_normals(m);
    auto* am = new aiMesh();
    am->mName = aiString(item.name);
    am->mMaterialIndex = static_cast<unsigned>(i);
    am->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    am->mNumVertices = static_cast<unsigned>(m.positions.size());
    am->mVertices = new aiVector3D[m.positions.size()];
    am->mNormals = new aiVector3D[m.positions.size()];
    for (size_t v = 0; v < m.positions.size(); ++v) {
      const auto p = m.positions[v] * scale;
      am->mVertices[v] = aiVector3D(static_cast<float>(p.x), static_cast<float>(p.y), static_cast<float>(p.z));
      am->mNormals[v] = aiVector3D(static_cast<float>(normals[v].x), static_cast<float>(normals[v].y), static_cast<float>(normals[v].z));
    }
    am->mNumFaces = static_cast<unsigned>(m.triangles.size());
    am->mFaces = new aiFace[m.triangles.size()];
    for (size_t f = 0; f < m.triangles.size(); ++f) {
      am->mFaces[f].mNumIndices = 3;
      am->mFaces[f].mIndices = new unsigned[3]{m.triangles[f][0], m.triangles[f][1], m.triangles[f][2]};
    }
    scene->mMeshes[i] = am;

    auto* node = new aiNode(item.name);
    node->mParent = scene->mRootNode;
    node->mNumMeshes = 1;
    node->mMeshes = new unsigned[1]{static_cast<unsigned>(i)};
    scene->mRootNode->mChildren[i] = node;
  }
  const char* format_id = format == MeshFormat::Glb ? "glb2" : format == MeshFormat::Stl ? "stlb" : format == MeshFormat::Ply ? "plyb" : "obj";
  // Export into a fresh folder beside the target, then rename: a failure leaves `path` untouched,
  // and OBJ's material library keeps the name its .obj refers to.
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ".marginviz-export-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw MeshIoError(path.string() + ": cannot write in " + dir.string());
  const std::filesystem::path tmp_dir(tmpl);
  std::error_code ec;
  Assimp::Exporter exporter;
  if (exporter.Export(scene.get(), format_id, (tmp_dir / path.filename()).string()) != AI_SUCCESS) {
    std::filesystem::remove_all(tmp_dir, ec);
    throw MeshIoError(path.string() + ": export failed — " + exporter.GetErrorString());
  }
  // Companions (OBJ's .mtl) first, the file itself last: it never refers to a missing companion.
  std::vector<std::filesystem::path> written;
  for (auto it = std::filesystem::directory_iterator(tmp_dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    written.push_back(it->path());
  std::stable_partition(written.begin(), written.end(), [&](const auto& p) { return p.filename() != path.filename(); });
  for (const auto& p : written) {
    if (ec) break;
    std::filesystem::rename(p, dir / p.filename(), ec);
  }
  std::error_code ignored;
  std::filesystem::remove_all(tmp_dir, ignored);
  if (ec) throw MeshIoError(path.string() + ": cannot write — " + ec.message());
}

}  // namespace mv
