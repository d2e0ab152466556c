#pragma once
#include <vector>

#include "reconstruction/lesion_frame.hpp"
#include "geometry/ray_caster.hpp"
#include "geometry/triangle_mesh.hpp"

namespace mv {

// A region of skin around the lesion in its geodesic polar coordinates: for each angle (radians
// from 3 o'clock toward 12, ascending in [0, 2π)) the along-skin radius and the depth below the
// skin to which it is cut.
struct PolarRegion {
  std::vector<double> theta;
  std::vector<double> radius_mm;
  std::vector<double> depth_mm;
  double radius_at(double theta) const;  // linear between samples
  double depth_at(double theta) const;   // likewise
};

double wrap_angle(double theta);  // into [0, 2π)

// Paths along the skin from the lesion centre, one per angle, sampled densely once so that many
// regions (stages, defects, the confirmed tumour) can share them.
class SkinRays {
 public:
  // One path per angle, each walked as far as `reach_mm` of that angle.
  SkinRays(const RayCaster& skin, const LesionFrame& frame, std::vector<double> theta, const std::vector<double>& reach_mm);
  SkinPoint at(size_t ray, double arc_mm) const;  // interpolated; clamps to the ray's length
  const std::vector<double>& theta() const { return theta_; }
  const LesionFrame& frame() const { return frame_; }

 private:
  LesionFrame frame_;
  std::vector<double> theta_;
  double step_ = 1.0;
  std::vector<std::vector<SkinPoint>> samples_;  // samples_[ray][k] at arc k * step_
};

// A closed solid: the region's footprint on the skin, its floor `depth` below (along the local
// inward normal) and the wall between their rims.
struct PolarSolid {
  TriangleMesh mesh;
  TriangleMesh margin_surface;  // the wall and the floor: for a defect, the surface its margins were checked on
  double skin_area_mm2 = 0.0;
  std::vector<SkinPoint> rim;  // one per angle, on the skin
};

// A surface the floor follows instead of a fixed depth (the bone, for cuts to the periosteum or
// down to it): where a region's depth is `at_depth_mm`, the floor is where the inward normal meets it.
struct FloorSurface {
  const RayCaster* surface = nullptr;
  double at_depth_mm = 0.0;
};

PolarSolid build_polar_solid(const SkinRays& rays, const PolarRegion& region, int rings = 10, FloorSurface floor = {});

// The tissue between two regions over the angles where `covered` is set: the ring between
// `inner` and `outer` radius from the skin to `outer`'s depth, and the slab under `inner` from its
// depth down to `outer`'s — what one Mohs stage took beyond the previous defect. Closed pieces,
// one per contiguous run of covered angles.
TriangleMesh build_band(const SkinRays& rays, const PolarRegion& inner, const PolarRegion& outer, const std::vector<bool>& covered);

}  // namespace mv
