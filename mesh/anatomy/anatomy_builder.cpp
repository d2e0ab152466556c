// Procedural anatomy for the four sites of Han et al. 2009 (docs/sources.md §2): a head, an anterior
// abdominal wall, a right thigh and a right medial ankle (the other regions: regions.cpp). Each outer skin is an implicit blend of
// anatomical masses sampled along rays into a TubeGrid; deeper layer boundaries are inward offsets
// of a feature-free version of that skin by the thickness table of docs/sources.md §7 (sites.cpp).
#include <cmath>
#include <functional>
#include <numbers>
#include <stdexcept>

#include "anatomy/anatomy.hpp"
#include "anatomy/head_shape.hpp"
#include "anatomy/regions.hpp"
#include "anatomy/surface_sampling.hpp"
#include "geometry/implicit_shapes.hpp"
#include "geometry/tube_grid.hpp"

namespace mv {
namespace {

using glm::dvec3;
constexpr double kPi = std::numbers::pi;

// Offsets of `base` at the cumulative depths of the site's fixed-thickness layers.
std::vector<TubeGrid> layer_boundaries(const TubeGrid& base, Site site, const TissueThickness& thickness) {
  std::vector<TubeGrid> boundaries;
  for (const auto& [name, depth] : layer_floor_depths_mm(site, thickness)) boundaries.push_back(base.offset_inward(depth));
  return boundaries;
}

void add_layer(Anatomy& a, size_t index, TriangleMesh solid) {
  const auto& spec = site_spec(a.site).layers.at(index);
  a.layers.push_back({spec.name, spec.kind, std::move(solid)});
}

// ---- Scalp: a head with face, ears and neck; the skull stops at the skull base. ----
double head_skin_field(const dvec3& p) { return head_field(p, true); }
double head_base_field(const dvec3& p) { return head_field(p, false); }

Anatomy build_scalp(const TissueThickness& t) {
  const dvec3 centre{0, 20, 0};
  const double phi_end = 158.0 * kPi / 180.0;
  const int rows = 100, cols = 128;
  const TubeGrid skin = sample_spherical(head_skin_field, rows, cols, centre, 0.0, phi_end);
  const TubeGrid base = sample_spherical(head_base_field, rows, cols, centre, 0.0, phi_end);
  const auto b = layer_boundaries(base, Site::Scalp, t);  // skin, fat, galea, skull floors
  const int skull_rows = static_cast<int>(rows * (118.0 / 158.0));
  Anatomy a{Site::Scalp, {}};
  add_layer(a, 0, shell_between(skin, b[0]));
  add_layer(a, 1, shell_between(b[0], b[1]));
  add_layer(a, 2, shell_between(b[1], b[2]));
  add_layer(a, 3, shell_between(b[2].slice_rows(0, skull_rows), b[3].slice_rows(0, skull_rows)));
  return a;
}

// ---- Abdomen: a trunk from the hips to the lower chest with an umbilicus at the origin. ----
double trunk_base(const dvec3& p) {
  using namespace implicit;
  double d = ellipsoid(p, {0, 40, -5}, {132, 230, 98});                      // waist
  d = smooth_union(d, ellipsoid(p, {0, -170, -8}, {172, 120, 110}), 60.0);   // hips
  d = smooth_union(d, ellipsoid(p, {0, 260, -5}, {158, 160, 108}), 60.0);    // lower chest
  d = smooth_union(d, ellipsoid(p, {0, -45, 18}, {118, 140, 88}), 50.0);     // belly
  d = smooth_subtract(d, ellipsoid(p, {0, 60, -118}, {14, 260, 16}), 12.0);  // spinal groove
  return d;
}

Anatomy build_abdomen(const TissueThickness& t) {
  const int rows = 110, cols = 160;
  // Umbilicus at the origin: a dimple 1.5 mm deep, shallower than the skin so layers never cross.
  const dvec3 navel = outermost_crossing(trunk_base, {{0, 0, 0}, {0, 0, 1}}, 400.0);
  const Field trunk_skin = [navel](const dvec3& p) {
    return implicit::smooth_subtract(trunk_base(p), implicit::ellipsoid(p, navel + dvec3(0, 0, 3.5), {7, 9, 5}), 2.0);
  };
  const TubeGrid skin = sample_cylindrical(trunk_skin, rows, cols, -230.0, 300.0);
  const TubeGrid base = sample_cylindrical(trunk_base, rows, cols, -230.0, 300.0);
  const auto b = layer_boundaries(base, Site::Abdomen, t);
  Anatomy a{Site::Abdomen, {}};
  add_layer(a, 0, shell_between(skin, b[0]));
  add_layer(a, 1, shell_between(b[0], b[1]));
  add_layer(a, 2, shell_between(b[1], b[2]));
  add_layer(a, 3, shell_between(b[2], b[3]));
  return a;
}

// ---- Thigh (right): quadriceps, hamstrings, the knee with its patella, and the femur. ----
double thigh_shape(const dvec3& p) {
  using namespace implicit;
  double d = tapered_capsule(p, {0, -170, 0}, {-5, 300, -5}, 54, 90);
  d = smooth_union(d, ellipsoid(p, {-4, 40, 22}, {64, 150, 58}), 40.0);   // quadriceps
  d = smooth_union(d, ellipsoid(p, {34, -125, 16}, {34, 62, 34}), 30.0);  // vastus medialis
  d = smooth_union(d, ellipsoid(p, {0, 30, -28}, {60, 160, 52}), 40.0);   // hamstrings
  d = smooth_union(d, ellipsoid(p, {0, -238, -2}, {50, 44, 46}), 24.0);   // knee
  d = smooth_union(d, ellipsoid(p, {0, -228, 42}, {22, 26, 13}), 10.0);   // patella
  return d;
}

// Femur shaft axis from the knee (medial-ish) to the trochanter (lateral, -X), condyles flaring.
dvec3 femur_centre(double y) {
  const double s = (y + 260.0) / 520.0;
  return {-2.0 - 22.0 * s, y, -6.0 - 4.0 * s};
}
double femur_radius(double y) {
  const double flare = std::exp(-std::pow((y + 245.0) / 28.0, 2.0));
  return 13.0 + 13.0 * flare;
}
TubeGrid femur_grid(const TubeGrid& like, double grow_mm) {
  TubeGrid g = like;
  g.first_pole.reset();
  g.last_pole.reset();
  for (int r = 0; r < g.rows; ++r) {
    const double y = like.at(r, 0).y;
    for (int c = 0; c < g.cols; ++c) g.at(r, c) = femur_centre(y) + (femur_radius(y) + grow_mm) * horizontal(2.0 * kPi * c / g.cols);
  }
  return g;
}

Anatomy build_thigh(const TissueThickness& t) {
  const int rows = 110, cols = 128;
  const TubeGrid skin = sample_cylindrical(thigh_shape, rows, cols, -255.0, 215.0);
  const auto b = layer_boundaries(skin, Site::Thigh, t);  // skin, fat, fascia floors
  // Rings of the offset surfaces sit at slightly different heights; a femur ring per offset ring.
  const TubeGrid femur = femur_grid(b[2], 0.0);
  const TubeGrid muscle_floor = femur_grid(b[2], 0.4);  // a hair of gap: no coincident faces
  Anatomy a{Site::Thigh, {}};
  add_layer(a, 0, shell_between(skin, b[0]));
  add_layer(a, 1, shell_between(b[0], b[1]));
  add_layer(a, 2, shell_between(b[1], b[2]));
  add_layer(a, 3, shell_between(b[2], muscle_floor));
  add_layer(a, 4, solid_of(femur));
  return a;
}

// ---- Ankle (right, medial = +X): lower leg, malleoli, Achilles tendon, heel and foot. ----
double ankle_shape(const dvec3& p) {
  using namespace implicit;
  double d = tapered_capsule(p, {0, -8, -2}, {0, 260, -6}, 29, 44);                   // leg
  d = smooth_union(d, ellipsoid(p, {0, 150, -20}, {42, 80, 40}), 30.0);               // calf
  d = smooth_union(d, tapered_capsule(p, {0, -30, -34}, {0, 120, -30}, 9, 8), 10.0);  // Achilles
  d = smooth_union(d, ellipsoid(p, {23, 6, 2}, {11, 16, 14}), 8.0);                   // medial malleolus
  d = smooth_union(d, ellipsoid(p, {-24, -6, -6}, {11, 18, 13}), 8.0);                // lateral malleolus
  d = smooth_union(d, ellipsoid(p, {0, -44, -22}, {28, 30, 32}), 18.0);               // heel
  d = smooth_union(d, ellipsoid(p, {0, -46, 58}, {38, 30, 96}), 26.0);                // foot
  d = smooth_union(d, ellipsoid(p, {4, -64, 150}, {44, 16, 42}), 18.0);               // forefoot and toes
  return std::max(d, -(p.y + 76.0));                                                  // flat sole
}

Anatomy build_ankle(const TissueThickness& t) {
  const int rows = 110, cols = 128;
  const dvec3 centre{0, -30, 20};
  const TubeGrid skin = sample_spherical(ankle_shape, rows, cols, centre, 14.0 * kPi / 180.0, kPi);
  const auto b = layer_boundaries(skin, Site::Ankle, t);  // skin, fat, fascia floors
  Anatomy a{Site::Ankle, {}};
  add_layer(a, 0, shell_between(skin, b[0]));
  add_layer(a, 1, shell_between(b[0], b[1]));
  add_layer(a, 2, shell_between(b[1], b[2]));
  add_layer(a, 3, solid_of(b[2]));
  return a;
}

}  // namespace

Anatomy build_anatomy(Site site, const TissueThickness& thickness) {
  if (from_whole_body(site)) return region_anatomy(site, sample_region(site), thickness);
  switch (site) {
    case Site::Scalp:
      return build_scalp(thickness);
    case Site::Abdomen:
      return build_abdomen(thickness);
    case Site::Thigh:
      return build_thigh(thickness);
    case Site::Ankle:
      return build_ankle(thickness);
    default:
      break;
  }
  throw std::logic_error("unknown site");
}

}  // namespace mv
