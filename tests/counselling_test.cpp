// Counselling text (issue 14): plain words with the case's numbers, measured for reading grade on
// every bundled case, with and without a plan; the Flesch-Kincaid formula itself.
#include <gtest/gtest.h>

#include "case_session.hpp"
#include "clinical/counselling.hpp"
#include "clinical/metrics.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

TEST(Counselling, FleschKincaidFollowsTheFormula) {
  // 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59.
  EXPECT_NEAR(flesch_kincaid_grade("The cat sat on the mat."), 0.39 * 6 + 11.8 - 15.59, 1e-9);
  EXPECT_EQ(syllables_in("tumour"), 2);
  EXPECT_EQ(syllables_in("imatinib"), 4);
  EXPECT_EQ(syllables_in("surgery"), 3);
  EXPECT_EQ(syllables_in("wound"), 1);
  EXPECT_EQ(syllables_in("6.9"), 2);
  // A long sentence of long words scores far higher.
  EXPECT_GT(flesch_kincaid_grade("Dermatofibrosarcoma protuberans demonstrates infiltrative subclinical extension necessitating histological "
                                 "confirmation of circumferential and deep margins."),
            15.0);
}

CounsellingText text_of(app::CaseSession& s, const std::optional<PlanRequest>& plan) {
  const Case& c = s.current_case();
  const CaseMetrics m = metrics_of(c, s.measurement_solids());
  const PlannedExcision* p = plan ? &s.plan(*plan) : nullptr;
  return counselling_text(c, m, c.mohs && !c.mohs->stages.empty() ? s.mohs() : nullptr, p);
}

TEST(Counselling, EveryTextOfEveryBundledCaseReadsAtGradeEightOrBelow) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  for (const char* id : {"han2009-scalp", "han2009-abdomen", "han2009-thigh", "han2009-ankle"}) {
    app::CaseSession s(library);
    s.set_case(test::load_bundled(id));
    for (const auto& plan : {std::optional<PlanRequest>{}, std::optional(PlanRequest::uniform(2.0, DepthPlane::Fascia))}) {
      const CounsellingText t = text_of(s, plan);
      const double grade = flesch_kincaid_grade(t.all_text());
      EXPECT_LE(grade, 8.0) << id << ": " << t.all_text();
      for (const auto& section : t.sections) EXPECT_LE(flesch_kincaid_grade(section.text()), 8.0) << id << ", " << section.heading;
      std::cout << id << (plan ? " with a plan" : "") << ": grade " << grade << "\n";
    }
  }
}

TEST(Counselling, TheNumbersAreTheCasesAndSayWhichMeasure) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  app::CaseSession s(library);
  s.set_case(test::load_bundled("han2009-abdomen"));
  const CounsellingText t = text_of(s, PlanRequest::uniform(2.0, DepthPlane::Fascia));
  const std::string all = t.all_text();
  // The abdomen shrank by 61.6% of its X-by-Y area: 38% is left, "a little over a third".
  EXPECT_NE(all.find("from its width and its length. The area shrank by about 62%."), std::string::npos) << all;
  EXPECT_NE(all.find("a little over a third"), std::string::npos);
  EXPECT_NE(all.find("still goes around the first, larger size"), std::string::npos);
  // The recorded defect (10.9 × 10.7 cm) and its depth; a delayed closure has no scar guess.
  EXPECT_NE(all.find("about 10.9 by 10.7 cm"), std::string::npos) << all;
  EXPECT_NE(all.find("no simple guess of the scar's size"), std::string::npos);
  EXPECT_FALSE(t.scar_low_cm);
  ASSERT_TRUE(t.chance);
  const double shown =
      std::round(s.plan(PlanRequest::uniform(2.0, DepthPlane::Fascia)).clearance.overall * 1000.0) / 1000.0;  // 3 decimals, as the report
  EXPECT_EQ(t.chance->of_100, static_cast<int>(std::lround(100.0 * shown)));
  EXPECT_NE(t.chance->sentence.find(" of 100 "), std::string::npos);
  // The thigh has no closure recorded: a line closure's scar, 3 to 4 times the wound's width.
  app::CaseSession thigh(library);
  thigh.set_case(test::load_bundled("han2009-thigh"));
  const CounsellingText tt = text_of(thigh, std::nullopt);
  ASSERT_TRUE(tt.scar_low_cm && tt.scar_high_cm);
  EXPECT_NEAR(*tt.scar_low_cm, 3.0 * std::max(tt.wound_x_cm, tt.wound_y_cm), 1e-9);
  EXPECT_NEAR(*tt.scar_high_cm, 4.0 * std::max(tt.wound_x_cm, tt.wound_y_cm), 1e-9);
}

}  // namespace
}  // namespace mv
