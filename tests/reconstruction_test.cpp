// Accuracy of the tumour solids: footprint and volume on a flat phantom against the analytic
// model, along-skin extents on curved phantoms against exact geodesics, closedness everywhere.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "reconstruction/lesion_frame.hpp"
#include "geometry/ray_caster.hpp"
#include "geometry/solid_check.hpp"
#include "test_support.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv {
namespace {

struct Phantom {
  TriangleMesh mesh;
  RayCaster caster;
  explicit Phantom(TriangleMesh m) : mesh(std::move(m)), caster(mesh) {}
};

TEST(Reconstruction, FlatFootprintAndVolumeMatchTheAnalyticModel) {
  const Phantom flat(test::flat_phantom());
  const LesionFrame frame = place_lesion(flat.caster, {});
  for (const TumourShape shape : {TumourShape{2.0, 4.5, 5.35, 0.0}, TumourShape{8.6, 14.0, 18.0, 15.0}, TumourShape{3.0, 2.7, 6.0, 10.0}}) {
    const TumourSolid solid = build_tumour_solid(flat.caster, frame, shape);
    EXPECT_NEAR(solid.footprint_area_mm2 / analytic_footprint_mm2(shape), 1.0, 0.02) << shape.x_cm << "x" << shape.y_cm;
    EXPECT_NEAR(solid.volume_mm3 / analytic_volume_mm3(shape), 1.0, 0.03) << shape.x_cm << "x" << shape.y_cm;
    const SolidCheck check = check_solid(solid.mesh);
    EXPECT_TRUE(check.watertight()) << check.boundary_edges << " boundary, " << check.non_manifold_edges << " non-manifold";
    EXPECT_NEAR(check.volume_mm3, solid.volume_mm3, 1e-6 * solid.volume_mm3);
  }
}

TEST(Reconstruction, FlatExtentsAreTheRulerValues) {
  const Phantom flat(test::flat_phantom());
  const TumourShape shape{6.0, 8.0, 10.0, 0.0};
  const TumourSolid solid = build_tumour_solid(flat.caster, place_lesion(flat.caster, {}), shape);
  const auto rim = [&](int j) { return solid.skin_rings[static_cast<size_t>(solid.rings - 1) * solid.angles + j]; };
  EXPECT_NEAR(glm::length(rim(0) - rim(solid.angles / 2)), 60.0, 0.01);
  EXPECT_NEAR(glm::length(rim(solid.angles / 4) - rim(3 * solid.angles / 4)), 80.0, 0.01);
  // 12 o'clock is toward the head (+y), 3 o'clock to the viewer's right (+x).
  EXPECT_GT(rim(solid.angles / 4).y, 39.9);
  EXPECT_GT(rim(0).x, 29.9);
}

TEST(Reconstruction, TwelveOclockTurnsTowardThree) {
  const Phantom flat(test::flat_phantom());
  LesionPlacement p;
  p.twelve_oclock_deg = 90.0;  // 12 o'clock now points where 3 o'clock was: the viewer's right (+x)
  const LesionFrame f = place_lesion(flat.caster, p);
  EXPECT_NEAR(f.twelve.x, 1.0, 1e-9);
  EXPECT_NEAR(f.three.y, -1.0, 1e-9);
}

TEST(Reconstruction, CylinderExtentsAlongTheSkinWithin3Percent) {
  const double r = 40.0;
  const Phantom cyl(test::cylinder_phantom(r));
  const TumourShape shape{6.0, 5.0, 6.0, 0.0};  // X wraps 86° around a 4-cm-radius limb
  const TumourSolid solid = build_tumour_solid(cyl.caster, place_lesion(cyl.caster, {}), shape);
  const auto rim = [&](int j) { return solid.skin_rings[static_cast<size_t>(solid.rings - 1) * solid.angles + j]; };
  const auto around = [](const glm::dvec3& p) { return std::atan2(p.x, p.z); };
  const double x_along_skin = r * (around(rim(0)) - around(rim(solid.angles / 2)));
  EXPECT_NEAR(x_along_skin / 60.0, 1.0, 0.03);
  EXPECT_NEAR((rim(solid.angles / 4).y - rim(3 * solid.angles / 4).y) / 50.0, 1.0, 0.03);
  EXPECT_TRUE(check_solid(solid.mesh).watertight());
}

TEST(Reconstruction, SphereExtentsAlongTheSkinWithin3Percent) {
  const double r = 90.0;
  const Phantom sphere(test::sphere_phantom(r));
  const TumourShape shape{8.0, 12.0, 5.0, 2.0};
  const TumourSolid solid = build_tumour_solid(sphere.caster, place_lesion(sphere.caster, {}), shape);
  const auto rim = [&](int j) { return solid.skin_rings[static_cast<size_t>(solid.rings - 1) * solid.angles + j]; };
  const auto great_circle = [&](const glm::dvec3& a, const glm::dvec3& b) {
    return r * std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0, 1.0));
  };
  EXPECT_NEAR(great_circle(rim(0), rim(solid.angles / 2)) / 80.0, 1.0, 0.03);
  EXPECT_NEAR(great_circle(rim(solid.angles / 4), rim(3 * solid.angles / 4)) / 120.0, 1.0, 0.03);
  EXPECT_TRUE(check_solid(solid.mesh).watertight());
}

TEST(Reconstruction, MorphIsContinuous) {
  const Phantom cyl(test::cylinder_phantom(60.0));
  const LesionFrame frame = place_lesion(cyl.caster, {});
  const TumourSolid a = build_tumour_solid(cyl.caster, frame, {4.0, 5.0, 8.0, 2.0});
  const TumourSolid b = build_tumour_solid(cyl.caster, frame, {4.001, 5.001, 8.001, 2.001});
  ASSERT_EQ(a.mesh.positions.size(), b.mesh.positions.size());
  double worst = 0.0;
  for (size_t i = 0; i < a.mesh.positions.size(); ++i) worst = std::max(worst, glm::length(a.mesh.positions[i] - b.mesh.positions[i]));
  EXPECT_LT(worst, 0.05);  // a 0.01-mm change moves no vertex by more than a few hundredths
}

TEST(Reconstruction, LesionOffTheEdgeIsAClearError) {
  const Phantom flat(test::flat_phantom());
  LesionPlacement p;
  p.height_cm = 28.0;  // 2 cm from the phantom's edge
  const LesionFrame frame = place_lesion(flat.caster, p);
  try {
    build_tumour_solid(flat.caster, frame, {10.0, 10.0, 5.0, 0.0});
    FAIL() << "expected PlacementError";
  } catch (const PlacementError& e) {
    EXPECT_NE(std::string(e.what()).find("does not fit"), std::string::npos) << e.what();
  }
  p.height_cm = 80.0;
  EXPECT_THROW(place_lesion(flat.caster, p), PlacementError);
}

}  // namespace
}  // namespace mv
