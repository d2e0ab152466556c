#include "clinical/metrics.hpp"

#include "clinical/response.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geometry/solid_check.hpp"
#include "reconstruction/timeline.hpp"
#include "common/units.hpp"

namespace mv {
namespace {
double percent_drop(double before, double after) { return before > 0.0 ? 100.0 * (1.0 - after / before) : 0.0; }
double round_to(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

nlohmann::json date_json(const std::optional<CaseDate>& d) { return d ? nlohmann::json(d->describe()) : nlohmann::json(nullptr); }

// The surgery in the order it happened: the recorded steps (debulking and the stages), or the
// stages alone when none are recorded; then the closure.
nlohmann::json surgery_json(const Case& c) {
  nlohmann::json steps = nlohmann::json::array();
  const size_t stages = c.mohs ? c.mohs->stages.size() : 0;
  auto stage_step = [&](size_t k, const std::string& note) {
    const MohsStage& s = c.mohs->stages[k];
    return nlohmann::json{{"kind", "stage"},
                          {"stage", k + 1},
                          {"name", stage_name(*c.mohs, k)},
                          {"procedure", procedure_key(s.procedure)},
                          {"date", date_json(s.date)},
                          {"by", s.performed_by},
                          {"note", note}};
  };
  if (c.surgery && !c.surgery->steps.empty()) {
    for (const auto& step : c.surgery->steps) {
      if (step.kind == SurgeryStep::Kind::Stage && step.stage >= 1 && static_cast<size_t>(step.stage) <= stages)
        steps.push_back(stage_step(static_cast<size_t>(step.stage - 1), step.note));
      else if (step.kind == SurgeryStep::Kind::Debulking)
        steps.push_back(
            {{"kind", step_kind_key(step.kind)}, {"name", "debulking"}, {"date", date_json(step.date)}, {"by", step.by}, {"note", step.note}});
    }
  } else {
    for (size_t k = 0; k < stages; ++k) steps.push_back(stage_step(k, ""));
  }
  nlohmann::json closure = nullptr;
  if (c.surgery && c.surgery->closure)
    closure = {
        {"method", closure_key(c.surgery->closure->method)}, {"date", date_json(c.surgery->closure->date)}, {"note", c.surgery->closure->note}};
  return {{"steps", steps}, {"closure", closure}};
}

}  // namespace

MeasurementMetrics measure(const Measurement& m, const TumourState& state, const TumourSolid& solid) {
  MeasurementMetrics out;
  out.label = m.label;
  out.date = m.date.describe();
  out.x_cm = m.x_cm;
  out.y_cm = m.y_cm;
  out.area_cm2 = std::numbers::pi / 4.0 * m.x_cm * m.y_cm;
  out.footprint_area_cm2 = units::mm2_to_cm2(solid.footprint_area_mm2);
  out.volume_cm3 = units::mm3_to_cm3(solid.volume_mm3);
  out.depth_mm = state.shape.depth_mm;
  out.depth_is_site_default = state.depth_is_site_default;
  out.exophytic_mm = state.shape.exophytic_mm;
  out.watertight = solid.watertight;
  return out;
}

ReductionMetrics reduction_between(const MeasurementMetrics& a, const MeasurementMetrics& b) {
  ReductionMetrics r;
  r.from_label = a.label;
  r.to_label = b.label;
  r.area_xy_percent = percent_drop(a.x_cm * a.y_cm, b.x_cm * b.y_cm);
  r.longest_axis_percent = percent_drop(std::max(a.x_cm, a.y_cm), std::max(b.x_cm, b.y_cm));
  r.mean_axes_percent = percent_drop(a.x_cm + a.y_cm, b.x_cm + b.y_cm);
  r.volume_percent = percent_drop(a.volume_cm3, b.volume_cm3);
  return r;
}

CaseMetrics compute_metrics(const Case& c, const SiteModel& model, const LesionFrame& frame, const TumourQuality& quality) {
  std::vector<TumourSolid> solids;
  for (size_t i = 0; i < c.measurements.size(); ++i) solids.push_back(build_tumour_solid(model.skin, frame, state_of(c, i).shape, quality));
  return metrics_of(c, solids);
}

CaseMetrics metrics_of(const Case& c, const std::vector<TumourSolid>& solids) {
  CaseMetrics out;
  for (size_t i = 0; i < c.measurements.size() && i < solids.size(); ++i)
    out.measurements.push_back(measure(c.measurements[i], state_of(c, i), solids[i]));
  if (out.measurements.size() >= 2) out.reduction = reduction_between(out.measurements.front(), out.measurements.back());
  return out;
}

nlohmann::json report_json(const Case& c, const CaseMetrics& metrics) {
  using nlohmann::json;
  json j;
  j["report_version"] = "1.4";  // 1.1: "mohs"; 1.2: "plan"; 1.3: "surgery"; 1.4: "habitus"
  j["case_id"] = c.case_id;
  j["site"] = site_spec(c.site).key;
  j["presentation"] = presentation_key(c.presentation);
  j["illustrative"] = c.illustrative.has_value();
  if (c.illustrative) j["illustrative_note"] = c.illustrative->note;
  j["units"] = {{"x_cm", "cm"}, {"area_cm2", "cm²"}, {"volume_cm3", "cm³"}, {"depth_mm", "mm"}, {"percent", "%"}};
  json ms = json::array();
  for (const auto& m : metrics.measurements) {
    ms.push_back({{"label", m.label},
                  {"date", m.date},
                  {"x_cm", m.x_cm},
                  {"y_cm", m.y_cm},
                  {"area_cm2", round_to(m.area_cm2, 3)},
                  {"footprint_area_cm2", round_to(m.footprint_area_cm2, 3)},
                  {"volume_cm3", round_to(m.volume_cm3, 3)},
                  {"depth_mm", round_to(m.depth_mm, 2)},
                  {"depth_source", m.depth_is_site_default ? "site default: base of the subcutis (Serra-Guillén 2016)" : "measured"},
                  {"exophytic_mm", round_to(m.exophytic_mm, 2)},
                  {"watertight", m.watertight}});
  }
  j["measurements"] = ms;
  if (metrics.reduction) {
    const auto& r = *metrics.reduction;
    j["reduction"] = {{"from", r.from_label},
                      {"to", r.to_label},
                      {"default_method", "area_xy"},
                      {"area_xy_percent", round_to(r.area_xy_percent, 2)},
                      {"longest_axis_percent", round_to(r.longest_axis_percent, 2)},
                      {"mean_axes_percent", round_to(r.mean_axes_percent, 2)},
                      {"volume_percent", round_to(r.volume_percent, 2)},
                      {"area_xy_means", "the product of the ruler's X and Y; Han 2009 reports a size reduction without saying how it was computed"}};
  } else {
    j["reduction"] = nullptr;
  }
  if (const auto resp = recist_response(c))
    j["response"] = {{"category", response_name(resp->category)},
                     {"method", kRecistMethod},
                     {"thresholds", kRecistThresholds},
                     {"longest_before_cm", round_to(resp->longest_before_cm, 2)},
                     {"longest_after_cm", round_to(resp->longest_after_cm, 2)},
                     {"longest_change_percent", round_to(resp->change_percent, 2)}};
  else
    j["response"] = nullptr;
  j["histology"] = c.histology ? nlohmann::json(histology_key(*c.histology)) : nlohmann::json("not recorded");
  j["translocation"] = c.translocation ? nlohmann::json({{"status", translocation_key(c.translocation->status)}, {"method", c.translocation->method}})
                                       : nlohmann::json("not recorded");
  nlohmann::json context = nlohmann::json::array();
  for (const auto& f : recurrence_context(c)) context.push_back({{"figure", f.figure}, {"source", f.source}});
  j["recurrence_context"] = {{"figures", context}, {"note", kRecurrenceNote}};
  j["surgery"] = surgery_json(c);
  if (c.habitus)
    j["habitus"] = {{"sex", c.habitus->sex ? nlohmann::json(*c.habitus->sex == Sex::Female ? "female" : "male") : nlohmann::json(nullptr)},
                    {"bmi", c.habitus->bmi ? nlohmann::json(*c.habitus->bmi) : nlohmann::json(nullptr)},
                    {"fat_change_mm", round_to(habitus_fat_change_mm(c), 2)},
                    {"means", "added to the site's subcutaneous fat unless tissue_mm gives it (Gibney 2010; docs/sources.md §7)"}};
  if (c.imatinib) {
    const auto& im = *c.imatinib;
    j["imatinib"] = {{"dose_mg_per_day", im.dose_mg_per_day},
                     {"start", im.start.describe()},
                     {"stop", im.stop.describe()},
                     {"duration_days", im.stop.ordinal() - im.start.ordinal()}};
  }
  return j;
}

}  // namespace mv
