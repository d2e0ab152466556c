#pragma once
#include <string>
#include <vector>

#include "reconstruction/lesion_frame.hpp"
#include "case/mohs.hpp"
#include "anatomy/site_model.hpp"

namespace mv {

// The tissue under the lesion centre, layer by layer, measured along the inward skin normal on
// the anatomy itself (thickness table for fixed layers, a ray to the bone where the anatomy sets it).
struct LayerInterval {
  std::string name;
  TissueKind kind;
  double top_mm = 0.0, bottom_mm = 0.0;  // depth below the skin surface
};

struct TissueColumn {
  std::vector<LayerInterval> layers;   // outermost first; the last may be open-ended (bottom = +inf)
  const TriangleMesh* bone = nullptr;  // found by a ray (see bone_surface)
  // Depth of a Mohs plane: the floor of the subcutis, fascia or muscle; the bone surface for periosteum.
  double plane_depth_mm(DepthPlane plane) const;  // throws PlacementError where it is not known
  // The bone whose surface sets a plane's depth under the lesion (thigh muscle and periosteum),
  // or null where the thickness table sets it.
  const TriangleMesh* bone_surface(DepthPlane plane) const;
  // The layer that a cut to `depth_mm` reaches (its floor lies in that layer).
  const LayerInterval& layer_at(double depth_mm) const;

 private:
  double plane_depth_or_inf(DepthPlane plane) const;
};

TissueColumn tissue_column(const SiteModel& model, const LesionFrame& frame, const TissueThickness& thickness);

}  // namespace mv
