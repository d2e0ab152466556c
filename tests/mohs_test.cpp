// Mohs stages: reconstruction accuracy on phantoms, the bundled series, and every validation rule.
#include <gtest/gtest.h>

#include "case/mohs_completeness.hpp"

#include <cstdlib>
#include <numbers>

#include <glm/geometric.hpp>

#include "case/case_io.hpp"
#include "golden.hpp"
#include "mohs_editing.hpp"
#include "mohs_map.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "geometry/solid_check.hpp"
#include "common/units.hpp"
#include "canvas.hpp"
#include "test_support.hpp"
#include "case/validation.hpp"

namespace mv {
namespace {

constexpr double kPi = std::numbers::pi;

// A circular lesion of radius r_cm on a phantom skin, as a case.
Case circle_case(double r_cm) {
  Case c;
  c.case_id = "phantom";
  c.site = Site::Abdomen;
  c.measurements.push_back({"preoperative", {0, std::nullopt, {}}, 2 * r_cm, 2 * r_cm, 5.0, std::nullopt, {}});
  return c;
}

MohsBlock block(const std::string& label, double from, double to, MarginResult p = MarginResult::Clear, MarginResult d = MarginResult::Clear) {
  return {label, {from, to}, std::nullopt, p, d, std::nullopt, {}};
}

MohsStage stage(double margin_cm, std::vector<MohsBlock> blocks, bool full = false) {
  MohsStage s;
  s.margin_cm = margin_cm;
  s.plane = DepthPlane::Fascia;
  s.full_circle = full;
  s.blocks = std::move(blocks);
  return s;
}

SiteModel phantom_model(TriangleMesh skin) { return SiteModel(Anatomy{Site::Abdomen, {{"skin", TissueKind::Skin, std::move(skin)}}}); }

TEST(MohsReconstruction, FlatPhantomAreasAndDepthMatchTheGeometry) {
  const double r = 2.0, m = 1.0, m2 = 1.0;
  Case c = circle_case(r);
  c.mohs = MohsRecord{};
  c.mohs->stages.push_back(stage(m, {block("A", 0, 3, MarginResult::Positive), block("B", 3, 6), block("C", 6, 9), block("D", 9, 12)}, true));
  c.mohs->stages.push_back(stage(m2, {block("A2", 0, 3)}));
  ASSERT_FALSE(has_errors(validate_case(c))) << format_issues(validate_case(c));
  const SiteModel model = phantom_model(test::flat_phantom());
  const LesionFrame frame = place_lesion(model.skin, {});
  const MohsReconstruction rec = reconstruct_mohs(c, model, frame);
  ASSERT_EQ(rec.defects.size(), 2u);
  const double stage1 = kPi * std::pow(units::cm_to_mm(r + m), 2);
  EXPECT_NEAR(rec.defect_solids[0].skin_area_mm2 / stage1, 1.0, 0.02);
  const double added = kPi / 4.0 * (std::pow(units::cm_to_mm(r + m + m2), 2) - std::pow(units::cm_to_mm(r + m), 2));
  EXPECT_NEAR((rec.excised_area_cm2[1] * 100.0) / added, 1.0, 0.02);
  // Depth: the fascia floor of the abdomen's table (2.3 + 13.9 + 1.0 mm), within 0.5 mm.
  EXPECT_NEAR(bounds_of(rec.defect_solids[0].mesh).min.z, -17.2, 0.5);
  EXPECT_EQ(rec.deepest_layer, "fascia");
  // Margin from the clinical edge: 2 cm from 12 to 3 o'clock (both stages), 1 cm elsewhere.
  EXPECT_NEAR(rec.margin_at_hour_cm[0], 2.0, 0.02);  // 1 o'clock
  EXPECT_NEAR(rec.margin_at_hour_cm[5], 1.0, 0.02);  // 6 o'clock
  EXPECT_NEAR(rec.largest_margin_cm, 2.0, 0.02);
  // Confirmed tumour reaches the first stage's edge where block A was positive, not elsewhere.
  EXPECT_NEAR(rec.confirmed.radius_at(clock_to_angle(1.5)), units::cm_to_mm(r + m), 0.01);
  EXPECT_NEAR(rec.confirmed.radius_at(clock_to_angle(7.5)), units::cm_to_mm(r), 0.01);
  for (const auto& s : rec.defect_solids) EXPECT_TRUE(check_solid(s.mesh).watertight());
  EXPECT_TRUE(check_solid(rec.confirmed_solid.mesh).watertight());
}

TEST(MohsReconstruction, CurvedSkinWidthsAlongTheSkinWithin3Percent) {
  const double radius = 45.0;  // an ankle-sized limb
  Case c = circle_case(1.0);
  c.mohs = MohsRecord{};
  c.mohs->stages.push_back(stage(1.5, {block("A", 0, 6), block("B", 6, 12)}, true));
  const SiteModel model = phantom_model(test::cylinder_phantom(radius));
  const LesionFrame frame = place_lesion(model.skin, {});
  const MohsReconstruction rec = reconstruct_mohs(c, model, frame);
  const auto& rim = rec.defect_solids[0].rim;
  const auto& theta = rec.defects[0].theta;
  auto rim_at = [&](double t) {
    size_t best = 0;
    for (size_t j = 0; j < theta.size(); ++j)
      if (std::abs(theta[j] - t) < std::abs(theta[best] - t)) best = j;
    return rim[best].point;
  };
  const auto around = [](const glm::dvec3& p) { return std::atan2(p.x, p.z); };
  const double width = radius * (around(rim_at(0.0)) - around(rim_at(kPi)));  // 3 to 9 o'clock, around the limb
  EXPECT_NEAR(width / 50.0, 1.0, 0.03);
  EXPECT_NEAR((rim_at(kPi / 2).y - rim_at(3 * kPi / 2).y) / 50.0, 1.0, 0.03);
  EXPECT_NEAR(rec.extent_x_cm, 5.0, 0.15);
}

TEST(MohsReconstruction, ATinyLaterStageStillCompletes) {
  // A block so short that no uniform angle sample falls in it once made the band builder loop.
  Case c = test::load_bundled("han2009-thigh");
  c.mohs->stages[1].blocks[0].span = {9.1, 9.10001};
  ASSERT_FALSE(has_errors(validate_case(c))) << format_issues(validate_case(c));
  const SiteModel model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site)));
  const MohsReconstruction rec = reconstruct_mohs(c, model, place_lesion(model.skin, c.lesion));
  EXPECT_EQ(rec.stages, 2);
}

