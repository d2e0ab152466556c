// The four bundled cases reproduce what Han et al. 2009 published (clinical.md §2), computed with
// the product's own metrics code.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "clinical/metrics.hpp"
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

}  // namespace
}  // namespace mv
