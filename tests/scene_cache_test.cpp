// The scene is assembled again only when what it shows changed, and each object keeps its mesh
// (so the renderer keeps its upload) while its geometry stays the same.
#include <gtest/gtest.h>

#include "case_session.hpp"
#include "clinical/metrics.hpp"
#include "scene_assembly.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

const render::DrawItem& item(const render::Scene& s, const std::string& name) {
  for (const auto& i : s.items)
    if (i.name == name) return i;
  throw std::runtime_error("no scene item " + name);
}

struct Shown {
  AnatomyLibrary library{test::asset_dir() / "anatomy"};
  app::CaseSession session{library};
  app::SceneAssembler assembler;
  app::ViewSettings view;
  Case c = test::load_bundled("han2009-abdomen");
  Shown() { session.set_case(c); }
  const render::Scene& build(const render::Camera& cam = {}) { return assembler.build(session, view, cam); }
};

TEST(SceneCache, ACameraMoveAssemblesNothing) {
  Shown s;
  const auto tumour = s.build().items.size() ? item(s.build(), "tumour-preoperative").mesh : nullptr;
  const unsigned generation = s.assembler.generation();
  render::Camera moved;
  moved.eye = {10.0f, 20.0f, 300.0f};
  const render::Scene& scene = s.build(moved);
  EXPECT_EQ(s.assembler.generation(), generation);
  EXPECT_EQ(scene.camera.eye, moved.eye);
  EXPECT_EQ(item(scene, "tumour-preoperative").mesh, tumour);
}

TEST(SceneCache, AMeasurementEditRemakesOnlyWhatItChanged) {
  Shown s;
  const render::Scene before = s.build();
  const int conversions = s.assembler.meshes().conversions();
  s.c.measurements.back().x_cm += 0.5;
  s.session.set_case(s.c);
  const render::Scene& after = s.build();
  EXPECT_EQ(s.assembler.generation(), 2u);
  EXPECT_NE(item(after, "tumour-preoperative").mesh, item(before, "tumour-preoperative").mesh);
  EXPECT_EQ(item(after, "skin").mesh, item(before, "skin").mesh);
  const std::string ghost = "tumour-consultation";
  EXPECT_EQ(item(after, ghost).mesh, item(before, ghost).mesh);  // the first measurement did not change
  EXPECT_EQ(s.assembler.meshes().conversions(), conversions + 1);
}

TEST(SceneCache, AViewChangeReassemblesButKeepsTheMeshes) {
  Shown s;
  const render::Scene before = s.build();
  s.view.skin_opacity = 0.8f;
  const render::Scene& after = s.build();
  EXPECT_EQ(s.assembler.generation(), 2u);
  EXPECT_FLOAT_EQ(item(after, "skin").colour.a, 0.8f);
  EXPECT_EQ(item(after, "tumour-preoperative").mesh, item(before, "tumour-preoperative").mesh);
}

TEST(SceneCache, ReusedSolidsGiveTheMetricsOfFreshOnes) {
  // The session keeps the solids of measurements an edit did not touch: its metrics must be those
  // of solids built from scratch, after an edit of either measurement and of the depth.
  Shown s;
  for (auto edit : {+[](Case& c) { c.measurements.back().x_cm += 0.3; }, +[](Case& c) { c.measurements.front().y_cm -= 0.4; },
                    +[](Case& c) { c.measurements.back().thickness_mm = 7.5; }}) {
    edit(s.c);
    s.session.set_case(s.c);
    const CaseMetrics kept = metrics_of(s.session.current_case(), s.session.measurement_solids());
    const CaseMetrics fresh = compute_metrics(s.c, s.session.site_model(), s.session.frame(), s.session.quality);
    ASSERT_EQ(kept.measurements.size(), fresh.measurements.size());
    for (size_t i = 0; i < kept.measurements.size(); ++i) {
      EXPECT_DOUBLE_EQ(kept.measurements[i].volume_cm3, fresh.measurements[i].volume_cm3) << i;
      EXPECT_DOUBLE_EQ(kept.measurements[i].footprint_area_cm2, fresh.measurements[i].footprint_area_cm2) << i;
    }
    EXPECT_DOUBLE_EQ(s.session.tumour().volume_mm3, s.session.measurement_solids().back().volume_mm3);
  }
}

}  // namespace
}  // namespace mv
