#include "reconstruction/mohs_reconstruction.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "reconstruction/timeline.hpp"
#include "common/units.hpp"

namespace mv {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kUniformAngles = 144;  // every 2.5°: quarter hours land on samples

// Uniform samples plus a pair just either side of every block boundary, so that a stage's edge
// is a sharp radial step rather than a ramp across one sample.
std::vector<double> sample_angles(const MohsRecord& m) {
  std::set<double> angles;
  for (int j = 0; j < kUniformAngles; ++j) angles.insert(2.0 * kPi * j / kUniformAngles);
  for (const auto& s : m.stages)
    for (const auto& b : s.blocks)
      for (double hour : {b.span.from, b.span.to, b.span.middle()}) {
        const double t = wrap_angle(clock_to_angle(hour));
        angles.insert(wrap_angle(t - 1e-4));
        angles.insert(wrap_angle(t + 1e-4));
      }
  std::vector<double> out(angles.begin(), angles.end());
  // Drop near-duplicates of uniform samples created by the boundary pairs.
  std::vector<double> clean;
  for (double a : out)
    if (clean.empty() || a - clean.back() > 1e-6) clean.push_back(a);
  return clean;
}

// Radius of an outline polygon (lesion frame, cm) along the ray at angle theta, in mm.
std::optional<double> polygon_radius(const std::vector<glm::dvec2>& poly_cm, double theta) {
  const glm::dvec2 d{std::cos(theta), std::sin(theta)};
  std::optional<double> best;
  for (size_t i = 0; i < poly_cm.size(); ++i) {
    const glm::dvec2 a = poly_cm[i], b = poly_cm[(i + 1) % poly_cm.size()];
    const glm::dvec2 e = b - a;
    const double den = d.x * e.y - d.y * e.x;
    if (std::abs(den) < 1e-12) continue;
    const double t = (a.x * e.y - a.y * e.x) / den;  // along d
    const double u = (a.x * d.y - a.y * d.x) / den;  // along e
    if (t > 0.0 && u >= 0.0 && u <= 1.0) best = std::max(best.value_or(0.0), units::cm_to_mm(t));
  }
  return best;
}

const MohsBlock* block_at(const MohsStage& s, double hour) {
  for (const auto& b : s.blocks)
    if (b.span.contains(hour)) return &b;
  return nullptr;
}

}  // namespace