// Han 2009 (docs/sources.md §2): one Mohs stage with a 2-cm margin for the periphery; the next
// day surgical oncology's resection to the fascia, tumour at its deep margin toward 6 o'clock; an
// additional Mohs stage, a thin deep layer there, clear.
TEST(MohsReconstruction, BundledAbdomenMatchesThePaper) {
  const Case c = test::load_bundled("han2009-abdomen");
  const SiteModel model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site)));
  const MohsReconstruction rec = reconstruct_mohs(c, model, place_lesion(model.skin, c.lesion));
  ASSERT_EQ(rec.stages, 3);
  EXPECT_EQ(c.mohs->stages[0].procedure, Procedure::Mohs);
  EXPECT_EQ(c.mohs->stages[1].procedure, Procedure::Excision);
  EXPECT_EQ(c.mohs->stages[2].procedure, Procedure::Mohs);
  EXPECT_NEAR(rec.largest_margin_cm, 2.0, 0.05);            // one 2-cm stage at the periphery
  EXPECT_LT(rec.stage_depth_mm[0], 17.2);                   // the Mohs stage did not go to the fascia ...
  EXPECT_NEAR(rec.stage_depth_mm[1], 17.2, 0.01);           // ... the resection did
  EXPECT_GT(rec.stage_depth_mm[2], rec.stage_depth_mm[1]);  // the additional stage: deeper ...
  EXPECT_LT(rec.stage_depth_mm[2], 17.2 + 5.0);             // ... a thin layer, not the whole rectus (10 mm)
  EXPECT_NEAR(rec.confirmed.depth_mm[0], 12.0, 0.01);       // 3 o'clock: the clinical depth
  double deep_at_six = 0.0, deepest_at_three = 0.0;
  for (size_t j = 0; j < rec.confirmed.theta.size(); ++j) {
    const double hour = angle_to_clock(rec.confirmed.theta[j]);
    if (std::abs(hour - 6.0) < 0.2) deep_at_six = std::max(deep_at_six, rec.confirmed.depth_mm[j]);
    if (std::abs(hour - 3.0) < 0.2) deepest_at_three = std::max(deepest_at_three, rec.defects.back().depth_mm[j]);
  }
  EXPECT_NEAR(deep_at_six, 17.2, 0.01);       // tumour at the resection's deep margin
  EXPECT_NEAR(deepest_at_three, 17.2, 0.01);  // the additional stage took only the 6 o'clock side
  EXPECT_TRUE(rec.clear);
  EXPECT_FALSE(mohs_completeness(*c.mohs, 1).clear());  // the Mohs stage alone left its deep margin unexamined
  EXPECT_EQ(rec.deepest_layer, "muscle");
  for (const auto& s : rec.defect_solids) EXPECT_TRUE(check_solid(s.mesh).watertight());
}

