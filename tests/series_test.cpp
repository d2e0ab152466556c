// The four bundled cases reproduce what Han et al. 2009 published (docs/sources.md §2), computed
// with the product's own metrics, reconstruction and response code.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "clinical/metrics.hpp"
#include "clinical/response.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "reconstruction/timeline.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

std::vector<Case> series() {
  std::vector<Case> out;
  for (const char* id : {"han2009-scalp", "han2009-abdomen", "han2009-thigh", "han2009-ankle"}) out.push_back(test::load_bundled(id));
  return out;
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }

ReductionMetrics reduction_of(const Case& c) {
  MeasurementMetrics a, b;
  a.label = c.measurements.front().label, a.x_cm = c.measurements.front().x_cm, a.y_cm = c.measurements.front().y_cm;
  b.label = c.measurements.back().label, b.x_cm = c.measurements.back().x_cm, b.y_cm = c.measurements.back().y_cm;
  return reduction_between(a, b);
}

TEST(Han2009Series, SizesBeforeTreatmentSpanThePublishedRanges) {
  std::vector<double> xs, ys;
  for (const auto& c : series()) xs.push_back(c.measurements.front().x_cm), ys.push_back(c.measurements.front().y_cm);
  EXPECT_DOUBLE_EQ(*std::min_element(xs.begin(), xs.end()), 2.0);
  EXPECT_DOUBLE_EQ(*std::max_element(xs.begin(), xs.end()), 8.6);
  EXPECT_DOUBLE_EQ(*std::min_element(ys.begin(), ys.end()), 2.7);
  EXPECT_DOUBLE_EQ(*std::max_element(ys.begin(), ys.end()), 14.0);
}

TEST(Han2009Series, AreaReductionsMatchTheReportedRangeAndMean) {
  std::vector<double> r;
  for (const auto& c : series()) r.push_back(reduction_of(c).area_xy_percent);
  std::sort(r.begin(), r.end());
  EXPECT_EQ(round1(r.front()), 18.9);
  EXPECT_EQ(round1(r.back()), 61.6);
  EXPECT_EQ(round1(std::accumulate(r.begin(), r.end(), 0.0) / 4.0), 36.9);
}

TEST(Han2009Series, PerPatientFacts) {
  const auto s = series();
  const Case &scalp = s[0], &abdomen = s[1], &ankle = s[3];
  EXPECT_EQ(site_spec(ankle.site).key, "ankle");
  EXPECT_DOUBLE_EQ(std::max(ankle.measurements.front().x_cm, ankle.measurements.front().y_cm), 3.0);  // the 3-cm nodule
  EXPECT_GT(ankle.measurements.front().exophytic_mm.value_or(0.0), 0.0);                              // exophytic
  EXPECT_GE(std::max(abdomen.measurements.front().x_cm, abdomen.measurements.front().y_cm), 10.0);    // base >= 10 cm
  EXPECT_LT(std::max(abdomen.measurements.back().x_cm, abdomen.measurements.back().y_cm), 7.0);       // < 7 cm after
  EXPECT_EQ(abdomen.presentation, Presentation::Recurrent);
  EXPECT_DOUBLE_EQ(scalp.imatinib->dose_mg_per_day, 400.0);
  std::vector<double> doses;
  int recurrent = 0, three_months = 0, seven_months = 0;
  for (const auto& c : s) {
    doses.push_back(c.imatinib->dose_mg_per_day);
    recurrent += c.presentation == Presentation::Recurrent;
    const double months = (c.imatinib->stop.ordinal() - c.imatinib->start.ordinal()) / 30.44;
    three_months += months >= 2.9 && months <= 3.6;
    seven_months += months >= 6.8 && months <= 7.2;
    // Stopped 4 weeks before surgery, when the preoperative measurement was taken.
    EXPECT_EQ(c.measurements.back().date.ordinal() - c.imatinib->stop.ordinal(), 28) << c.case_id;
    EXPECT_TRUE(c.illustrative) << c.case_id;
  }
  std::sort(doses.begin(), doses.end());
  EXPECT_EQ(doses, (std::vector<double>{400, 600, 800, 800}));
  EXPECT_EQ(recurrent, 2);
  EXPECT_EQ(three_months, 3);
  EXPECT_EQ(seven_months, 1);
}

