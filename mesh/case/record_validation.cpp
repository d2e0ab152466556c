#include "case/record_validation.hpp"

#include <set>

#include "case/mohs_completeness.hpp"
#include "case/validation.hpp"

namespace mv {
namespace {

void warn(std::vector<Issue>& out, const std::string& path, const std::string& msg) { out.push_back({Severity::Warning, path, msg}); }
void error(std::vector<Issue>& out, const std::string& path, const std::string& msg) { out.push_back({Severity::Error, path, msg}); }

// The date the margins were clear: the date of the first step after which nothing is open.
std::optional<CaseDate> clear_on(const Case& c, bool& clear) {
  clear = false;
  if (!c.mohs) return std::nullopt;
  for (size_t k = 0; k < c.mohs->stages.size(); ++k)
    if (mohs_completeness(*c.mohs, static_cast<int>(k + 1)).clear()) {
      clear = true;
      return c.mohs->stages[k].date;
    }
  return std::nullopt;
}

}  // namespace

void validate_record(const Case& c, std::vector<Issue>& out) {
  if (c.translocation && c.translocation->status == TranslocationStatus::Negative && c.imatinib)
    warn(out, "translocation.status",
         "\"negative\" with an imatinib course — imatinib works on tumours that carry COL1A1–PDGFB, t(17;22); translocation-negative tumours "
         "did not respond (Navarrete-Dechent 2019; docs/sources.md §6)");
  if (!c.surgery) return;
  const auto& steps = c.surgery->steps;
  const size_t stages = c.mohs ? c.mohs->stages.size() : 0;
  std::set<int> seen;
  int last_stage = 0;
  std::optional<std::int64_t> last_date;
  for (size_t i = 0; i < steps.size(); ++i) {
    const SurgeryStep& s = steps[i];
    const std::string p = "surgery.steps[" + std::to_string(i) + "]";
    if (s.kind == SurgeryStep::Kind::Stage) {
      if (s.stage < 1 || static_cast<size_t>(s.stage) > stages)
        error(
            out, p + ".stage",
            std::to_string(s.stage) + " — must name a stage of mohs.stages, 1 to " + std::to_string(stages) + (stages ? "" : " (the case has none)"));
      else if (!seen.insert(s.stage).second)
        error(out, p + ".stage", std::to_string(s.stage) + " — already a step: each stage is one step");
      else if (s.stage < last_stage)
        error(out, p + ".stage",
              std::to_string(s.stage) + " — after stage " + std::to_string(last_stage) + ": steps are in the order they were done");
      last_stage = std::max(last_stage, s.stage);
      if (s.date) error(out, p + ".date", "a stage step takes its date from its stage (mohs.stages[" + std::to_string(s.stage - 1) + "].date)");
    }
    std::optional<CaseDate> date = s.date;
    if (s.kind == SurgeryStep::Kind::Stage && s.stage >= 1 && static_cast<size_t>(s.stage) <= stages)
      date = c.mohs->stages[static_cast<size_t>(s.stage - 1)].date;
    if (s.date) check_record_date(c, p + ".date", *s.date, out);
    if (date && (date->day || date->iso)) {
      if (last_date && date->ordinal() < *last_date) warn(out, p, date->describe() + " — before the step above it");
      last_date = date->ordinal();
    }
  }
  if (!steps.empty())
    for (size_t k = 1; k <= stages; ++k)
      if (!seen.count(static_cast<int>(k)))
        error(out, "surgery.steps",
              "stage " + std::to_string(k) + " (mohs.stages[" + std::to_string(k - 1) + "]) is missing — every stage is a step, in order");
  if (const auto& cl = c.surgery->closure) {
    if (cl->date) check_record_date(c, "surgery.closure.date", *cl->date, out);
    bool clear = false;
    const std::optional<CaseDate> cleared = clear_on(c, clear);
    if (c.mohs && !clear)
      warn(out, "surgery.closure",
           "\"" + closure_key(cl->method) +
               "\" — the margins are not clear in this record; close once all margins are confirmed clear (Lowe 2017; "
               "docs/sources.md §8)");
    else if (cl->date && cleared && (cleared->day || cleared->iso) && cl->date->ordinal() < cleared->ordinal())
      warn(out, "surgery.closure.date",
           cl->date->describe() + " — before the margins were clear (" + cleared->describe() +
               "); flaps and extensive undermining wait until all margins are confirmed clear (docs/sources.md §8)");
  }
}

}  // namespace mv