// Cairo and pango draw the same pixels every time for one build: the maps compare exactly.
TEST(MohsMap, GoldenMapsOfTheAbdominalCase) {
  const Case c = test::load_bundled("han2009-abdomen");
  test::expect_matches_golden(app::draw_mohs_map({&c, 0, 8.0, -1}).image(), "han2009-abdomen-map-stage1");
  test::expect_matches_golden(app::draw_mohs_map({&c, 1, 17.2, -1}).image(), "han2009-abdomen-map-stage2");
}

// The golden comparison catches wrong text, not only wrong shapes: blocks B and D swapped, or the
// clock numerals gone, no longer match the baseline.
TEST(MohsMap, TheGoldenCatchesSwappedLabelsAndMissingNumerals) {
  if (std::getenv("MARGINVIZ_UPDATE_GOLDEN")) GTEST_SKIP() << "baselines being rewritten";
  Case c = test::load_bundled("han2009-abdomen");
  ASSERT_TRUE(test::golden_difference(app::draw_mohs_map({&c, 0, 8.0, -1}).image(), "han2009-abdomen-map-stage1").within(test::kExact));
  app::MohsMapLayout no_numerals = app::MohsMapLayout::for_stage(c.mohs->stages[0]);
  no_numerals.hour_numerals = false;
  EXPECT_FALSE(test::golden_difference(app::draw_mohs_map({&c, 0, 8.0, -1}, no_numerals).image(), "han2009-abdomen-map-stage1").within(test::kExact));
  std::swap(c.mohs->stages[0].blocks[1].label, c.mohs->stages[0].blocks[3].label);
  EXPECT_FALSE(test::golden_difference(app::draw_mohs_map({&c, 0, 8.0, -1}).image(), "han2009-abdomen-map-stage1").within(test::kExact));
}

TEST(MohsMap, ClicksFindTheBlockAndTheRing) {
  const Case c = test::load_bundled("han2009-abdomen");
  const app::MohsMapLayout L;
  const auto& stage = c.mohs->stages[0];
  auto hit = L.hit(stage, L.at(6.0, (L.radius + L.inner_radius) / 2));  // 6 o'clock, peripheral ring
  EXPECT_EQ(stage.blocks[static_cast<size_t>(hit.block)].label, "C");
  EXPECT_FALSE(hit.deep);
  hit = L.hit(stage, L.at(3.0, L.inner_radius / 2));  // 3 o'clock, deep disc
  EXPECT_EQ(stage.blocks[static_cast<size_t>(hit.block)].label, "B");
  EXPECT_TRUE(hit.deep);
  EXPECT_EQ(L.hit(stage, L.centre + glm::vec2(L.radius + 5.0f, 0.0f)).block, -1);
}

// ---- Validation: one negative per rule ----

bool has(const std::vector<Issue>& issues, Severity sev, const std::string& path, const std::string& text) {
  for (const auto& i : issues)
    if (i.severity == sev && i.path == path && i.text().find(text) != std::string::npos) return true;
  return false;
}

Case with_stages(std::vector<MohsStage> stages) {
  Case c = test::load_bundled("han2009-thigh");
  c.mohs->stages = std::move(stages);
  return c;
}

