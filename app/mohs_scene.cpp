#include "palette.hpp"
#include "mohs_scene.hpp"

#include <cmath>
#include <cstdio>

#include <algorithm>

#include <glm/geometric.hpp>

#include "mohs_map.hpp"
#include "scene_assembly.hpp"
#include "text_format.hpp"
#include "common/units.hpp"

namespace mv::app {
namespace {

glm::vec3 f3(const glm::dvec3& v) { return glm::vec3(v); }
glm::vec4 v4(const std::array<float, 4>& c, float a) { return {c[0], c[1], c[2], a}; }

// Rim samples of `solid` whose angle falls in `span`, in angle order, optionally lowered to `depth`.
std::vector<glm::dvec3> rim_over(const PolarRegion& region, const PolarSolid& solid, const ClockSpan& span, double depth) {
  std::vector<std::pair<double, glm::dvec3>> picked;
  for (size_t j = 0; j < region.theta.size(); ++j) {
    const double hour = angle_to_clock(region.theta[j]);
    if (!span.contains(hour)) continue;
    double along = std::fmod(hour - span.from + 12.0, 12.0);
    picked.push_back({along, solid.rim[j].point - depth * solid.rim[j].normal + 0.4 * solid.rim[j].normal});
  }
  std::sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<glm::dvec3> out;
  for (const auto& p : picked) out.push_back(p.second);
  return out;
}

void add_polyline(render::LineSet& set, const std::vector<glm::dvec3>& pts, const glm::vec4& colour, bool closed) {
  for (size_t i = 0; i + 1 < pts.size(); ++i) set.lines.push_back({f3(pts[i]), f3(pts[i + 1]), colour});
  if (closed && pts.size() > 2) set.lines.push_back({f3(pts.back()), f3(pts.front()), colour});
}

// One strip of the final defect's wall per tissue layer it cuts, between the layer's top and
// bottom (or the defect floor), so the wound shows which tissue each wall exposes.
std::shared_ptr<render::MeshData> wall_band(const PolarRegion& region, const PolarSolid& solid, double top, double bottom) {
  auto mesh = std::make_shared<render::MeshData>();
  const size_t n = region.theta.size();
  for (size_t j = 0; j < n; ++j) {
    const auto& p = solid.rim[j];
    const double lo = std::min(bottom, region.depth_mm[j]);
    const double hi = std::min(top, lo);
    // Push the strip 0.3 mm into the surrounding tissue so it never fights with the defect's wall.
    const glm::dvec3 outward = glm::normalize(p.point - solid.rim[(j + n / 2) % n].point);
    mesh->positions.push_back(f3(p.point - hi * p.normal + 0.3 * outward));
    mesh->positions.push_back(f3(p.point - lo * p.normal + 0.3 * outward));
    const glm::vec3 inward = f3(-outward);
    mesh->normals.push_back(inward);
    mesh->normals.push_back(inward);
  }
  for (size_t j = 0; j < n; ++j) {
    const auto a = static_cast<std::uint32_t>(2 * j), b = static_cast<std::uint32_t>(2 * ((j + 1) % n));
    mesh->indices.insert(mesh->indices.end(), {a, a + 1, b + 1, a, b + 1, b});
  }
  return mesh;
}

}  // namespace

void add_wall_bands(render::Scene& scene, MeshCache& meshes, const PolarRegion& region, const PolarSolid& solid, const TissueColumn& column,
                    double max_depth_mm, const std::string& prefix) {
  for (const auto& layer : column.layers) {
    const double bottom = std::isfinite(layer.bottom_mm) ? layer.bottom_mm : 1e6;
    if (layer.top_mm >= max_depth_mm) break;
    scene.items.push_back({prefix + layer.name, meshes.of(prefix + layer.name, wall_band(region, solid, layer.top_mm, bottom)),
                           v4(palette::tissue(layer.kind), 1.0f), render::Style::Opaque, 0.0f, -1});
  }
}

void add_mohs(render::Scene& scene, MeshCache& meshes, const std::vector<CaseObject>& objects, CaseSession& session, const MohsReconstruction& rec,
              const ViewSettings& view, std::vector<std::string>& legend, std::vector<std::array<float, 4>>& swatches) {
  const bool section = view.mode == ViewMode::Section;
  const Case& c = session.current_case();
  const MohsRecord& m = *c.mohs;
  const int K = rec.stages;
  for (int k = 0; k < K; ++k) {
    const CaseObject& stage = object_of(objects, ObjectRole::MohsStage, k);
    const auto colour = stage.colour;
    // What each stage took, in its own colour (the stages do not overlap: one cap priority serves).
    render::DrawItem item{stage.name,
                          meshes.of(stage.name, *stage.mesh),
                          v4(colour, section ? 1.0f : 0.45f),
                          section ? render::Style::Opaque : render::Style::Translucent,
                          0.3f,
                          10};
    scene.items.push_back(item);
    const auto& s = m.stages[static_cast<size_t>(k)];
    legend.push_back(stage_name(m, static_cast<size_t>(k)) + (s.deep_only ? ": deep only" : ": +" + fixed(s.margin_cm, 1) + " cm") + ", to " +
                     (s.plane ? plane_key(*s.plane) + " " : "") + fixed(rec.stage_depth_mm[static_cast<size_t>(k)], 1) + " mm");
    swatches.push_back(colour);
  }
  const PolarRegion& fin = rec.defects.back();
  const PolarSolid& fin_solid = rec.defect_solids.back();
  if (!section) add_wall_bands(scene, meshes, fin, fin_solid, rec.column, rec.max_depth_mm, "defect-wall-");
  const CaseObject& confirmed = object_of(objects, ObjectRole::ConfirmedTumour);
  const std::array<float, 4> confirmed_colour = confirmed.colour;
  scene.items.push_back({confirmed.name, meshes.of(confirmed.name, *confirmed.mesh), v4(confirmed_colour, section ? 1.0f : 0.35f),
                         section ? render::Style::Opaque : render::Style::Translucent, 0.5f, kTumourCapPriority - 1});
  legend.push_back("tumour confirmed by positive blocks");
  swatches.push_back(confirmed_colour);

  const auto layer = section ? render::LineLayer::InScene : render::LineLayer::OnTop;
  render::LineSet boundary{{}, 3.0f, layer};
  const std::array<float, 4> clear_colour = rec.clear ? palette::kClear : palette::kNotClear;
  std::vector<glm::dvec3> rim;
  for (const auto& p : fin_solid.rim) rim.push_back(p.point + 0.4 * p.normal);
  add_polyline(boundary, rim, v4(clear_colour, 1.0f), true);
  scene.line_sets.push_back(boundary);
  if (rec.clear) {
    legend.push_back("clear boundary (final margins clear)");
    swatches.push_back(clear_colour);
  }

  render::LineSet positive{{}, 4.0f, layer};
  const auto red = palette::kNotClear;
  bool any_positive = false;
  for (int k = 0; k < K; ++k) {
    const auto& s = m.stages[static_cast<size_t>(k)];
    const auto& region = rec.defects[static_cast<size_t>(k)];
    const auto& solid = rec.defect_solids[static_cast<size_t>(k)];
    for (const auto& b : s.blocks) {
      for (bool deep : {false, true}) {
        if ((deep ? b.deep : b.peripheral) != MarginResult::Positive) continue;
        if (!deep && !takes_periphery(s.layer_of(b))) continue;  // a deep-only layer has no peripheral margin
        any_positive = true;
        // A wedge's deep margin lies at the depth the defect had there, not at the stage's plane.
        const double depth =
            s.layer_of(b) == BlockLayer::Peripheral ? region.depth_at(clock_to_angle(b.span.middle())) : rec.stage_depth_mm[static_cast<size_t>(k)];
        const auto pts = rim_over(region, solid, b.span, deep ? depth : 0.0);
        add_polyline(positive, pts, v4(red, 1.0f), false);
        if (!pts.empty() && view.labels)
          scene.labels.push_back({f3(pts[pts.size() / 2]),
                                  stage_name(m, static_cast<size_t>(k)) + " " + b.label + (deep ? ": deep +" : ": peripheral +"),
                                  v4(palette::kPositiveLabel, 1.0f),
                                  {0.0f, deep ? 22.0f : -22.0f}});
      }
    }
  }
  scene.line_sets.push_back(positive);
  // One line for red, whatever it marks: positive margins and a final margin not clear.
  if (!rec.clear || any_positive) {
    legend.push_back(!rec.clear ? (any_positive ? "not clear: positive margins, and the final margin" : "not clear: the final margin")
                                : "positive margins (taken by later stages)");
    swatches.push_back(red);
  }

  // The block the user points at (GUI), outlined in white.
  if (view.highlight_stage >= 0 && view.highlight_stage < K) {
    const auto& s = m.stages[static_cast<size_t>(view.highlight_stage)];
    if (view.highlight_block >= 0 && view.highlight_block < static_cast<int>(s.blocks.size())) {
      const auto& b = s.blocks[static_cast<size_t>(view.highlight_block)];
      render::LineSet hl{{}, 4.0f, render::LineLayer::OnTop};
      const auto k = static_cast<size_t>(view.highlight_stage);
      auto outer = rim_over(rec.defects[k], rec.defect_solids[k], b.span, 0.0);
      std::vector<glm::dvec3> inner =
          k == 0 ? std::vector<glm::dvec3>{session.frame().centre} : rim_over(rec.defects[k - 1], rec.defect_solids[k - 1], b.span, 0.0);
      std::vector<glm::dvec3> loop = outer;
      loop.insert(loop.end(), inner.rbegin(), inner.rend());
      add_polyline(hl, loop, v4(palette::kHighlight, 1.0f), true);
      scene.line_sets.push_back(hl);
    }
  }

  if (view.legend) {
    render::OverlayText o{render::Corner::TopRight, {}, v4(palette::kText, 1.0f), {}};
    const bool excision = std::any_of(m.stages.begin(), m.stages.end(), [](const MohsStage& s) { return s.procedure == Procedure::Excision; });
    const std::string unit = excision ? "Mohs stages and excision: step" : "Mohs: stage";
    o.lines.push_back(unit + (K > 1 ? "s 1–" + std::to_string(K) : " 1") + " of " + std::to_string(m.stages.size()));
    o.lines.push_back("defect " + fixed(rec.extent_x_cm, 1) + " × " + fixed(rec.extent_y_cm, 1) + " cm, " + fixed(rec.final_defect_area_cm2, 1) +
                      " cm²");
    o.lines.push_back("depth " + fixed(rec.max_depth_mm, 1) + " mm, into " + rec.deepest_layer);
    o.lines.push_back("largest margin from the clinical edge " + fixed(rec.largest_margin_cm, 1) + " cm");
    o.lines.push_back(rec.clear ? "margins clear" : rec.completeness.pending() ? "slides pending: margins not yet known" : "margins not clear");
    for (const auto& open : rec.completeness.open)
      if (open.result != MarginResult::Pending) o.lines.push_back("  open: " + open.describe());
    scene.overlays.push_back(o);
  }
}

}  // namespace mv::app
