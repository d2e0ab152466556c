#include "reconstruction/tissue_column.hpp"

#include <limits>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {

TissueColumn tissue_column(const SiteModel& model, const LesionFrame& frame, const TissueThickness& thickness) {
  TissueColumn col;
  double depth = 0.0;
  const auto& specs = site_spec(model.anatomy.site).layers;
  for (size_t i = 0; i < specs.size(); ++i) {
    const auto& spec = specs[i];
    const double t = thickness.for_layer(spec);
    double bottom = depth + t;
    if (t <= 0.0) {
      // Set by the anatomy: this layer runs down to the next one's surface (the bone), found by a ray.
      bottom = std::numeric_limits<double>::infinity();
      if (i + 1 < specs.size()) {
        if (const auto* next = model.anatomy.find(specs[i + 1].name)) {
          const RayCaster bone(next->solid);
          if (auto hit = bone.cast(frame.centre + frame.normal, -frame.normal, 500.0)) {
            bottom = std::max(depth, hit->distance - 1.0);
            col.bone = &next->solid;
          }
        }
      }
    }
    col.layers.push_back({spec.name, spec.kind, depth, bottom});
    depth = bottom;
    if (!std::isfinite(depth)) break;
  }
  return col;
}

double TissueColumn::plane_depth_mm(DepthPlane plane) const {
  const double d = plane_depth_or_inf(plane);
  if (!std::isfinite(d))
    throw PlacementError("the " + plane_key(plane) +
                         " plane is not known under the lesion on this anatomy (a surface scan has no bone): give the depth in mm");
  return d;
}

double TissueColumn::plane_depth_or_inf(DepthPlane plane) const {
  for (const auto& l : layers) {
    switch (plane) {
      case DepthPlane::Subcutis:
        if (l.kind == TissueKind::SubcutaneousFat) return l.bottom_mm;
        break;
      case DepthPlane::Fascia:
        if (l.kind == TissueKind::Fascia) return l.bottom_mm;
        break;
      case DepthPlane::Muscle:
        if (l.kind == TissueKind::Muscle) return l.bottom_mm;
        break;
      case DepthPlane::Periosteum:
        if (l.kind == TissueKind::Bone) return l.top_mm;
        break;
    }
  }
  throw PlacementError("the " + plane_key(plane) + " plane cannot be found under the lesion on this anatomy");
}

const TriangleMesh* TissueColumn::bone_surface(DepthPlane plane) const {
  // Only a layer whose floor was found by a ray to the bone has one (the thigh's muscle).
  return (plane == DepthPlane::Muscle || plane == DepthPlane::Periosteum) ? bone : nullptr;
}

const LayerInterval& TissueColumn::layer_at(double depth_mm) const {
  for (const auto& l : layers)
    if (depth_mm <= l.bottom_mm + 1e-6) return l;
  return layers.back();
}

}  // namespace mv