TEST(MohsValidation, FullCircleBlocksCoverTheClockWithoutGapsOrOverlaps) {
  auto gap = validate_case(with_stages({stage(1.0, {block("A", 0, 5), block("B", 6, 12)}, true)}));
  EXPECT_TRUE(has(gap, Severity::Error, "mohs.stages[0].blocks", "gap from 5 to 6 o'clock")) << format_issues(gap);
  auto overlap = validate_case(with_stages({stage(1.0, {block("A", 11, 4), block("B", 3, 11)}, true)}));
  EXPECT_TRUE(has(overlap, Severity::Error, "mohs.stages[0].blocks[1] (B)", "3 to 4 o'clock — overlaps mohs.stages[0].blocks[0] (A)"))
      << format_issues(overlap);
  EXPECT_FALSE(has_errors(validate_case(with_stages({stage(1.0, {block("A", 10.5, 1.5), block("B", 1.5, 10.5)}, true)}))));
}

TEST(MohsValidation, LaterStagesGoWhereThePreviousWasNotClear) {
  MohsStage first = stage(1.0, {block("A", 0, 6, MarginResult::Positive), block("B", 6, 12)}, true);
  auto bad = validate_case(with_stages({first, stage(1.0, {block("A2", 4, 8)})}));
  EXPECT_TRUE(has(bad, Severity::Error, "mohs.stages[1].blocks[0] (A2)", "reaches 6-8 o'clock, where no earlier margin is open"))
      << format_issues(bad);
  MohsStage chosen = stage(1.0, {block("A2", 4, 8)});
  chosen.surgeons_choice = true;
  EXPECT_FALSE(has_errors(validate_case(with_stages({first, chosen}))));
  EXPECT_FALSE(has_errors(validate_case(with_stages({first, stage(1.0, {block("A2", 1, 5)})}))));
}

// Issue 9 (2): validate names a positive block of an earlier stage that no later stage took,
// however clear the last stage is; a later stage may go where an EARLIER stage (not only the
// previous one) left a margin open.
TEST(MohsValidation, AnOpenBlockInAnyStageIsNamed) {
  MohsStage first = stage(1.0, {block("A", 0, 6, MarginResult::Clear, MarginResult::Positive), block("B", 6, 12, MarginResult::Positive)}, true);
  MohsStage deep = stage(0.0, {block("A2", 0, 6)});
  deep.deep_only = true;
  deep.plane = DepthPlane::Muscle;
  auto issues = validate_case(with_stages({first, deep}));
  EXPECT_FALSE(has_errors(issues)) << format_issues(issues);
  EXPECT_TRUE(has(issues, Severity::Warning, "mohs.stages[0].blocks[1] (B)", "peripheral positive at 6-12 o'clock — no later stage has taken it"))
      << format_issues(issues);
  // Stage 3 under B: B was open in stage 1, not in stage 2.
  const auto three = validate_case(with_stages({first, deep, stage(1.0, {block("B3", 6, 12)})}));
  EXPECT_FALSE(has_errors(three)) << format_issues(three);
  EXPECT_FALSE(has(three, Severity::Warning, "mohs.stages[0].blocks[1] (B)", "no later stage has taken it"));
  // Wedges over B at stage 1's plane after a deep-only stage at the muscle: no "shallower" warning.
  MohsStage wedges = stage(1.0, {block("B3", 6, 12)});
  wedges.blocks[0].layer = BlockLayer::Peripheral;
  EXPECT_FALSE(has(validate_case(with_stages({first, deep, wedges})), Severity::Warning, "mohs.stages[2].depth", "shallower"));
  // A wedge block in a deep-only stage is refused.
  deep.blocks[0].layer = BlockLayer::Peripheral;
  EXPECT_TRUE(has(validate_case(with_stages({first, deep})), Severity::Error, "mohs.stages[1].blocks[0] (A2).layer",
                  "a deep-only stage has no peripheral margin"));
}

TEST(MohsValidation, AStageAfterAllClearIsAWarning) {
  MohsStage clear = stage(1.0, {block("A", 0, 12)}, true);
  MohsStage extra = stage(1.0, {block("A2", 0, 3)});
  extra.surgeons_choice = true;
  const auto issues = validate_case(with_stages({clear, extra}));
  EXPECT_FALSE(has_errors(issues));
  EXPECT_TRUE(has(issues, Severity::Warning, "mohs.stages[1]", "taken when every earlier margin was clear"));
}

