// The whole body and its regions (issue 13): every accuracy check the four sites of Han 2009 pass,
// on every region cut from the body; the committed grids are what the generator gives; the body's
// points name the site a surgeon would; the habitus moves the fat as documented.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "anatomy/body_sites.hpp"
#include "anatomy/regions.hpp"
#include "anatomy/site_model.hpp"
#include "clinical/plan.hpp"
#include "geometry/solid_check.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tissue_column.hpp"
#include "reconstruction/tumour_solid.hpp"
#include "conformity.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

std::vector<Site> regions() {
  std::vector<Site> out;
  for (const auto& s : all_sites())
    if (from_whole_body(s.site)) out.push_back(s.site);
  return out;
}

Anatomy committed(Site site, const TissueThickness& t = {}) {
  return load_anatomy_file(site, test::asset_dir() / "anatomy" / anatomy_file_name(site), t);
}

class EachRegion : public ::testing::TestWithParam<Site> {};

TEST_P(EachRegion, EveryLayerIsAClosedSolidInTheTablesOrder) {
  const Anatomy a = committed(GetParam());
  const auto& spec = site_spec(GetParam());
  ASSERT_EQ(a.layers.size(), spec.layers.size());
  for (size_t i = 0; i < a.layers.size(); ++i) {
    EXPECT_EQ(a.layers[i].name, spec.layers[i].name);
    const SolidCheck check = check_solid(a.layers[i].solid);
    EXPECT_TRUE(check.watertight()) << a.layers[i].name << ": " << check.boundary_edges << " boundary, " << check.non_manifold_edges
                                    << " non-manifold";
    EXPECT_GT(check.volume_mm3, 0.0) << a.layers[i].name;
  }
}

TEST_P(EachRegion, SizeIsHumanScaleAndTheSkinHasNoOpenEnd) {
  const Anatomy a = committed(GetParam());
  const glm::dvec3 size = bounds_of(a.skin()).size();
  const double largest = std::max({size.x, size.y, size.z});
  EXPECT_GT(largest, 100.0);
  EXPECT_LT(largest, 900.0);
  // A closed, rounded cut: the skin's outer surface alone is closed (no annulus of inner layers).
  const RegionGrids grids = load_region_grids(test::asset_dir() / "anatomy" / anatomy_file_name(GetParam()));
  EXPECT_TRUE(grids.skin.first_pole && grids.skin.last_pole);
  EXPECT_TRUE(check_solid(grids.skin.surface()).watertight());
}

TEST_P(EachRegion, LayerThicknessUnderTheDefaultLesionFollowsTheTable) {
  const Case c = test::case_on_site(site_spec(GetParam()).key);
  const SiteModel model(committed(c.site));
  const LesionFrame f = place_lesion(model.skin, c.lesion);
  test::expect_layers_follow_table(model, f, c, 0.5);
}

TEST_P(EachRegion, TumoursConformToTheSkinWithRulerExtents) {
  const Case c = test::case_on_site(site_spec(GetParam()).key);
  const SiteModel model(committed(c.site));
  const LesionFrame f = place_lesion(model.skin, c.lesion);
  test::expect_tumours_conform(model, f, c);
}

TEST_P(EachRegion, EveryPlanesFloorIsAtItsDepth) {
  const Case c = test::case_on_site(site_spec(GetParam()).key);
  const SiteModel model(committed(c.site));
  const LesionFrame frame = place_lesion(model.skin, c.lesion);
  const TissueColumn column = tissue_column(model, frame, c.tissue);
  for (DepthPlane plane : planes_at(c.site)) {
    const PlannedExcision p = plan_excision(c, model, frame, PlanRequest::uniform(1.0, plane));
    EXPECT_NEAR(p.depth_mm, column.plane_depth_mm(plane), 1e-9) << plane_key(plane);
    // The floor under the lesion's centre: where a ray from just inside the skin, straight down,
    // leaves the excision (the first surface it meets below the skin is the floor).
    const RayCaster solid(p.solid.mesh);
    const auto exit = solid.cast(frame.centre - 0.5 * frame.normal, -frame.normal, 300.0);
    ASSERT_TRUE(exit) << plane_key(plane);
    // A floor that follows the bone sits 0.5 mm above it.
    EXPECT_NEAR(0.5 + exit->distance, p.depth_mm, column.bone_surface(plane) ? 1.0 : 0.5) << plane_key(plane);
  }
}

TEST_P(EachRegion, AThicknessOverrideIsLayeredFromTheSameGrids) {
  TissueThickness t;
  t.overrides_mm = {{"subcutaneous-fat", 25.0}};
  const Anatomy thick = committed(GetParam(), t), normal = committed(GetParam());
  EXPECT_GT(enclosed_volume_mm3(thick.find("subcutaneous-fat")->solid), 1.4 * enclosed_volume_mm3(normal.find("subcutaneous-fat")->solid));
  // The skin is the same surface either way.
  EXPECT_EQ(thick.skin().positions.size(), normal.skin().positions.size());
}

INSTANTIATE_TEST_SUITE_P(Body, EachRegion, ::testing::ValuesIn(regions()), [](const auto& info) {
  std::string s = site_spec(info.param).key;
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
});

