#pragma once
// GPU-ready meshes that keep their identity while their geometry stays the same. The renderer
// keys its uploads on the MeshData, so an edit re-uploads only the objects whose geometry it
// changed (a measurement edit leaves the ghost, the anatomy and the Mohs stages as they were).
#include <map>
#include <memory>
#include <string>

#include "scene.hpp"
#include "geometry/triangle_mesh.hpp"

namespace mv::app {

std::shared_ptr<render::MeshData> to_mesh_data(const TriangleMesh& mesh);

class MeshCache {
 public:
  // The mesh of the object `name`: the one handed out before when `mesh` is the same geometry.
  std::shared_ptr<const render::MeshData> of(const std::string& name, const TriangleMesh& mesh);
  // The same for geometry built directly for drawing.
  std::shared_ptr<const render::MeshData> of(const std::string& name, std::shared_ptr<const render::MeshData> fresh);
  // After a scene is built: forgets the objects it did not ask for.
  void drop_unused();
  int conversions() const { return conversions_; }  // meshes made since construction (for tests)

 private:
  struct Entry {
    TriangleMesh source;  // what `data` was made from (empty for directly built geometry)
    std::shared_ptr<const render::MeshData> data;
    bool used = true;
  };
  std::map<std::string, Entry> entries_;
  int conversions_ = 0;
};

}  // namespace mv::app
