#include "case/plan_io.hpp"

#include <algorithm>

namespace mv {

using namespace json_reader;

bool SavedPlan::uniform() const {
  return std::all_of(margin_cm.begin(), margin_cm.end(), [&](double m) { return m == margin_cm[0]; });
}

std::optional<SavedPlan> read_plan(Reader& r, const Json& pj, Site site) {
  SavedPlan p;
  if (const json* m = r.field(pj, "margin_cm", "plan.margin_cm", true, "a margin in cm, or twelve (1 to 12 o'clock)")) {
    if (m->is_number()) p.margin_cm.fill(m->get<double>());
    else if (m->is_array() && m->size() == 12 && std::all_of(m->begin(), m->end(), [](const json& v) { return v.is_number(); }))
      for (size_t h = 0; h < 12; ++h) p.margin_cm[h] = (*m)[h].get<double>();
    else
      r.error("plan.margin_cm", shown(*m) + " — must be a number (cm) or an array of twelve, for 1 to 12 o'clock");
  }
  if (auto v = r.string(pj, "depth", "plan.depth", false, "a tissue plane name")) {
    if (auto plane = plane_from_key(*v, site)) p.plane = *plane;
    else
      r.error("plan.depth", "\"" + *v + "\" — not a tissue plane of the " + site_spec(site).key + "; expected one of: " + plane_names(site));
  }
  if (auto v = r.string(pj, "outline", "plan.outline", false, "\"pre\" or \"post\"")) {
    if (*v == "pre" || *v == "post") p.from_post_treatment = *v == "post";
    else
      r.error("plan.outline", "\"" + *v + "\" — must be \"pre\" (the first measurement's outline) or \"post\" (the last one's)");
  }
  p.extra = without(pj, {"margin_cm", "depth", "outline"});
  return p;
}

Json write_plan(const SavedPlan& p) {
  json out = json::object();
  if (p.uniform()) out["margin_cm"] = number(p.margin_cm[0]);
  else {
    json hours = json::array();
    for (double m : p.margin_cm) hours.push_back(number(m));
    out["margin_cm"] = hours;
  }
  out["depth"] = plane_key(p.plane);
  out["outline"] = p.from_post_treatment ? "post" : "pre";
  return with_extra(out, p.extra);
}

}  // namespace mv
