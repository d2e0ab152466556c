#include "plan.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "timeline.hpp"
#include "units.hpp"

namespace mv {
namespace {

constexpr double kPi = std::numbers::pi;

// Uniform samples plus pairs around every sector edge (h ± 0.5 o'clock) for sharp steps.
std::vector<double> sample_angles() {
  std::set<double> angles;
  for (int j = 0; j < 144; ++j) angles.insert(2.0 * kPi * j / 144);
  for (int h = 0; h < 12; ++h) {
    const double t = wrap_angle(clock_to_angle(h + 0.5));
    angles.insert(wrap_angle(t - 1e-4));
    angles.insert(wrap_angle(t + 1e-4));
  }
  return {angles.begin(), angles.end()};
}

}  // namespace

PlanRequest PlanRequest::uniform(double margin_cm, std::optional<DepthPlane> plane) {
  PlanRequest r;
  r.margin_cm.fill(margin_cm);
  r.plane = plane;
  return r;
}

// Both keep index 0 = 1 o'clock, so the sectors carry over as they are.
PlanRequest PlanRequest::from_saved(const SavedPlan& saved) {
  PlanRequest r;
  r.margin_cm = saved.margin_cm;
  r.plane = saved.plane;
  r.from_post_treatment = saved.from_post_treatment;
  return r;
}

SavedPlan PlanRequest::saved() const {
  SavedPlan s;
  s.margin_cm = margin_cm;
  s.plane = plane.value_or(DepthPlane::Fascia);
  s.from_post_treatment = from_post_treatment;
  return s;
}

int deep_level_of(const PlanRequest& r, const TissueColumn& column) {
  if (r.plane) return ExtensionModel::plane_level(*r.plane);
  // A depth in mm takes out every plane at or above it.
  int level = -1;
  for (auto p : {DepthPlane::Subcutis, DepthPlane::Fascia, DepthPlane::Muscle, DepthPlane::Periosteum}) {
    try {
      if (column.plane_depth_mm(p) <= r.depth_mm.value_or(0.0) + 1e-6) level = ExtensionModel::plane_level(p);
    } catch (const std::exception&) {
    }
  }
  return level;
}

std::array<double, 12> plan_margins_by_hour(const PlanRequest& r) {
  std::array<double, 12> out{};
  for (int h = 1; h <= 12; ++h) out[static_cast<size_t>(h - 1)] = r.margin_cm[static_cast<size_t>(sector_of_hour(h))];
  return out;
}

namespace {

// Where half, 80% and 95% of tumours' hidden extension stays, as films on the skin around the
// outline (semi-axes a, b in mm). One that runs off the modelled skin (a wide one on a small limb)
// is left out.
std::vector<PlannedExcision::Envelope> extension_envelopes(Site site, const SiteModel& model, const LesionFrame& frame,
                                                           const std::vector<double>& theta, double a, double b) {
  std::vector<PlannedExcision::Envelope> out;
  for (double share : {0.5, 0.8, 0.95}) {
    PlannedExcision::Envelope env;
    env.share = share;
    env.margin_cm = containment_margin_cm(site, share);
    env.region.theta = theta;
    for (size_t j = 0; j < theta.size(); ++j) {
      env.region.radius_mm.push_back(ellipse_radius(a, b, theta[j]) + units::cm_to_mm(env.margin_cm));
      env.region.depth_mm.push_back(0.6);  // a film on the skin
    }
    try {
      const SkinRays rays(model.skin, frame, theta, env.region.radius_mm);
      env.solid = build_polar_solid(rays, env.region);
      out.push_back(std::move(env));
    } catch (const PlacementError&) {
    }
  }
  return out;
}

}  // namespace

PlannedExcision plan_excision(const Case& c, const SiteModel& model, const LesionFrame& frame, const PlanRequest& req,
                              const PlannedExcision* earlier) {
  PlannedExcision p;
  p.request = req;
  const size_t index = req.from_post_treatment ? c.measurements.size() - 1 : 0;
  const TumourState outline = state_of(c, index);
  p.outline_from = outline.label;
  if (req.from_post_treatment && c.measurements.size() > 1)
    p.warning = "Planned from the post-treatment outline: imatinib shrinkage does not yet justify smaller margins (Ugurel 2014)";
  const bool reuse = earlier && earlier->outline_from == p.outline_from && earlier->request.from_post_treatment == req.from_post_treatment;
  p.column = reuse ? earlier->column : tissue_column(model, frame, c.tissue);
  const TissueColumn& column = p.column;
  p.depth_mm = req.plane ? column.plane_depth_mm(*req.plane) : req.depth_mm.value_or(0.0);
  const double a = units::cm_to_mm(outline.shape.x_cm) / 2.0, b = units::cm_to_mm(outline.shape.y_cm) / 2.0;

  const auto theta = sample_angles();
  p.region.theta = theta;
  std::vector<double> reach(theta.size());
  for (size_t j = 0; j < theta.size(); ++j) {
    const double base = ellipse_radius(a, b, theta[j]);
    const double margin = units::cm_to_mm(req.margin_cm[static_cast<size_t>(sector_of_hour(angle_to_clock(theta[j])))]);
    p.region.radius_mm.push_back(base + margin);
    p.region.depth_mm.push_back(p.depth_mm);
    reach[j] = base + margin;
  }
  const SkinRays rays(model.skin, frame, theta, reach);
  const TriangleMesh* bone = req.plane ? column.bone_surface(*req.plane) : nullptr;
  std::optional<RayCaster> bone_caster;
  if (bone) bone_caster.emplace(*bone);
  p.solid = build_polar_solid(rays, p.region, 10, {bone_caster ? &*bone_caster : nullptr, p.depth_mm});
  p.envelopes = reuse ? earlier->envelopes : extension_envelopes(c.site, model, frame, theta, a, b);

  p.area_cm2 = units::mm2_to_cm2(p.solid.skin_area_mm2);
  p.extent_x_cm = units::mm_to_cm(p.region.radius_at(0.0) + p.region.radius_at(kPi));
  p.extent_y_cm = units::mm_to_cm(p.region.radius_at(kPi / 2.0) + p.region.radius_at(3.0 * kPi / 2.0));
  for (const auto& l : column.layers)
    if (l.top_mm < p.depth_mm - 1e-6 || (req.plane == DepthPlane::Periosteum && l.kind == TissueKind::Bone)) p.exposed_layers.push_back(l.name);
  p.clearance = estimate_clearance(c.site, req.margin_cm, deep_level_of(req, column), req.seed);
  return p;
}

std::vector<std::pair<double, double>> clearance_curve(Site site, std::optional<DepthPlane> plane, int points) {
  const ExtensionModel model(parameters_for(site));
  const int level = plane ? ExtensionModel::plane_level(*plane) : 3;
  double deep = 0.0;
  for (int l = 0; l <= level; ++l) deep += model.parameters().depth_share[static_cast<size_t>(l)];
  std::vector<std::pair<double, double>> out;
  for (int i = 0; i < points; ++i) {
    const double m = 5.0 * i / (points - 1);
    out.push_back({m, model.cleared_by_uniform_margin(m) * std::min(1.0, deep)});
  }
  return out;
}

nlohmann::json plan_report_json(const PlannedExcision& p) {
  auto r2 = [](double v) { return std::round(v * 100.0) / 100.0; };
  auto r3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
  nlohmann::json sectors = nlohmann::json::array();
  const auto margins = plan_margins_by_hour(p.request);
  for (int h = 1; h <= 12; ++h)
    sectors.push_back({{"hour", h},
                       {"margin_cm", r2(margins[static_cast<size_t>(h - 1)])},
                       {"clear_probability", r3(p.clearance.sector[static_cast<size_t>(sector_of_hour(h))])}});
  nlohmann::json envelopes = nlohmann::json::array();
  for (const auto& env : p.envelopes) envelopes.push_back({{"contains", env.share}, {"margin_beyond_edge_cm", r2(env.margin_cm)}});
  nlohmann::json j = {
      {"outline_from", p.outline_from},
      {"depth", p.request.plane ? plane_key(*p.request.plane) : "mm"},
      {"depth_mm", r2(p.depth_mm)},
      {"area_cm2", r3(p.area_cm2)},
      {"extent_x_cm", r2(p.extent_x_cm)},
      {"extent_y_cm", r2(p.extent_y_cm)},
      {"exposed_layers", p.exposed_layers},
      {"sectors", sectors},
      {"envelopes", envelopes},
      {"clear_probability", {{"overall", r3(p.clearance.overall)},
                             {"interval_95", {r3(p.clearance.low), r3(p.clearance.high)}},
                             {"peripheral", r3(p.clearance.peripheral)},
                             {"deep", r3(p.clearance.deep)},
                             {"seed", p.clearance.seed},
                             {"draws", p.clearance.draws},
                             {"sources", "Dawes 1996 (26 MMS), Kimmel 2007 (98 tumours), Serra-Guillén 2016 (155 DFSP); model: docs/model.md"}}},
  };
  if (!p.warning.empty()) j["warning"] = p.warning;
  return j;
}

}  // namespace mv
