#include <algorithm>
#include "case/validation.hpp"

#include <cmath>
#include <set>
#include <sstream>

#include "case/mohs_validation.hpp"
#include "case/record_validation.hpp"
#include "common/units.hpp"

namespace mv {
std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

namespace {

struct Checker {
  std::vector<Issue>& out;
  void error(const std::string& path, const std::string& msg) { out.push_back({Severity::Error, path, msg}); }
  void warn(const std::string& path, const std::string& msg) { out.push_back({Severity::Warning, path, msg}); }

  // lo < v (or lo <= v when lo_inclusive) and v <= hi.
  bool range(const std::string& path, double v, double lo, bool lo_inclusive, double hi, const char* unit) {
    const bool ok = std::isfinite(v) && (lo_inclusive ? v >= lo : v > lo) && v <= hi;
    if (!ok)
      error(path, number_text(v) + " — must be " + (lo_inclusive ? "≥ " : "> ") + number_text(lo) + " and ≤ " + number_text(hi) + " (" + unit + ")");
    return ok;
  }
};

void check_date(Checker& ck, const std::string& path, const CaseDate& d) {
  if (d.iso && !iso_date_ordinal(*d.iso)) ck.error(path + ".date", "\"" + *d.iso + "\" — must be an ISO date YYYY-MM-DD");
  if (d.day && (*d.day < -36500 || *d.day > 36500)) ck.error(path + ".day", std::to_string(*d.day) + " — must be a day offset within ±36500");
  if (!d.iso && !d.day) ck.error(path, "no date — give \"day\" (days from the first visit) or \"date\" (YYYY-MM-DD)");
}

bool valid_case_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char ch : id)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.')) return false;
  return true;
}

}  // namespace

void check_record_date(const Case& c, const std::string& path, const CaseDate& d, std::vector<Issue>& out) {
  if (d.iso && !iso_date_ordinal(*d.iso)) out.push_back({Severity::Error, path + ".date", "\"" + *d.iso + "\" — must be an ISO date YYYY-MM-DD"});
  if (!d.iso && !d.day) out.push_back({Severity::Error, path, "no date — give \"day\" or \"date\", or leave \"date\" out"});
  if (mixes_date_forms(c, d))
    out.push_back({Severity::Error, path, d.describe() + " — mixes day offsets and ISO dates; use the form of measurements[0]"});
}

bool mixes_date_forms(const Case& c, const CaseDate& d) {
  return !c.measurements.empty() && (d.day || d.iso) && d.day.has_value() != c.measurements.front().date.day.has_value();
}