TEST(MohsValidation, MarginsDepthPlanesAndDeepOnly) {
  auto zero = validate_case(with_stages({stage(0.0, {block("A", 0, 12)}, true)}));
  EXPECT_TRUE(has(zero, Severity::Error, "mohs.stages[0].margin_cm", "0 — must be > 0 and ≤ 10 (cm)"));
  auto wide = validate_case(with_stages({stage(10.5, {block("A", 0, 12)}, true)}));
  EXPECT_TRUE(has(wide, Severity::Error, "mohs.stages[0].margin_cm", "10.5 — must be > 0 and ≤ 10 (cm)"));
  MohsStage deep_first = stage(0.0, {block("A", 0, 12)}, true);
  deep_first.deep_only = true;
  EXPECT_TRUE(
      has(validate_case(with_stages({deep_first})), Severity::Error, "mohs.stages[0].deep_only", "the first stage must take a peripheral margin"));
  // A plane the site does not have is refused when the file is read.
  auto j = nlohmann::json::parse(serialize_case(test::load_bundled("han2009-abdomen")));
  j["mohs"]["stages"][0].erase("depth_mm");
  j["mohs"]["stages"][0]["depth"] = "periosteum";
  const auto load = parse_case(j.dump());
  EXPECT_FALSE(load.value);
  EXPECT_TRUE(has(load.issues, Severity::Error, "mohs.stages[0].depth",
                  "\"periosteum\" — not a tissue plane of the abdomen; expected one of: subcutis, fascia, muscle"))
      << format_issues(load.issues);
  j["mohs"]["stages"][0]["depth_mm"] = 12;
  j["mohs"]["stages"][0]["depth"] = "fascia";
  EXPECT_TRUE(has(parse_case(j.dump()).issues, Severity::Error, "mohs.stages[0]", "has both \"depth\" and \"depth_mm\""));
  j["mohs"]["stages"][0].erase("depth_mm");
  j["mohs"]["stages"][0]["blocks"][0]["peripheral"] = "negative";
  EXPECT_TRUE(has(parse_case(j.dump()).issues, Severity::Error, "mohs.stages[0].blocks[0].peripheral",
                  "\"negative\" — must be \"clear\", \"positive\", \"close\", \"indeterminate\", \"pending\" (not read yet) or \"not examined\""));
}

TEST(MohsIo, RoundTripsThroughAFile) {
  const Case c = test::load_bundled("han2009-abdomen");
  const auto again = parse_case(serialize_case(c));
  ASSERT_TRUE(again.value) << format_issues(again.issues);
  EXPECT_EQ(serialize_case(*again.value), serialize_case(c));
  ASSERT_TRUE(again.value->mohs);
  EXPECT_TRUE(again.value->mohs->stages[1].deep_only);
  EXPECT_EQ(again.value->mohs->stages[0].blocks[2].deep, MarginResult::NotExamined);
  EXPECT_EQ(again.value->mohs->stages[1].procedure, Procedure::Excision);
  EXPECT_EQ(again.value->mohs->stages[1].performed_by, "surgical oncology");
  EXPECT_EQ(again.value->mohs->stages[1].processing, Processing::Paraffin);
  EXPECT_EQ(again.value->mohs->stages[1].blocks[1].deep, MarginResult::Positive);
  ASSERT_TRUE(again.value->surgery);
  EXPECT_EQ(again.value->surgery->steps.size(), 4u);
  EXPECT_EQ(again.value->surgery->closure->method, ClosureMethod::Delayed);
  // Version 1.0 files (no "mohs") still load; saving writes the current minor version.
  auto old = nlohmann::json::parse(serialize_case(c));
  old.erase("mohs");
  old.erase("surgery");
  old["schema_version"] = "1.0";
  const auto loaded = parse_case(old.dump());
  ASSERT_TRUE(loaded.value);
  EXPECT_NE(serialize_case(*loaded.value).find("\"schema_version\": \"1.4\""), std::string::npos);
}

