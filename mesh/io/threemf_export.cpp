// 3MF through lib3mf 1.8 (Debian 12): one mesh object per item, named, with its own base material
// (the item's colour), each a build item; millimetres (3MF's default unit). Written beside the
// target and renamed over it, so a failure leaves an existing file as it was.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <Model/COM/NMR_DLLInterfaces.h>

#include "io/mesh_io.hpp"

namespace mv {
namespace {

using namespace NMR;

void check(LIB3MFRESULT r, const std::filesystem::path& path, const char* what) {
  if (r != LIB3MF_OK) throw MeshIoError(path.string() + ": 3MF " + what + " failed");
}

// Releases a lib3mf object at the end of its scope.
struct Held {
  PLib3MFBase* p = nullptr;
  ~Held() {
    if (p) lib3mf_release(p);
  }
};

BYTE channel(float c) { return static_cast<BYTE>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255.0f)); }

}  // namespace

void export_3mf(const std::vector<ExportItem>& items, const std::filesystem::path& path) {
  Held model;
  check(lib3mf_createmodel(reinterpret_cast<PLib3MFModel**>(&model.p)), path, "model");
  Held materials;
  check(lib3mf_model_addbasematerialgroup(model.p, reinterpret_cast<PLib3MFModelBaseMaterial**>(&materials.p)), path, "materials");
  DWORD group = 0;
  check(lib3mf_resource_getresourceid(materials.p, &group), path, "materials");
  for (const auto& item : items) {
    const TriangleMesh& m = *item.mesh;
    std::vector<MODELMESHVERTEX> vertices(m.positions.size());
    for (size_t i = 0; i < m.positions.size(); ++i)
      for (int k = 0; k < 3; ++k) vertices[i].m_fPosition[k] = static_cast<FLOAT>(m.positions[i][k]);
    std::vector<MODELMESHTRIANGLE> triangles(m.triangles.size());
    for (size_t i = 0; i < m.triangles.size(); ++i)
      for (int k = 0; k < 3; ++k) triangles[i].m_nIndices[k] = m.triangles[i][k];
    Held object;
    check(lib3mf_model_addmeshobject(model.p, reinterpret_cast<PLib3MFModelMeshObject**>(&object.p)), path, "object");
    check(lib3mf_object_setnameutf8(object.p, item.name.c_str()), path, "name");
    check(lib3mf_meshobject_setgeometry(object.p, vertices.data(), static_cast<DWORD>(vertices.size()), triangles.data(),
                                        static_cast<DWORD>(triangles.size())),
          path, "geometry");
    DWORD index = 0;
    check(lib3mf_basematerial_addmaterialutf8(materials.p, item.name.c_str(), channel(item.rgba[0]), channel(item.rgba[1]), channel(item.rgba[2]),
                                              &index),
          path, "colour");
    check(lib3mf_basematerial_setdisplaycolorrgba(materials.p, index, channel(item.rgba[0]), channel(item.rgba[1]), channel(item.rgba[2]), 255), path,
          "colour");  // opaque: lib3mf 1.8 otherwise writes alpha 0
    Held handler;
    check(lib3mf_object_createdefaultpropertyhandler(object.p, reinterpret_cast<PLib3MFDefaultPropertyHandler**>(&handler.p)), path, "colour");
    check(lib3mf_defaultpropertyhandler_setbasematerial(handler.p, group, index), path, "colour");
    Held build;
    check(lib3mf_model_addbuilditem(model.p, object.p, nullptr, reinterpret_cast<PLib3MFModelBuildItem**>(&build.p)), path, "build item");
  }
  Held writer;
  check(lib3mf_model_querywriter(model.p, "3mf", reinterpret_cast<PLib3MFModelWriter**>(&writer.p)), path, "writer");
  const auto tmp = path.parent_path() / (".marginviz-" + path.filename().string() + ".part");
  if (lib3mf_writer_writetofileutf8(writer.p, tmp.string().c_str()) != LIB3MF_OK) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw MeshIoError(path.string() + ": 3MF could not be written");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw MeshIoError(path.string() + ": cannot write — " + ec.message());
}

}  // namespace mv
