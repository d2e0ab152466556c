#pragma once
#include <vector>

#include "reconstruction/lesion_frame.hpp"
#include "geometry/ray_caster.hpp"
#include "geometry/triangle_mesh.hpp"

namespace mv {

// What a ruler measurement says about the tumour, in the units it is measured in.
struct TumourShape {
  double x_cm = 0.0;          // along the skin, 3-9 o'clock axis
  double y_cm = 0.0;          // along the skin, 12-6 o'clock axis
  double depth_mm = 0.0;      // below the skin surface at the centre
  double exophytic_mm = 0.0;  // above the skin surface at the centre
  bool operator==(const TumourShape&) const = default;
};

struct TumourQuality {
  int angles = 96;  // samples around the outline
  int rings = 12;   // samples from the centre to the outline
  bool operator==(const TumourQuality&) const = default;
};

// The analytic model (docs/reconstruction.md): an elliptical footprint whose semi-axes, measured along
// the skin, are X/2 and Y/2; below it a half-ellipsoid profile d(ρ) = depth·√(1-ρ²) along the
// inward skin normal, above it a dome h(ρ) = exophytic·√(1-ρ²), ρ the fraction of the way out.
// On flat skin: footprint π/4·X·Y, volume (2/3)·π·(X/2)·(Y/2)·(depth + exophytic).
struct TumourSolid {
  TriangleMesh mesh;                // closed, manifold, wound outward (mm)
  std::vector<glm::dvec3> outline;  // the rim on the skin, one point per angle
  // Footprint samples on the skin, ring-major: skin_rings[i * angles + j] is ring i (the last is
  // the rim) at angle j = 2π·j/angles from 3 o'clock toward 12.
  std::vector<glm::dvec3> skin_rings;
  int angles = 0, rings = 0;
  double footprint_area_mm2 = 0.0;  // area of the footprint on the skin, from the mesh
  double volume_mm3 = 0.0;
  bool watertight = false;  // closed and manifold (solid_check.hpp), checked once when built
};

TumourSolid build_tumour_solid(const RayCaster& skin, const LesionFrame& frame, const TumourShape& shape, const TumourQuality& quality = {});

// Along-skin radius at angle `theta` (from 3 o'clock toward 12) of the ellipse with semi-axes a
// (3-9 axis) and b (12-6 axis): the clinical outline every reconstruction widens.
double ellipse_radius(double a, double b, double theta);

// Analytic values for a flat skin, for tests and docs.
double analytic_footprint_mm2(const TumourShape& s);
double analytic_volume_mm3(const TumourShape& s);

}  // namespace mv
