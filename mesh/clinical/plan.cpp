#include "clinical/plan.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "clinical/spread/literature.hpp"
#include "reconstruction/timeline.hpp"
#include "common/units.hpp"

namespace mv {
namespace {

constexpr double kPi = std::numbers::pi;

}  // namespace

// Uniform samples plus pairs around every sector edge (h ± 0.5 o'clock) for sharp steps.
std::vector<double> plan_sample_angles() {
  std::set<double> angles;
  for (int j = 0; j < 144; ++j) angles.insert(2.0 * kPi * j / 144);
  for (int h = 0; h < 12; ++h) {
    const double t = wrap_angle(clock_to_angle(h + 0.5));
    angles.insert(wrap_angle(t - 1e-4));
    angles.insert(wrap_angle(t + 1e-4));
  }
  return {angles.begin(), angles.end()};
}

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

std::array<double, 12> plan_margins_by_hour(const PlanRequest& r) {
  std::array<double, 12> out{};
  for (int h = 1; h <= 12; ++h) out[static_cast<size_t>(h - 1)] = r.margin_cm[static_cast<size_t>(sector_of_hour(h))];
  return out;
}

namespace {

// The margins holding the whole tumour in half, 80% and 95% of virtual patients, as films on the
// skin around the planning outline. One that runs off the modelled skin (a wide one on a small
// limb) is left out.
std::vector<PlannedExcision::Envelope> extension_envelopes(const spread::ClearanceSampler& sampler, const std::vector<double>& outline_mm,
                                                           const SiteModel& model, const LesionFrame& frame) {
  std::vector<PlannedExcision::Envelope> out;
  const auto& theta = sampler.context().theta;
  for (double share : {0.5, 0.8, 0.95}) {
    PlannedExcision::Envelope env;
    env.share = share;
    env.margin_cm = sampler.margin_containing(outline_mm, share);
    env.region.theta = theta;
    for (size_t j = 0; j < theta.size(); ++j) {
      env.region.radius_mm.push_back(outline_mm[j] + units::cm_to_mm(env.margin_cm));
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
  p.column = reuse ? earlier->column : tissue_column(model, frame, tissue_of(c));
  const TissueColumn& column = p.column;
  p.depth_mm = req.plane ? column.plane_depth_mm(*req.plane) : req.depth_mm.value_or(0.0);
  const double a = units::cm_to_mm(outline.shape.x_cm) / 2.0, b = units::cm_to_mm(outline.shape.y_cm) / 2.0;

  const auto theta = plan_sample_angles();
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

  p.area_cm2 = units::mm2_to_cm2(p.solid.skin_area_mm2);
  p.extent_x_cm = units::mm_to_cm(p.region.radius_at(0.0) + p.region.radius_at(kPi));
  p.extent_y_cm = units::mm_to_cm(p.region.radius_at(kPi / 2.0) + p.region.radius_at(3.0 * kPi / 2.0));
  // The layers the walls cut; a plan to the periosteum stops on the bone, it does not cut into it.
  for (const auto& l : column.layers) {
    if (l.top_mm < p.depth_mm - 1e-6 && l.kind != TissueKind::Bone) p.exposed_layers.push_back(l.name);
    if (req.plane == DepthPlane::Periosteum && l.kind == TissueKind::Bone) p.floor = "the periosteum over the " + l.name;
  }
  if (p.floor.empty()) p.floor = column.layer_at(p.depth_mm).name;
  p.spread = earlier && earlier->spread && earlier->request.seed == req.seed
                 ? earlier->spread
                 : std::make_shared<const spread::ClearanceSampler>(spread::SpreadContext::of(c, column, theta), req.seed);
  const auto& ctx = p.spread->context();
  const std::vector<double>& outline_mm = req.from_post_treatment ? ctx.post_radius_mm : ctx.pre_radius_mm;
  p.clearance = p.spread->estimate(p.region.radius_mm, p.depth_mm);
  const bool same_spread = reuse && earlier->spread == p.spread;
  p.envelopes = same_spread ? earlier->envelopes : extension_envelopes(*p.spread, outline_mm, model, frame);
  p.curve = same_spread && earlier->depth_mm == p.depth_mm ? earlier->curve : p.spread->curve(outline_mm, p.depth_mm);
  return p;
}

double as_reported(double v) { return std::round(v * 1000.0) / 1000.0; }

nlohmann::json plan_report_json(const PlannedExcision& p) {
  auto r2 = [](double v) { return std::round(v * 100.0) / 100.0; };
  const auto r3 = as_reported;
  nlohmann::json sectors = nlohmann::json::array();
  const auto margins = plan_margins_by_hour(p.request);
  for (int h = 1; h <= 12; ++h)
    sectors.push_back({{"hour", h},
                       {"margin_cm", r2(margins[static_cast<size_t>(h - 1)])},
                       {"clear_probability", r3(p.clearance.sector[static_cast<size_t>(sector_of_hour(h))])}});
  nlohmann::json envelopes = nlohmann::json::array();
  for (const auto& env : p.envelopes) envelopes.push_back({{"contains", env.share}, {"margin_beyond_edge_cm", r2(env.margin_cm)}});
  const auto& e = p.clearance;
  nlohmann::json j = {
      {"outline_from", p.outline_from},
      {"depth", p.request.plane ? plane_key(*p.request.plane) : "mm"},
      {"depth_mm", r2(p.depth_mm)},
      {"area_cm2", r3(p.area_cm2)},
      {"extent_x_cm", r2(p.extent_x_cm)},
      {"extent_y_cm", r2(p.extent_y_cm)},
      {"exposed_layers", p.exposed_layers},
      {"floor", p.floor},
      {"sectors", sectors},
      {"sectors_note", plan_words::kSectors},
      {"envelopes", envelopes},
      {"envelopes_note", plan_words::kEnvelopes},
      {"clear_probability",
       {{"means", plan_words::kChance},
        {"overall", r3(e.overall)},
        {"interval_95", {r3(e.low), r3(e.high)}},
        {"interval_includes", plan_words::kInterval},
        {"peripheral", r3(e.peripheral)},
        {"deep", r3(e.deep)},
        {"seed", e.seed},
        {"centres", e.centres},
        {"patterns", e.patterns},
        {"model", spread::model_line()},
        {"sources", spread::sources_line()}}},
  };
  if (!p.warning.empty()) j["warning"] = p.warning;
  return j;
}

}  // namespace mv
