#include "mesh_cache.hpp"

namespace mv::app {

std::shared_ptr<render::MeshData> to_mesh_data(const TriangleMesh& mesh) {
  auto out = std::make_shared<render::MeshData>();
  out->positions.reserve(mesh.positions.size());
  for (const auto& p : mesh.positions) out->positions.push_back(glm::vec3(p));
  for (const auto& n : vertex_normals(mesh)) out->normals.push_back(glm::vec3(n));
  out->indices.reserve(mesh.triangles.size() * 3);
  for (const auto& t : mesh.triangles) out->indices.insert(out->indices.end(), {t[0], t[1], t[2]});
  return out;
}

std::shared_ptr<const render::MeshData> MeshCache::of(const std::string& name, const TriangleMesh& mesh) {
  Entry& e = entries_[name];
  e.used = true;
  if (!e.data || e.source.positions != mesh.positions || e.source.triangles != mesh.triangles) {
    e.source = mesh;
    e.data = to_mesh_data(mesh);
    ++conversions_;
  }
  return e.data;
}

std::shared_ptr<const render::MeshData> MeshCache::of(const std::string& name, std::shared_ptr<const render::MeshData> fresh) {
  Entry& e = entries_[name];
  e.used = true;
  const bool same = e.data && e.data->positions == fresh->positions && e.data->normals == fresh->normals && e.data->indices == fresh->indices;
  if (!same) {
    e.source = {};
    e.data = std::move(fresh);
    ++conversions_;
  }
  return e.data;
}

void MeshCache::drop_unused() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (!it->second.used) it = entries_.erase(it);
    else
      it->second.used = false, ++it;
  }
}

}  // namespace mv::app