MohsReconstruction reconstruct_mohs(const Case& c, const SiteModel& model, const LesionFrame& frame, std::optional<int> through_stage) {
  MohsReconstruction r;
  const MohsRecord& m = *c.mohs;
  r.stages = std::clamp(through_stage.value_or(static_cast<int>(m.stages.size())), 0, static_cast<int>(m.stages.size()));
  r.column = tissue_column(model, frame, tissue_of(c));
  const TumourState pre = state_of(c, c.measurements.size() - 1);
  const double a = units::cm_to_mm(pre.shape.x_cm) / 2.0, b = units::cm_to_mm(pre.shape.y_cm) / 2.0;

  const std::vector<double> theta = sample_angles(m);
  r.clinical.theta = theta;
  for (double t : theta) {
    r.clinical.radius_mm.push_back(ellipse_radius(a, b, t));
    r.clinical.depth_mm.push_back(pre.shape.depth_mm);
  }
  PolarRegion current = r.clinical;
  std::fill(current.depth_mm.begin(), current.depth_mm.end(), 0.0);
  r.confirmed = r.clinical;
  for (int k = 0; k < r.stages; ++k) {
    const MohsStage& s = m.stages[static_cast<size_t>(k)];
    const double depth = s.plane ? r.column.plane_depth_mm(*s.plane) : s.depth_mm.value_or(0.0);
    r.stage_depth_mm.push_back(depth);
    r.stage_names.push_back(stage_name(m, static_cast<size_t>(k)));
    r.taken.push_back(s);
    for (size_t j = 0; j < theta.size(); ++j) {
      const double hour = angle_to_clock(theta[j]);
      const MohsBlock* blk = block_at(s, hour);
      if (!blk) continue;
      const BlockLayer layer = s.layer_of(*blk);
      double radius = current.radius_mm[j] + (takes_periphery(layer) ? units::cm_to_mm(s.margin_cm) : 0.0);
      if (!s.outline_cm.empty() && takes_periphery(layer))
        if (auto pr = polygon_radius(s.outline_cm, theta[j])) radius = std::max(current.radius_mm[j], *pr);
      current.radius_mm[j] = radius;
      // A wedge is cut at the depth the defect already had there (stage 1: the stage's depth).
      if (takes_deep(layer) || k == 0) current.depth_mm[j] = std::max(current.depth_mm[j], depth);
      // Tumour at a block's margin reached that far: the confirmed extent grows to it.
      // (A deep-only layer has no peripheral margin; a wedge's deep margin lies at the depth it was cut to.)
      if (takes_periphery(layer) && blk->peripheral == MarginResult::Positive) r.confirmed.radius_mm[j] = std::max(r.confirmed.radius_mm[j], radius);
      if (blk->deep == MarginResult::Positive) r.confirmed.depth_mm[j] = std::max(r.confirmed.depth_mm[j], current.depth_mm[j]);
    }
    r.defects.push_back(current);
  }

  std::vector<double> reach(theta.size());
  for (size_t j = 0; j < theta.size(); ++j) {
    reach[j] = std::max(r.clinical.radius_mm[j], r.confirmed.radius_mm[j]);
    for (const auto& d : r.defects) reach[j] = std::max(reach[j], d.radius_mm[j]);
  }
  const SkinRays rays(model.skin, frame, theta, reach);
  // Cuts down to the bone follow its surface rather than a fixed depth.
  const MohsStage* bone_stage = nullptr;
  for (int k = 0; k < r.stages; ++k)
    if (const auto& st = m.stages[static_cast<size_t>(k)]; st.plane && r.column.bone_surface(*st.plane)) bone_stage = &st;
  std::optional<RayCaster> bone_caster;
  if (bone_stage) bone_caster.emplace(*r.column.bone_surface(*bone_stage->plane));
  const FloorSurface floor{bone_caster ? &*bone_caster : nullptr, bone_stage ? r.column.plane_depth_mm(*bone_stage->plane) : 0.0};
  r.clinical_solid = build_polar_solid(rays, r.clinical);
  r.confirmed_solid = build_polar_solid(rays, r.confirmed);
  double previous_area = 0.0;
  for (size_t k = 0; k < r.defects.size(); ++k) {
    const PolarRegion& d = r.defects[k];
    r.defect_solids.push_back(build_polar_solid(rays, d, 10, floor));
    if (k == 0) {
      r.stage_tissue.push_back(r.defect_solids.back().mesh);
    } else {
      std::vector<bool> covered(theta.size());
      for (size_t j = 0; j < theta.size(); ++j) covered[j] = m.stages[k].covers(angle_to_clock(theta[j]));
      r.stage_tissue.push_back(build_band(rays, r.defects[k - 1], d, covered));
    }
    const double area = r.defect_solids.back().skin_area_mm2;
    r.excised_area_cm2.push_back(units::mm2_to_cm2(area - previous_area));
    previous_area = area;
  }
  if (r.defects.empty()) return r;

  const PolarRegion& fin = r.defects.back();
  r.final_defect_area_cm2 = units::mm2_to_cm2(r.defect_solids.back().skin_area_mm2);
  r.extent_x_cm = units::mm_to_cm(fin.radius_at(0.0) + fin.radius_at(kPi));
  r.extent_y_cm = units::mm_to_cm(fin.radius_at(kPi / 2.0) + fin.radius_at(3.0 * kPi / 2.0));
  for (double t : theta) r.largest_diameter_cm = std::max(r.largest_diameter_cm, units::mm_to_cm(fin.radius_at(t) + fin.radius_at(t + kPi)));
  r.max_depth_mm = *std::max_element(fin.depth_mm.begin(), fin.depth_mm.end());
  r.deepest_layer = r.column.layer_at(r.max_depth_mm).name;
  // A cut to the periosteum lays the bone bare: name the bone, not the layer above it.
  for (int k = 0; k < r.stages; ++k)
    if (m.stages[static_cast<size_t>(k)].plane == DepthPlane::Periosteum && r.stage_depth_mm[static_cast<size_t>(k)] >= r.max_depth_mm - 1e-6)
      for (const auto& l : r.column.layers)
        if (l.kind == TissueKind::Bone) r.deepest_layer = l.name + " (periosteum)";
  r.defect_to_clinical_area = r.defect_solids.back().skin_area_mm2 / r.clinical_solid.skin_area_mm2;
  for (int h = 1; h <= 12; ++h) {
    const double t = clock_to_angle(h);
    const double margin = units::mm_to_cm(fin.radius_at(t) - ellipse_radius(a, b, t));
    r.margin_at_hour_cm[static_cast<size_t>(h - 1)] = margin;
    r.largest_margin_cm = std::max(r.largest_margin_cm, margin);
  }
  r.completeness = mohs_completeness(m, r.stages);
  r.clear = r.completeness.clear();
  r.cleared_by_mohs_alone =
      r.clear && std::none_of(m.stages.begin(), m.stages.begin() + r.stages, [](const MohsStage& s) { return s.procedure == Procedure::Excision; });
  return r;
}

