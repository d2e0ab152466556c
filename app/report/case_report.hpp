#pragma once
// The case report: one JSON document (docs/report-format.md) that `marginviz report` prints and
// the PDF for the chart lays out, so the two cannot disagree on a number.
#include <optional>

#include <nlohmann/json.hpp>

#include "case_session.hpp"
#include "clinical/plan.hpp"

namespace mv::app {

// The session holds the case, placed. With `plan`, the planned excision (drawn by the session) and,
// where the case has Mohs stages, the plan beside the defect that surgery made. Throws InputError
// when the Mohs record or the plan cannot be placed on the anatomy.
nlohmann::json case_report_json(CaseSession& session, const std::optional<PlanRequest>& plan);

// The plan to report: the one asked for, or else the one saved with the case, or none.
std::optional<PlanRequest> report_plan(const Case& c, const std::optional<PlanRequest>& asked);

}  // namespace mv::app
