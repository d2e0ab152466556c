#include "report/case_report.hpp"

#include <cmath>

#include "clinical/metrics.hpp"
#include "errors.hpp"
#include "reconstruction/mohs_reconstruction.hpp"

namespace mv::app {
namespace {
double cm2(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}
}  // namespace

std::optional<PlanRequest> report_plan(const Case& c, const std::optional<PlanRequest>& asked) {
  if (asked) return asked;
  if (c.plan) return PlanRequest::from_saved(*c.plan);
  return std::nullopt;
}

nlohmann::json case_report_json(CaseSession& session, const std::optional<PlanRequest>& plan) {
  const Case& c = session.current_case();
  nlohmann::json report = report_json(c, metrics_of(c, session.measurement_solids()));
  if (c.mohs) {
    try {
      report["mohs"] = mohs_report_json(reconstruct_mohs(c, session.site_model(), session.frame()));
    } catch (const PlacementError& e) {
      throw InputError(std::string("mohs: ") + e.what());
    }
  }
  if (!plan) return report;
  const PlannedExcision* drawn = nullptr;
  try {
    drawn = &session.plan(*plan);
  } catch (const PlacementError& e) {
    throw InputError("--plan-margin/--plan-depth: the planned excision cannot be drawn: " + std::string(e.what()));
  }
  const PlannedExcision& excision = *drawn;
  report["plan"] = plan_report_json(excision);
  // With Mohs stages: the plan beside the defect that surgery actually made.
  if (const MohsReconstruction* mohs = c.mohs && !c.mohs->stages.empty() ? session.mohs() : nullptr) {
    const auto planned = plan_margins_by_hour(excision.request);
    nlohmann::json hours = nlohmann::json::array();
    for (int h = 1; h <= 12; ++h)
      hours.push_back({{"hour", h},
                       {"plan_margin_cm", planned[static_cast<size_t>(h - 1)]},
                       {"mohs_margin_cm", cm2(mohs->margin_at_hour_cm[static_cast<size_t>(h - 1)], 2)}});
    report["plan"]["compared_with_mohs"] = {{"plan_area_cm2", cm2(excision.area_cm2, 3)},
                                            {"mohs_defect_area_cm2", cm2(mohs->final_defect_area_cm2, 3)},
                                            {"plan_outline_from", excision.outline_from},
                                            {"mohs_margins_from", c.measurements.back().label},
                                            {"by_clock_hour", hours}};
  }
  return report;
}

}  // namespace mv::app