std::vector<Issue> validate_case(const Case& c) {
  std::vector<Issue> out;
  Checker ck{out};
  if (!valid_case_id(c.case_id))
    ck.error("case_id", "\"" + c.case_id + "\" — must be 1-64 letters, digits, '-', '_' or '.' (no patient identifiers)");

  const auto& lp = c.lesion;
  ck.range("lesion.position.azimuth_deg", lp.azimuth_deg, -360.0, true, 360.0, "degrees");
  ck.range("lesion.position.height_cm", lp.height_cm, -limits::kMaxHeightCm, true, limits::kMaxHeightCm, "cm");
  ck.range("lesion.position.elevation_deg", lp.elevation_deg, -90.0, true, 90.0, "degrees");
  ck.range("lesion.twelve_oclock_deg", lp.twelve_oclock_deg, -360.0, true, 360.0, "degrees");

  if (c.measurements.empty()) ck.error("measurements", "empty — at least one measurement is required");
  if (c.measurements.size() > limits::kMaxMeasurements)
    ck.error("measurements", std::to_string(c.measurements.size()) + " measurements — more than the " + std::to_string(limits::kMaxMeasurements) +
                                 " a case may hold");
  std::set<std::string> labels;
  for (size_t i = 0; i < c.measurements.size(); ++i) {
    const auto& m = c.measurements[i];
    const std::string p = "measurements[" + std::to_string(i) + "]";
    if (m.label.empty()) ck.error(p + ".label", "\"\" — must name the measurement, e.g. \"consultation\"");
    else if (!labels.insert(m.label).second)
      ck.error(p + ".label", "\"" + m.label + "\" — must be unique; another measurement has it");
    check_date(ck, p, m.date);
    for (auto [key, v] : {std::pair{".x_cm", m.x_cm}, std::pair{".y_cm", m.y_cm}}) {
      if (ck.range(p + key, v, limits::kMinLesionCm, true, limits::kMaxLesionCm, "cm") && v > limits::kImplausibleLesionCm)
        ck.warn(p + key, number_text(v) + " — larger than " + number_text(limits::kImplausibleLesionCm) + " cm: possible, but check the unit");
    }
    if (m.thickness_mm) ck.range(p + ".thickness_mm", *m.thickness_mm, limits::kMinThicknessMm, true, limits::kMaxThicknessMm, "mm");
    if (m.exophytic_mm) ck.range(p + ".exophytic_mm", *m.exophytic_mm, 0.0, true, limits::kMaxExophyticMm, "mm");
    if (i > 0) {
      const auto& prev = c.measurements[i - 1];
      if (m.date.ordinal() < prev.date.ordinal())
        ck.error(p, m.date.describe() + " — must not be before measurements[" + std::to_string(i - 1) + "] (" + prev.date.describe() + ")");
      const bool sizes_valid = m.x_cm > 0.0 && m.y_cm > 0.0 && prev.x_cm > 0.0 && prev.y_cm > 0.0;
      if (sizes_valid && std::isfinite(m.x_cm * m.y_cm) && m.x_cm * m.y_cm > prev.x_cm * prev.y_cm * 1.0001)
        ck.warn(p, "area X·Y grew from " + number_text(prev.x_cm * prev.y_cm) + " to " + number_text(m.x_cm * m.y_cm) +
                       " cm² — the tumour grew (possible: progressive disease on imatinib in 7-9%, docs/sources.md §6)");
    }
  }

  if (c.imatinib) {
    const auto& im = *c.imatinib;
    if (ck.range("imatinib.dose_mg_per_day", im.dose_mg_per_day, 0.0, false, limits::kMaxDoseMgPerDay, "mg/day") && im.dose_mg_per_day > 800.0)
      ck.warn("imatinib.dose_mg_per_day", number_text(im.dose_mg_per_day) + " — above 800 mg/day, the highest dose in the source series");
    check_date(ck, "imatinib.start", im.start);
    check_date(ck, "imatinib.stop", im.stop);
    if (im.stop.ordinal() < im.start.ordinal())
      ck.error("imatinib.stop", im.stop.describe() + " — must not be before imatinib.start (" + im.start.describe() + ")");
  }

  // One form of date for the whole case, so that durations and the timeline are meaningful.
  if (!c.measurements.empty()) {
    const bool days = c.measurements.front().date.day.has_value();
    auto check_form = [&](const std::string& path, const CaseDate& d) {
      if ((d.day.has_value() != days) && (d.day || d.iso))
        ck.error(path, d.describe() + " — mixes day offsets and ISO dates; use " + (days ? "\"day\"" : "\"date\"") +
                           " like measurements[0] for every date in a case");
    };
    for (size_t i = 1; i < c.measurements.size(); ++i) check_form("measurements[" + std::to_string(i) + "]", c.measurements[i].date);
    if (c.imatinib) {
      check_form("imatinib.start", c.imatinib->start);
      check_form("imatinib.stop", c.imatinib->stop);
    }
  }

  const auto& spec = site_spec(c.site);
  for (const auto& [name, mm] : c.tissue.overrides_mm) {
    const std::string p = "tissue_mm." + name;
    bool known = false;
    for (const auto& layer : spec.layers) known |= (layer.name == name && layer.thickness_mm > 0.0);
    if (!known) {
      std::string names;
      for (const auto& layer : spec.layers)
        if (layer.thickness_mm > 0.0) names += (names.empty() ? "" : ", ") + layer.name;
      ck.error(p, number_text(mm) + " — unknown layer for site " + spec.key + "; expected one of: " + names);
    } else {
      ck.range(p, mm, limits::kMinLayerMm, true, limits::kMaxLayerMm, "mm");
    }
  }
  if (!c.tissue.empty()) {
    const auto floors = layer_floor_depths_mm(c.site, c.tissue);
    const double total = floors.empty() ? 0.0 : floors.back().second;
    // Thin parts (the ankle, the forearm, the face and neck…) hold less under their skin.
    const bool thin = c.site == Site::Ankle || c.site == Site::Foot || c.site == Site::Forearm || c.site == Site::LowerLeg || c.site == Site::Knee ||
                      c.site == Site::FaceNeck;
    const double site_cap = thin ? limits::kMaxTotalLayersMm : 3.0 * limits::kMaxTotalLayersMm;
    if (std::isfinite(total) && total > site_cap)
      ck.error("tissue_mm", number_text(total) + " mm in all — the layers together must be ≤ " + number_text(site_cap) + " mm at the " + spec.key +
                                ", or they would pass through the anatomy's core");
  }
  if (c.habitus && c.habitus->bmi) ck.range("habitus.bmi", *c.habitus->bmi, 12.0, true, 70.0, "kg/m²");
  validate_mohs(c, out);
  validate_record(c, out);
  if (c.plan) {
    const auto planes = planes_at(c.site);
    if (std::find(planes.begin(), planes.end(), c.plan->plane) == planes.end())
      out.push_back({Severity::Error, "plan.depth", "\"" + plane_key(c.plan->plane) + "\" — not a tissue plane of the " + site_spec(c.site).key});
  }
  if (c.plan)
    for (size_t h = 0; h < (c.plan->uniform() ? 1 : 12); ++h)
      if (const double m = c.plan->margin_cm[h]; !(std::isfinite(m) && m >= 0.0 && m <= limits::kMaxPlanMarginCm))
        out.push_back({Severity::Error, c.plan->uniform() ? "plan.margin_cm" : "plan.margin_cm[" + std::to_string(h) + "]",
                       number_text(m) + " — must be from 0 to " + number_text(limits::kMaxPlanMarginCm) + " (cm)"});
  return out;
}

}  // namespace mv