// Schema 1.2: a saved plan (one margin or twelve), pending results and block layers survive a
// save and a load; a bad plan names its field.
TEST(MohsIo, PlanPendingAndLayersRoundTrip) {
  Case c = test::load_bundled("han2009-abdomen");
  SavedPlan plan;
  plan.margin_cm.fill(2.5);
  plan.margin_cm[5] = 3.0;  // 6 o'clock
  plan.plane = DepthPlane::Muscle;
  plan.from_post_treatment = true;
  c.plan = plan;
  c.mohs->stages[1].blocks[0].deep = MarginResult::Pending;
  c.mohs->stages[1].blocks[0].layer = BlockLayer::Deep;
  const std::string text = serialize_case(c);
  const auto again = parse_case(text);
  ASSERT_TRUE(again.value) << format_issues(again.issues);
  EXPECT_EQ(serialize_case(*again.value), text);
  ASSERT_TRUE(again.value->plan);
  EXPECT_EQ(again.value->plan->margin_cm[5], 3.0);
  EXPECT_EQ(again.value->plan->margin_cm[4], 2.5);
  EXPECT_EQ(again.value->plan->plane, DepthPlane::Muscle);
  EXPECT_TRUE(again.value->plan->from_post_treatment);
  EXPECT_EQ(again.value->mohs->stages[1].blocks[0].deep, MarginResult::Pending);
  EXPECT_EQ(again.value->mohs->stages[1].blocks[0].layer, BlockLayer::Deep);
  auto j = nlohmann::json::parse(text);
  j["plan"]["margin_cm"] = 11;
  EXPECT_TRUE(has(parse_case(j.dump()).issues, Severity::Error, "plan.margin_cm", "11 — must be from 0 to 10 (cm)"));
  j["plan"]["margin_cm"] = "2";
  EXPECT_TRUE(has(parse_case(j.dump()).issues, Severity::Error, "plan.margin_cm", "must be a number (cm) or an array of twelve"));
  j["plan"]["margin_cm"] = 2;
  j["plan"]["depth"] = "periosteum";
  EXPECT_TRUE(has(parse_case(j.dump()).issues, Severity::Error, "plan.depth", "not a tissue plane of the abdomen"));
}

}  // namespace
}  // namespace mv