nlohmann::json mohs_report_json(const MohsReconstruction& r) {
  auto round_to = [](double v, int digits) {
    const double f = std::pow(10.0, digits);
    return std::round(v * f) / f;
  };
  auto or_null = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json stages = nlohmann::json::array();
  for (size_t k = 0; k < static_cast<size_t>(r.stages); ++k) {
    const MohsStage& s = r.taken[k];
    stages.push_back({{"stage", k + 1},
                      {"name", r.stage_names[k]},
                      {"procedure", procedure_key(s.procedure)},
                      {"by", or_null(s.performed_by.empty() ? std::nullopt : std::optional(s.performed_by))},
                      {"processing", or_null(s.processing ? std::optional(processing_key(*s.processing)) : std::nullopt)},
                      {"stain", or_null(s.stain)},
                      {"depth_mm", round_to(r.stage_depth_mm[k], 2)},
                      {"excised_area_cm2", round_to(r.excised_area_cm2[k], 3)},
                      {"cumulative_defect_area_cm2", round_to(units::mm2_to_cm2(r.defect_solids[k].skin_area_mm2), 3)}});
  }
  nlohmann::json margins = nlohmann::json::array();
  for (int h = 1; h <= 12; ++h) margins.push_back({{"hour", h}, {"margin_cm", round_to(r.margin_at_hour_cm[static_cast<size_t>(h - 1)], 2)}});
  // Every margin still open, in any included stage: where a further stage must go.
  nlohmann::json open = nlohmann::json::array();
  for (const auto& o : r.completeness.open) {
    nlohmann::json spans = nlohmann::json::array();
    for (const auto& sp : o.open.spans()) spans.push_back({{"from", round_to(sp.from, 2)}, {"to", round_to(sp.to, 2)}});
    open.push_back({{"stage", o.stage + 1},
                    {"block", o.label},
                    {"margin", o.kind == MarginKind::Peripheral ? "peripheral" : "deep"},
                    {"result", result_key(o.result)},
                    {"open_hours", spans}});
  }
  return {{"stages_taken", r.stages},
          {"stages", stages},
          {"final_defect_area_cm2", round_to(r.final_defect_area_cm2, 3)},
          {"final_defect_extent_x_cm", round_to(r.extent_x_cm, 2)},
          {"final_defect_extent_y_cm", round_to(r.extent_y_cm, 2)},
          {"final_defect_largest_diameter_cm", round_to(r.largest_diameter_cm, 2)},
          {"max_depth_mm", round_to(r.max_depth_mm, 2)},
          {"deepest_layer", r.deepest_layer},
          {"defect_to_clinical_area", round_to(r.defect_to_clinical_area, 3)},
          {"final_margin_by_clock_hour_cm", margins},
          {"largest_final_margin_cm", round_to(r.largest_margin_cm, 2)},
          {"margins_clear", r.clear},
          {"cleared_by_mohs_alone", r.cleared_by_mohs_alone},
          {"open_margins", open}};
}

}  // namespace mv
