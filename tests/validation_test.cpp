// Validation rules: errors for impossible values, warnings for possible but unusual ones.
#include <gtest/gtest.h>

#include "test_support.hpp"
#include "case/validation.hpp"

namespace mv {
namespace {

bool has(const std::vector<Issue>& issues, Severity sev, const std::string& path, const std::string& text) {
  for (const auto& i : issues)
    if (i.severity == sev && i.path == path && i.text().find(text) != std::string::npos) return true;
  return false;
}

Case base() { return test::load_bundled("han2009-thigh"); }

TEST(Validation, BundledCaseIsValid) { EXPECT_TRUE(validate_case(base()).empty()); }

TEST(Validation, SizesMustBePositiveAndBelowTheCap) {
  Case c = base();
  c.measurements[0].x_cm = 0.0;
  c.measurements[1].y_cm = 61.0;
  c.measurements[1].thickness_mm = -3.0;
  const auto issues = validate_case(c);
  EXPECT_TRUE(has(issues, Severity::Error, "measurements[0].x_cm", "0 — must be ≥ 0.1 and ≤ 60 (cm)"));
  EXPECT_TRUE(has(issues, Severity::Error, "measurements[1].y_cm", "61 — must be ≥ 0.1 and ≤ 60 (cm)"));
  EXPECT_TRUE(has(issues, Severity::Error, "measurements[1].thickness_mm", "-3 — must be ≥ 0.1 and ≤ 200 (mm)"));
}

TEST(Validation, ImplausibleButPossibleValuesAreWarnings) {
  Case c = base();
  c.measurements[0].x_cm = 42.0;  // a 40-cm lesion
  c.measurements[1].x_cm = 50.0;  // grew on treatment
  c.measurements[1].y_cm = 9.0;
  const auto issues = validate_case(c);
  EXPECT_FALSE(has_errors(issues)) << format_issues(issues);
  EXPECT_TRUE(has(issues, Severity::Warning, "measurements[0].x_cm", "larger than 40 cm"));
  EXPECT_TRUE(has(issues, Severity::Warning, "measurements[1]", "the tumour grew"));
}

TEST(Validation, DatesLabelsAndCourse) {
  Case c = base();
  c.measurements[1].date.day = -5;
  c.measurements[1].label = c.measurements[0].label;
  c.imatinib->stop.day = -10;
  c.imatinib->dose_mg_per_day = 0.0;
  const auto issues = validate_case(c);
  EXPECT_TRUE(has(issues, Severity::Error, "measurements[1]", "must not be before measurements[0]"));
  EXPECT_TRUE(has(issues, Severity::Error, "measurements[1].label", "must be unique"));
  EXPECT_TRUE(has(issues, Severity::Error, "imatinib.stop", "must not be before imatinib.start"));
  EXPECT_TRUE(has(issues, Severity::Error, "imatinib.dose_mg_per_day", "0 — must be > 0"));
  c = base();
  c.measurements[0].date = CaseDate{std::nullopt, std::string("2007-02-30")};
  EXPECT_TRUE(has(validate_case(c), Severity::Error, "measurements[0].date", "must be an ISO date"));
}

TEST(Validation, OneDateFormPerCase) {
  Case c = base();
  c.imatinib->stop = CaseDate{std::nullopt, std::string("2007-05-01")};
  EXPECT_TRUE(has(validate_case(c), Severity::Error, "imatinib.stop", "mixes day offsets and ISO dates"));
}

TEST(Validation, TissueOverridesMustNameALayerOfTheSite) {
  Case c = base();
  c.tissue.overrides_mm = {{"galea", 1.0}, {"subcutaneous-fat", 0.0}};
  const auto issues = validate_case(c);
  EXPECT_TRUE(has(issues, Severity::Error, "tissue_mm.galea", "unknown layer for site thigh"));
  EXPECT_TRUE(has(issues, Severity::Error, "tissue_mm.subcutaneous-fat", "0 — must be ≥ 0.1"));
}

TEST(Validation, CaseIdMustNotLookLikeFreeText) {
  Case c = base();
  c.case_id = "Jane Doe 1950";
  EXPECT_TRUE(has(validate_case(c), Severity::Error, "case_id", "no patient identifiers"));
}

}  // namespace
}  // namespace mv
