#include "io/mesh_io.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdlib.h>

#include <assimp/Exporter.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

namespace mv {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

MeshFormat mesh_format_for(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  if (ext == ".glb") return MeshFormat::Glb;
  if (ext == ".stl") return MeshFormat::Stl;
  if (ext == ".ply") return MeshFormat::Ply;
  if (ext == ".obj") return MeshFormat::Obj;
  if (ext == ".3mf") return MeshFormat::ThreeMf;
  throw MeshIoError(path.string() + ": unsupported mesh format \"" + ext + "\" — expected .glb, .stl, .ply, .obj or .3mf");
}

units::LengthUnit file_unit(MeshFormat f) { return f == MeshFormat::Glb ? units::LengthUnit::Metre : units::LengthUnit::Millimetre; }

const char* unit_name(units::LengthUnit u) {
  switch (u) {
    case units::LengthUnit::Millimetre:
      return "mm";
    case units::LengthUnit::Centimetre:
      return "cm";
    case units::LengthUnit::Metre:
      return "m";
  }
  return "?";
}

namespace {
// Assimp names each mesh of an OBJ with a group ("g name"), which Blender and others import as one
// object; an "o name" line makes each its own object (the groups' names kept).
void name_obj_objects(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string out, line;
  while (std::getline(in, line)) out += (line.rfind("g ", 0) == 0 ? "o " + line.substr(2) + "\n" : "") + line + "\n";
  in.close();
  std::ofstream(file, std::ios::trunc) << out;
}
}  // namespace

std::vector<std::filesystem::path> export_meshes_split(const std::vector<ExportItem>& items, const std::filesystem::path& path) {
  std::vector<std::filesystem::path> files;
  for (const auto& item : items) {
    const auto file = path.parent_path() / (path.stem().string() + "-" + item.name + path.extension().string());
    export_meshes({item}, file);
    files.push_back(file);
  }
  return files;
}

void export_meshes(const std::vector<ExportItem>& items, const std::filesystem::path& path) {
  const MeshFormat format = mesh_format_for(path);
  if (format == MeshFormat::ThreeMf) return export_3mf(items, path);
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
  if (format == MeshFormat::Obj) name_obj_objects(tmp_dir / path.filename());
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