namespace mv {
namespace {

// Stage-1 quadrants (A 10.5-1.5, B 1.5-4.5, C 4.5-7.5, D 7.5-10.5) read as given.
MohsStage read_quadrants(Site site, MarginResult a_p, MarginResult c_d) {
  MohsStage s = app::first_stage(site, std::nullopt);
  for (auto& b : s.blocks) b.peripheral = b.deep = MarginResult::Clear;
  s.blocks[0].peripheral = a_p;
  s.blocks[2].deep = c_d;
  return s;
}

TEST(MohsEditing, SplitMergeAndNextStage) {
  MohsStage s = read_quadrants(Site::Thigh, MarginResult::Clear, MarginResult::Clear);
  ASSERT_EQ(s.blocks.size(), 4u);
  EXPECT_EQ(s.blocks[0].span.from, 10.5);
  app::split_block(s, 0);  // A: 10.5-1.5 becomes 10.5-12 and 0-1.5
  ASSERT_EQ(s.blocks.size(), 5u);
  EXPECT_DOUBLE_EQ(s.blocks[0].span.to, 0.0);
  EXPECT_DOUBLE_EQ(s.blocks[1].span.from, 0.0);
  EXPECT_EQ(s.blocks[1].label, "Aa");
  s.blocks[1].peripheral = MarginResult::Positive;
  EXPECT_TRUE(app::merge_with_next(s, 0));
  ASSERT_EQ(s.blocks.size(), 4u);
  EXPECT_DOUBLE_EQ(s.blocks[0].span.to, 1.5);
  EXPECT_EQ(s.blocks[0].peripheral, MarginResult::Positive);  // the worse result survives the merge
}

// Issue 9 (3): a new stage's blocks start pending, and "next stage" gives each open span the
// layer it needs: A positive at the periphery only gets a wedge, C positive at depth only a
// deep-only layer one plane deeper — not a 2-cm wedge as well.
TEST(MohsEditing, NextStageTakesWhatEachBlockNeeds) {
  const MohsStage fresh = app::first_stage(Site::Thigh, CaseDate{3, std::nullopt, Json::object()});
  for (const auto& b : fresh.blocks) {
    EXPECT_EQ(b.peripheral, MarginResult::Pending);
    EXPECT_EQ(b.deep, MarginResult::Pending);
  }
  EXPECT_FALSE(mohs_completeness(MohsRecord{{fresh}, "", {}}).clear());  // unread slides are not clear

  MohsRecord rec{{read_quadrants(Site::Thigh, MarginResult::Positive, MarginResult::Positive)}, "", {}};
  rec.stages[0].margin_cm = 2.0;
  auto next = app::next_stage_from_open(rec, Site::Thigh, CaseDate{4, std::nullopt, Json::object()});
  ASSERT_TRUE(next);
  ASSERT_EQ(next->blocks.size(), 2u);
  EXPECT_FALSE(next->deep_only);
  EXPECT_EQ(next->plane, DepthPlane::Muscle);  // a deep margin is open: one plane deeper than fascia
  EXPECT_EQ(next->date->day, 4);
  const MohsBlock& a2 = next->blocks[0].label == "A2" ? next->blocks[0] : next->blocks[1];
  const MohsBlock& c2 = next->blocks[0].label == "C2" ? next->blocks[0] : next->blocks[1];
  EXPECT_EQ(a2.label, "A2");
  EXPECT_EQ(next->layer_of(a2), BlockLayer::Peripheral);
  EXPECT_DOUBLE_EQ(a2.span.from, 10.5);
  EXPECT_DOUBLE_EQ(a2.span.to, 1.5);
  EXPECT_EQ(c2.label, "C2");
  EXPECT_EQ(next->layer_of(c2), BlockLayer::Deep);
  EXPECT_EQ(c2.peripheral, MarginResult::Clear);  // a deep-only layer has no peripheral margin to read
  EXPECT_EQ(c2.deep, MarginResult::Pending);
  EXPECT_EQ(a2.peripheral, MarginResult::Pending);
  EXPECT_EQ(next->margin_cm, 2.0);

  MohsRecord deep_only{{read_quadrants(Site::Abdomen, MarginResult::Clear, MarginResult::Positive)}, "", {}};
  next = app::next_stage_from_open(deep_only, Site::Abdomen, std::nullopt);
  ASSERT_TRUE(next);
  EXPECT_TRUE(next->deep_only);
  EXPECT_EQ(next->margin_cm, 0.0);
  EXPECT_EQ(next->blocks[0].label, "C2");
  Case c = test::load_bundled("han2009-abdomen");
  c.mohs = deep_only;
  c.surgery.reset();  // its steps name the bundled record's stages
  c.mohs->stages.push_back(*next);
  EXPECT_FALSE(has_errors(validate_case(c))) << format_issues(validate_case(c));

  MohsRecord clear{{read_quadrants(Site::Abdomen, MarginResult::Clear, MarginResult::Clear)}, "", {}};
  EXPECT_FALSE(app::next_stage_from_open(clear, Site::Abdomen, std::nullopt));
  EXPECT_EQ(app::next_result(MarginResult::Pending), MarginResult::Clear);
  EXPECT_EQ(app::next_result(MarginResult::Clear), MarginResult::Positive);
  EXPECT_EQ(app::next_result(MarginResult::Indeterminate), MarginResult::NotExamined);
  EXPECT_EQ(app::next_result(MarginResult::NotExamined), MarginResult::Pending);
}

// A merge never hides an open margin, and never joins a wedge to a deep-only layer; a stage in mm
// gets a deeper mm depth, never both a plane and a depth.
TEST(MohsEditing, MergesKeepOpenMarginsAndDepthsStayOneKind) {
  MohsStage s = read_quadrants(Site::Abdomen, MarginResult::Clear, MarginResult::Clear);
  s.blocks[0].peripheral = MarginResult::Pending;
  s.blocks[1].peripheral = MarginResult::Close;
  ASSERT_TRUE(app::merge_with_next(s, 0));
  EXPECT_EQ(s.blocks[0].peripheral, MarginResult::Pending);
  MohsStage mixed;
  mixed.margin_cm = 1.0;
  mixed.plane = DepthPlane::Fascia;
  mixed.blocks = {block("A2", 0, 3), block("B2", 3, 6)};
  mixed.blocks[0].layer = BlockLayer::Peripheral;
  mixed.blocks[1].layer = BlockLayer::Deep;
  EXPECT_FALSE(app::merge_with_next(mixed, 0));
  EXPECT_EQ(mixed.blocks.size(), 2u);

  MohsRecord rec{{read_quadrants(Site::Abdomen, MarginResult::Clear, MarginResult::Positive)}, "", {}};
  rec.stages[0].plane.reset();
  rec.stages[0].depth_mm = 12.0;
  const auto next = app::next_stage_from_open(rec, Site::Abdomen, std::nullopt);
  ASSERT_TRUE(next);
  EXPECT_FALSE(next->plane);
  EXPECT_EQ(next->depth_mm, 17.0);
  MohsRecord planes{{read_quadrants(Site::Abdomen, MarginResult::Positive, MarginResult::Clear)}, "", {}};
  const auto wedge = app::next_stage_from_open(planes, Site::Abdomen, std::nullopt);
  ASSERT_TRUE(wedge);
  EXPECT_TRUE(wedge->plane.has_value() != wedge->depth_mm.has_value());
}

// Issue 9 (2): a positive block stays open until a later stage takes its margin over its span.
// Stage 1 D (7.5-10.5) peripheral positive; stage 2 is deep-only under C: D is still open.
TEST(MohsCompleteness, OpenBlockInAnEarlierStageIsNotClear) {
  MohsRecord rec{{read_quadrants(Site::Abdomen, MarginResult::Clear, MarginResult::Positive)}, "", {}};
  rec.stages[0].blocks[3].peripheral = MarginResult::Positive;  // D
  MohsStage deep;
  deep.deep_only = true;
  deep.plane = DepthPlane::Muscle;
  deep.blocks = {block("C2", 4.5, 7.5)};
  rec.stages.push_back(deep);
  MohsCompleteness done = mohs_completeness(rec);
  ASSERT_EQ(done.open.size(), 1u) << done.summary();
  EXPECT_EQ(done.open[0].label, "D");
  EXPECT_EQ(done.open[0].kind, MarginKind::Peripheral);
  EXPECT_NEAR(done.open[0].open.hours(), 3.0, 1e-9);
  EXPECT_FALSE(done.clear());
  EXPECT_NE(done.summary().find("stage 1 block D: peripheral positive at 7.5-10.5 o'clock"), std::string::npos) << done.summary();

  // A deep-only layer under D does not take its periphery either; a wedge over half of it leaves half.
  MohsStage wedge;
  wedge.margin_cm = 1.0;
  wedge.plane = DepthPlane::Fascia;
  wedge.blocks = {block("D3", 7.5, 9.0)};
  wedge.blocks[0].layer = BlockLayer::Peripheral;
  rec.stages.push_back(wedge);
  done = mohs_completeness(rec);
  ASSERT_EQ(done.open.size(), 1u);
  ASSERT_EQ(done.open[0].open.spans().size(), 1u);
  EXPECT_NEAR(done.open[0].open.spans()[0].from, 9.0, 1e-9);
  EXPECT_NEAR(done.open[0].open.spans()[0].to, 10.5, 1e-9);
  rec.stages.back().blocks[0].span.to = 10.5;
  EXPECT_TRUE(mohs_completeness(rec).clear()) << mohs_completeness(rec).summary();
  // Through stage 2 only, D is still open.
  EXPECT_FALSE(mohs_completeness(rec, 2).clear());
  // The next stage's own pending deep margin under its wedge opens again.
  rec.stages.back().blocks[0].deep = MarginResult::Pending;
  EXPECT_TRUE(mohs_completeness(rec).pending());
}

// A span through 12 o'clock stays one span; sets subtract exactly.
TEST(MohsCompleteness, ClockSetsWrapThroughTwelve) {
  ClockSet a(ClockSpan{10.5, 1.5});
  EXPECT_NEAR(a.hours(), 3.0, 1e-12);
  ASSERT_EQ(a.spans().size(), 1u);
  EXPECT_DOUBLE_EQ(a.spans()[0].from, 10.5);
  EXPECT_DOUBLE_EQ(a.spans()[0].to, 1.5);
  a.subtract(ClockSpan{11.0, 0.5});
  ASSERT_EQ(a.spans().size(), 2u);
  EXPECT_NEAR(a.hours(), 1.5, 1e-12);
  EXPECT_TRUE(ClockSet(ClockSpan{3.0, 3.0}).minus(ClockSet(ClockSpan{0.0, 12.0})).empty());
  EXPECT_DOUBLE_EQ(ClockSet(ClockSpan{9.0, 0.0}).spans().at(0).to, 12.0);  // ends at 12, said as 12
  EXPECT_NEAR(ClockSet(ClockSpan{1.0, 5.0}).intersected(ClockSet(ClockSpan{4.0, 8.0})).hours(), 1.0, 1e-12);
}

}  // namespace
}  // namespace mv
