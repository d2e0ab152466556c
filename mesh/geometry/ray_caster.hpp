#pragma once
#include <memory>
#include <optional>
#include <vector>

#include <glm/vec3.hpp>

#include "geometry/triangle_mesh.hpp"

namespace mv {

struct RayHit {
  double distance = 0.0;  // along the (unit) direction, mm
  glm::dvec3 point{0.0};
  glm::dvec3 normal{0.0};  // interpolated vertex normal, unit
  std::uint32_t triangle = 0;
};

// Bounding-volume hierarchy over a triangle mesh for nearest-hit ray queries. Holds a reference
// to the mesh: the mesh must outlive the caster and stay unchanged.
class RayCaster {
 public:
  explicit RayCaster(const TriangleMesh& mesh);
  ~RayCaster();
  RayCaster(RayCaster&&) noexcept;
  RayCaster& operator=(RayCaster&&) noexcept;

  // Nearest hit with distance in [0, max_distance]; `direction` need not be unit length.
  std::optional<RayHit> cast(const glm::dvec3& origin, const glm::dvec3& direction, double max_distance = 1e9) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mv