// "Clear margins with MMS in 3 of 4": the fourth, the abdominal one, only with surgical oncology's
// resection (to the fascia, tumour at its deep margin toward the scrotum) and an additional Mohs
// stage; the wound was left open until then. The ankle's wound reached the periosteum, grafted.
TEST(Han2009Series, ThreeOfFourClearedByMohsAlone) {
  int by_mohs = 0;
  for (const auto& c : series()) {
    const SiteModel model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site)));
    const MohsReconstruction rec = reconstruct_mohs(c, model, place_lesion(model.skin, c.lesion));
    EXPECT_TRUE(rec.clear) << c.case_id;  // all four disease-free in the end
    by_mohs += rec.cleared_by_mohs_alone;
    if (c.case_id == "han2009-abdomen") {
      EXPECT_FALSE(rec.cleared_by_mohs_alone);
      ASSERT_EQ(c.mohs->stages.size(), 3u);
      const MohsStage& resection = c.mohs->stages[1];
      EXPECT_EQ(resection.procedure, Procedure::Excision);
      EXPECT_EQ(resection.performed_by, "surgical oncology");
      EXPECT_EQ(resection.plane, DepthPlane::Fascia);
      bool positive_toward_six = false;
      for (const auto& b : resection.blocks) positive_toward_six |= b.deep == MarginResult::Positive && b.span.contains(6.0);
      EXPECT_TRUE(positive_toward_six);
      for (const auto& b : c.mohs->stages[0].blocks) EXPECT_EQ(b.deep, MarginResult::NotExamined) << "the Mohs stage was for the periphery";
      EXPECT_NEAR(c.mohs->stages[0].margin_cm, 2.0, 1e-9);
      EXPECT_TRUE(c.mohs->stages[2].deep_only);
      ASSERT_TRUE(c.surgery && c.surgery->closure);
      EXPECT_EQ(c.surgery->steps.front().kind, SurgeryStep::Kind::Debulking);
      EXPECT_EQ(c.surgery->closure->method, ClosureMethod::Delayed);
      EXPECT_GE(c.surgery->closure->date->ordinal(), c.mohs->stages.back().date->ordinal());
    }
    if (c.case_id == "han2009-ankle") {
      EXPECT_EQ(c.mohs->stages.back().plane, DepthPlane::Periosteum);
      ASSERT_TRUE(c.surgery && c.surgery->closure);
      EXPECT_EQ(c.surgery->closure->method, ClosureMethod::Graft);
    }
  }
  EXPECT_EQ(by_mohs, 3);
}

// "All 4 patients responded to imatinib therapy with a reduction in tumor size and thickness."
// By RECIST 1.1 on the longest diameter, as trials report response, three are stable disease.
TEST(Han2009Series, EveryTumourShrankInSizeAndThickness) {
  int stable = 0;
  for (const auto& c : series()) {
    const TumourState before = state_of(c, 0), after = state_of(c, c.measurements.size() - 1);
    EXPECT_LT(after.shape.depth_mm, before.shape.depth_mm) << c.case_id;
    EXPECT_LT(after.shape.x_cm * after.shape.y_cm, before.shape.x_cm * before.shape.y_cm) << c.case_id;
    const auto r = recist_response(c);
    ASSERT_TRUE(r);
    stable += r->category == ResponseCategory::StableDisease;
    if (c.case_id == "han2009-abdomen") {
      EXPECT_EQ(r->category, ResponseCategory::PartialResponse);
    }
  }
  EXPECT_EQ(stable, 3);
}

TEST(Response, RecistThresholds) {
  Case c = test::load_bundled("han2009-thigh");
  c.measurements.back().x_cm = 0.7 * 8.0, c.measurements.back().y_cm = 0.7 * 8.0;  // exactly 30% smaller
  EXPECT_EQ(recist_response(c)->category, ResponseCategory::PartialResponse);
  c.measurements.back().y_cm = 0.71 * 8.0;
  EXPECT_EQ(recist_response(c)->category, ResponseCategory::StableDisease);
  c.measurements.back().y_cm = 1.2 * 8.0;  // 20% larger
  EXPECT_EQ(recist_response(c)->category, ResponseCategory::ProgressiveDisease);
  c.measurements.resize(1);
  EXPECT_FALSE(recist_response(c));
}

TEST(Response, RecurrenceFiguresOnlyForRecurrentOrFibrosarcomatousTumours) {
  Case c = test::load_bundled("han2009-thigh");  // primary
  EXPECT_TRUE(recurrence_context(c).empty());
  c.histology = Histology::Fibrosarcomatous;
  const auto fs = recurrence_context(c);
  ASSERT_FALSE(fs.empty());
  EXPECT_NE(fs.front().figure.find("39.7%"), std::string::npos);
  for (const auto& f : fs) EXPECT_FALSE(f.source.empty()) << f.figure;
  c.histology = Histology::Classic;
  c.presentation = Presentation::Recurrent;
  EXPECT_NE(recurrence_context(c).front().source.find("Ratner 1997"), std::string::npos);
}

}  // namespace
}  // namespace mv
