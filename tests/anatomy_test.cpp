// The bundled anatomy: named closed layers at real size, regenerated identically, with the
// thickness table of docs/sources.md §7 under each lesion, and skin-conforming tumours on every site.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "anatomy/anatomy.hpp"
#include "case/case_model.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "anatomy/site_model.hpp"
#include "geometry/solid_check.hpp"
#include "conformity.hpp"
#include "test_support.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv {
namespace {

class EachSite : public ::testing::TestWithParam<Site> {};

TEST_P(EachSite, BundledFileHasEveryLayerClosed) {
  const Anatomy a = load_anatomy_file(GetParam(), test::asset_dir() / "anatomy" / anatomy_file_name(GetParam()));
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

TEST_P(EachSite, RegeneratingGivesTheBundledGeometry) {
  const Anatomy bundled = load_anatomy_file(GetParam(), test::asset_dir() / "anatomy" / anatomy_file_name(GetParam()));
  const Anatomy fresh = build_anatomy(GetParam());
  ASSERT_EQ(fresh.layers.size(), bundled.layers.size());
  for (size_t i = 0; i < fresh.layers.size(); ++i) {
    const Bounds a = bounds_of(fresh.layers[i].solid), b = bounds_of(bundled.layers[i].solid);
    EXPECT_LT(glm::length(a.min - b.min) + glm::length(a.max - b.max), 0.01) << fresh.layers[i].name;
    EXPECT_NEAR(enclosed_volume_mm3(fresh.layers[i].solid), enclosed_volume_mm3(bundled.layers[i].solid),
                1e-5 * enclosed_volume_mm3(fresh.layers[i].solid))
        << fresh.layers[i].name;
  }
}

TEST_P(EachSite, LayerThicknessUnderTheLesionFollowsTheTable) {
  static const std::map<Site, std::string> case_of = {
      {Site::Scalp, "han2009-scalp"}, {Site::Abdomen, "han2009-abdomen"}, {Site::Thigh, "han2009-thigh"}, {Site::Ankle, "han2009-ankle"}};
  const Case c = test::load_bundled(case_of.at(GetParam()));
  const SiteModel model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site)));
  const LesionFrame f = place_lesion(model.skin, c.lesion);
  test::expect_layers_follow_table(model, f, c, 0.35);
}

TEST_P(EachSite, SizeIsHumanScale) {
  const Anatomy a = build_anatomy(GetParam());
  const glm::dvec3 size = bounds_of(a.skin()).size();
  const double largest = std::max({size.x, size.y, size.z});
  EXPECT_GT(largest, 180.0);
  EXPECT_LT(largest, 650.0);
}

INSTANTIATE_TEST_SUITE_P(Sites, EachSite, ::testing::Values(Site::Scalp, Site::Abdomen, Site::Thigh, Site::Ankle),
                         [](const auto& info) { return site_spec(info.param).key; });

class EachBundledCase : public ::testing::TestWithParam<std::string> {};

TEST_P(EachBundledCase, TumoursConformToTheSkinWithRulerExtents) {
  const Case c = test::load_bundled(GetParam());
  const SiteModel model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site)));
  const LesionFrame f = place_lesion(model.skin, c.lesion);
  test::expect_tumours_conform(model, f, c);
}

INSTANTIATE_TEST_SUITE_P(Han2009, EachBundledCase, ::testing::Values("han2009-scalp", "han2009-abdomen", "han2009-thigh", "han2009-ankle"),
                         [](const auto& info) {
                           std::string s = info.param;
                           std::replace(s.begin(), s.end(), '-', '_');
                           return s;
                         });

TEST(Anatomy, ThicknessOverrideChangesTheLayers) {
  TissueThickness t;
  t.overrides_mm = {{"subcutaneous-fat", 25.0}};
  const Anatomy thick = build_anatomy(Site::Abdomen, t);
  const Anatomy normal = build_anatomy(Site::Abdomen);
  EXPECT_GT(enclosed_volume_mm3(thick.find("subcutaneous-fat")->solid), 1.5 * enclosed_volume_mm3(normal.find("subcutaneous-fat")->solid));
  EXPECT_DOUBLE_EQ(default_tumour_depth_mm(Site::Abdomen, t), 2.3 + 25.0);
}

}  // namespace
}  // namespace mv
