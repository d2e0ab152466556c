#include <gtest/gtest.h>

#include "test_support.hpp"
#include "reconstruction/timeline.hpp"
#include "common/units.hpp"

namespace mv {
namespace {

TEST(Timeline, EndsAreTheMeasurementsAndTheMiddleIsLinearInTime) {
  const Case c = test::load_bundled("han2009-abdomen");
  const TumourState first = tumour_at(c, 0.0), last = tumour_at(c, 1.0), mid = tumour_at(c, 0.5);
  EXPECT_EQ(first.label, "consultation");
  EXPECT_FALSE(first.interpolated);
  EXPECT_EQ(last.label, "preoperative");
  EXPECT_DOUBLE_EQ(first.shape.x_cm, 8.6);
  EXPECT_NEAR(mid.shape.x_cm, (8.6 + 6.9) / 2.0, 1e-12);
  EXPECT_TRUE(mid.interpolated);
  EXPECT_EQ(mid.label, "day 119 (interpolated)");
}

TEST(Timeline, MeasurementsOnTheSameDateKeepTheirOwnShape) {
  Case c = test::load_bundled("han2009-thigh");
  Measurement same_day = c.measurements.back();
  same_day.label = "preoperative, second observer";
  same_day.x_cm = 5.1;
  c.measurements.push_back(same_day);
  EXPECT_DOUBLE_EQ(state_of(c, 1).shape.x_cm, 4.8);
  EXPECT_DOUBLE_EQ(state_of(c, 2).shape.x_cm, 5.1);
  EXPECT_EQ(state_of(c, 2).label, "preoperative, second observer");
  // Chosen by label (as --at and the GUI's buttons do), each keeps its own solid.
  EXPECT_DOUBLE_EQ(tumour_at(c, parse_at(c, "preoperative, second observer")).shape.x_cm, 5.1);
  EXPECT_DOUBLE_EQ(tumour_at(c, parse_at(c, "preoperative")).shape.x_cm, 4.8);
  EXPECT_DOUBLE_EQ(tumour_at(c, last_measurement(c)).shape.x_cm, 5.1);
}

TEST(Timeline, OneMeasurementIsTheWholeTimeline) {
  Case c = test::load_bundled("han2009-thigh");
  c.measurements.resize(1);
  for (double t : {0.0, 0.5, 1.0}) EXPECT_DOUBLE_EQ(tumour_at(c, t).shape.x_cm, 6.0);
  EXPECT_FALSE(tumour_at(c, 1.0).interpolated);
}

TEST(Timeline, AtAcceptsLabelsAndFractionsOnly) {
  const Case c = test::load_bundled("han2009-abdomen");
  EXPECT_EQ(parse_at(c, "preoperative").measurement, std::optional<size_t>(1));
  EXPECT_FALSE(parse_at(c, "0.25").measurement);
  EXPECT_DOUBLE_EQ(parse_at(c, "0.25").fraction, 0.25);
  EXPECT_THROW(parse_at(c, "1.5"), std::invalid_argument);
  EXPECT_THROW(parse_at(c, "surgery"), std::invalid_argument);
}

TEST(Timeline, MissingThicknessTakesTheSiteDefault) {
  Case c = test::load_bundled("han2009-scalp");
  for (auto& m : c.measurements) m.thickness_mm.reset();
  const TumourState s = tumour_at(c, 0.0);
  EXPECT_TRUE(s.depth_is_site_default);
  EXPECT_DOUBLE_EQ(s.shape.depth_mm, 1.35 + 4.0);  // base of the scalp's subcutis
}

TEST(Units, ConversionsAreExact) {
  EXPECT_DOUBLE_EQ(units::cm_to_mm(2.5), 25.0);
  EXPECT_DOUBLE_EQ(units::mm2_to_cm2(250.0), 2.5);
  EXPECT_DOUBLE_EQ(units::mm3_to_cm3(2500.0), 2.5);
  EXPECT_DOUBLE_EQ(units::mm_to_m(1250.0), 1.25);
  EXPECT_DOUBLE_EQ(units::to_mm_factor(units::LengthUnit::Metre), 1000.0);
}

}  // namespace
}  // namespace mv