// The committed grids are what the generator gives (rerun marginviz-anatomy after changing a shape).
TEST(Body, CommittedGridsAreWhatTheGeneratorGives) {
  std::set<std::string> checked;
  for (Site site : regions()) {
    const auto file = test::asset_dir() / "anatomy" / anatomy_file_name(site);
    if (!checked.insert(file.string()).second) continue;
    const RegionGrids want = sample_region(site), have = load_region_grids(file);
    for (const auto& [a, b] : {std::pair{&want.skin, &have.skin}, {&want.base, &have.base}}) {
      ASSERT_EQ(a->points.size(), b->points.size()) << file;
      double worst = 0.0;
      for (size_t i = 0; i < a->points.size(); ++i) worst = std::max(worst, glm::length(a->points[i] - b->points[i]));
      EXPECT_LT(worst, 0.01) << file << " (regenerate with marginviz-anatomy)";
    }
  }
  const BodyGrids want = sample_body(), have = load_body_grids(test::asset_dir() / "anatomy" / "body.grid");
  ASSERT_EQ(want.parts.size(), have.parts.size());
  for (size_t k = 0; k < want.parts.size(); ++k)
    for (size_t i = 0; i < want.parts[k].points.size(); i += 17) EXPECT_LT(glm::length(want.parts[k].points[i] - have.parts[k].points[i]), 0.01);
}

TEST(Body, TheWholeBodyIsSixClosedPartsOfAdultHeight) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  const auto body = library.body();
  ASSERT_EQ(body->parts.size(), 6u);
  for (const auto& part : body->parts) EXPECT_TRUE(check_solid(part).watertight());
  const Bounds b = bounds_of(body->merged);
  EXPECT_NEAR(b.max.y - b.min.y, 1720.0, 15.0);  // vertex to sole
  EXPECT_NEAR(b.max.x, -b.min.x, 1.0);           // the left side mirrors the right
  EXPECT_GT(b.max.x - b.min.x, 400.0);           // arms at the sides
}

TEST(Body, APointOnTheBodyNamesTheSiteASurgeonWould) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  const auto body = library.body();
  // Onto the skin from outside, at a height and a direction about the body's vertical axis.
  auto on_skin = [&](double x, double y, double z) {
    const glm::dvec3 dir = glm::normalize(glm::dvec3(x, 0.0, z));
    const auto hit = body->skin.cast(glm::dvec3(x, y, z) + 600.0 * dir, -dir, 1200.0);
    EXPECT_TRUE(hit);
    return hit ? hit->point : glm::dvec3(x, y, z);
  };
  const struct {
    glm::dvec3 p;
    Site site;
    bool mirrored;
  } cases[] = {
      {on_skin(0, 240, 1), Site::Chest, false},
      {on_skin(0.2, 280, -1), Site::UpperBack, false},
      {on_skin(-0.2, 20, -1), Site::LowerBack, false},
      {on_skin(0, -40, 1), Site::Abdomen, false},
      {on_skin(-0.4, -230, -1), Site::Buttock, false},
      {on_skin(-1, 200, 0.01), Site::UpperArm, false},
      {on_skin(1, 200, 0.01), Site::UpperArm, true},
      {{-262, -20, -8}, Site::Forearm, false},
      {{-95, -540, 60}, Site::Knee, false},
      {{95, -540, 60}, Site::Knee, true},
      {{-90, -760, 40}, Site::LowerLeg, false},
      {{-90, -980, 90}, Site::Foot, false},
      {{-60, -945, -24}, Site::Ankle, false},
      {{0, body::kVertexY - 2.0, 0}, Site::Scalp, false},
      {{0, body::kEarCanalY - 60.0, 95}, Site::FaceNeck, false},
      {{-92, -330, 80}, Site::Thigh, false},
  };
  for (const auto& c : cases) {
    const BodyPointSite at = site_at_body_point(c.p);
    EXPECT_EQ(site_spec(at.site).key, site_spec(c.site).key) << c.p.x << ", " << c.p.y << ", " << c.p.z;
    EXPECT_EQ(at.mirrored, c.mirrored) << site_spec(c.site).key;
  }
}

TEST(Body, TheDefaultPositionIsTheSitesCentre) {
  const Case c = test::case_on_site("chest");
  const DefaultPosition& centre = site_spec(Site::Chest).centre;
  EXPECT_EQ(c.lesion.azimuth_deg, centre.azimuth_deg);
  EXPECT_EQ(c.lesion.height_cm, centre.height_cm);
  EXPECT_EQ(c.schema_version, "1.3");  // the file's own version is kept until it is saved
}

TEST(Habitus, MovesTheFatAsDocumentedAndARecordedValueWins) {
  Case c = test::case_on_site("buttock");
  c.tissue.overrides_mm.clear();
  const double table = 15.4;  // Gibney 2010, buttock
  auto fat = [](const Case& k) {
    for (const auto& [name, mm] : tissue_of(k).overrides_mm)
      if (name == "subcutaneous-fat") return mm;
    return -1.0;
  };
  EXPECT_EQ(fat(c), -1.0);  // no habitus: the table
  c.habitus = Habitus{Sex::Female, 35.0, {}};
  EXPECT_NEAR(fat(c), table + 2.5 + 4.0, 1e-9);
  c.habitus = Habitus{Sex::Male, 20.0, {}};
  EXPECT_NEAR(fat(c), table - 2.5 - 2.0, 1e-9);
  Case foot = test::case_on_site("foot");  // 3 mm over the dorsum
  foot.habitus = Habitus{Sex::Male, 15.0, {}};
  EXPECT_NEAR(fat(foot), 1.0, 1e-9);  // never under 1 mm
  c.habitus = Habitus{Sex::Female, 35.0, {}};
  c.tissue.overrides_mm = {{"subcutaneous-fat", 9.0}};
  EXPECT_NEAR(fat(c), 9.0, 1e-9);
  // The habitus reaches the anatomy: a thicker fat layer under the lesion.
  c.tissue.overrides_mm.clear();
  EXPECT_NEAR(default_tumour_depth_mm(c.site, tissue_of(c)), 2.4 + table + 6.5, 1e-9);
}

}  // namespace
}  // namespace mv
