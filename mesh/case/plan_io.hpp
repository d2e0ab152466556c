#pragma once
#include <optional>

#include "case/case_json.hpp"
#include "case/case_model.hpp"

namespace mv {

// The "plan" section of a case file (docs/case-format.md): "margin_cm" one number or twelve (1 to
// 12 o'clock), "depth" a tissue plane of the site, "outline" "pre" (default) or "post".
std::optional<SavedPlan> read_plan(json_reader::Reader& r, const Json& section, Site site);
Json write_plan(const SavedPlan& p);

}  // namespace mv
