#include "palette.hpp"
#include "plan_scene.hpp"

#include "clinical/spread/literature.hpp"

#include <algorithm>
#include <cstdio>

#include "mohs_scene.hpp"
#include "scene_assembly.hpp"
#include "text_format.hpp"
#include "clinical/teaching.hpp"

namespace mv::app {
namespace {

glm::vec4 v4(const std::array<float, 4>& c, float a) { return {c[0], c[1], c[2], a}; }

void outline(render::Scene& scene, const PolarSolid& solid, const std::array<float, 4>& colour, render::LineLayer layer, float width) {
  render::LineSet set{{}, width, layer};
  for (size_t j = 0; j < solid.rim.size(); ++j) {
    const auto& a = solid.rim[j];
    const auto& b = solid.rim[(j + 1) % solid.rim.size()];
    set.lines.push_back({glm::vec3(a.point + 0.4 * a.normal), glm::vec3(b.point + 0.4 * b.normal), v4(colour, 1.0f)});
  }
  scene.line_sets.push_back(set);
}

}  // namespace

void add_plan(render::Scene& scene, MeshCache& meshes, const std::vector<CaseObject>& objects, CaseSession& session, const ViewSettings& view,
              std::vector<std::string>& legend, std::vector<std::array<float, 4>>& swatches) {
  const bool section = view.mode == ViewMode::Section;
  const PlannedExcision* planned = nullptr;
  try {
    planned = &session.plan(view.plan_request);
  } catch (const PlacementError& e) {
    scene.overlays.push_back({render::Corner::TopRight, {"No plan drawn:", e.what()}, v4(palette::kNotClearText, 1.0f), {}});
    return;
  }
  const PlannedExcision& p = *planned;
  const CaseObject& planned_object = object_of(objects, ObjectRole::Plan);
  const std::array<float, 4> plan_colour = planned_object.colour;
  scene.items.push_back({planned_object.name, meshes.of(planned_object.name, *planned_object.mesh), v4(plan_colour, section ? 1.0f : 0.3f),
                         section ? render::Style::Opaque : render::Style::Translucent, 0.2f, 10});  // behind the tumour (0.4)
  outline(scene, p.solid, plan_colour, section ? render::LineLayer::InScene : render::LineLayer::OnTop, 3.0f);
  if (!section) add_wall_bands(scene, meshes, p.region, p.solid, p.column, p.depth_mm, "plan-wall-");
  const auto& m = p.request.margin_cm;
  const bool uniform = std::all_of(m.begin(), m.end(), [&](double v) { return v == m[0]; });
  legend.push_back("planned excision: " + (uniform ? fixed(m[0], 1) + " cm" : std::string("margin per clock hour")) + " from the " + p.outline_from +
                   " outline, to " + (p.request.plane ? plane_key(*p.request.plane) : fixed(p.depth_mm, 1) + " mm"));
  swatches.push_back(plan_colour);

  // Envelopes: films on the skin where the whole tumour lies in a share of virtual patients.
  const auto& env_colours = palette::kEnvelopes;
  if (!section && !view.blind) {
    // One legend line for the envelopes (their colours fade outwards from the tumour's purple).
    std::string shares, reaches;
    for (size_t i = 0; i < p.envelopes.size() && i < view.envelopes.size(); ++i) {
      if (!view.envelopes[i]) continue;
      const auto& env = p.envelopes[i];
      outline(scene, env.solid, env_colours[i], render::LineLayer::OnTop, 1.5f);
      shares += (shares.empty() ? "" : " / ") + fixed(env.share * 100.0, 0) + "%";
      reaches += (reaches.empty() ? "" : " / ") + fixed(env.margin_cm, 1);
    }
    if (!shares.empty()) {
      legend.push_back("envelopes " + reaches + " cm: " + plan_words::kEnvelopes + " (" + shares + ")");
      swatches.push_back(env_colours[1]);
    }
  }

  if (view.reveal_seed) {
    const TeachingScenario s = draw_scenario(p, *view.reveal_seed);
    const TeachingOutcome o = judge(session.site_model(), session.frame(), p, s);
    // A tumour reaching off the modelled skin is drawn as far as the skin goes (capped ever closer to the plan).
    const PolarRegion full = hidden_region(p, s);
    PolarSolid hidden;
    for (double cap_mm : {1e9, 50.0, 20.0, 5.0, 0.0}) {
      PolarRegion truth = full;
      std::vector<double> reach(truth.theta.size());
      for (size_t j = 0; j < reach.size(); ++j) {
        truth.radius_mm[j] = std::min(truth.radius_mm[j], p.region.radius_mm[j] + cap_mm);
        reach[j] = std::max(truth.radius_mm[j], p.region.radius_mm[j]);
      }
      try {
        const SkinRays rays(session.site_model().skin, session.frame(), truth.theta, reach);
        hidden = build_polar_solid(rays, truth);
        break;
      } catch (const PlacementError&) {
      }
    }
    const std::array<float, 4> hidden_colour = palette::kHiddenTumour;
    scene.items.push_back({"hidden-tumour", meshes.of("hidden-tumour", hidden.mesh), v4(hidden_colour, 0.5f), render::Style::Translucent, 0.3f, -1});
    outline(scene, hidden, hidden_colour, render::LineLayer::OnTop, 2.5f);
    legend.push_back("hidden tumour (seed " + std::to_string(s.seed) + ")" + (o.beyond_skin ? ", reaching beyond the modelled skin" : ""));
    swatches.push_back(hidden_colour);
    render::OverlayText t{render::Corner::TopRight, {}, v4(o.clear ? palette::kClearText : palette::kNotClearText, 1.0f), {}};
    t.lines.push_back(o.clear ? "Clear: all tumour removed" : "Tumour left behind");
    if (!o.left_behind_hours.empty()) {
      std::string hours;
      for (int h : o.left_behind_hours) hours += (hours.empty() ? "" : ", ") + std::to_string(h);
      t.lines.push_back("at " + hours + " o'clock");
    }
    if (o.deep_left_behind) t.lines.push_back("at the deep margin");
    t.lines.push_back("healthy tissue beyond the tumour " + fixed(o.healthy_area_cm2, 1) + " cm²; score " + std::to_string(o.score));
    scene.overlays.push_back(t);
  } else if (view.legend && view.blind) {
    scene.overlays.push_back({render::Corner::TopRight,
                              {"plan " + fixed(p.extent_x_cm, 1) + " × " + fixed(p.extent_y_cm, 1) + " cm, depth " + fixed(p.depth_mm, 1) + " mm",
                               "teaching: the chances are hidden until the reveal"},
                              v4(palette::kText, 1.0f),
                              {}});
  } else if (view.legend) {
    render::OverlayText o{render::Corner::TopRight, {}, v4(palette::kText, 1.0f), {}};
    const auto& e = p.clearance;
    o.lines.push_back("plan " + fixed(p.extent_x_cm, 1) + " × " + fixed(p.extent_y_cm, 1) + " cm, " + fixed(p.area_cm2, 1) + " cm², depth " +
                      fixed(p.depth_mm, 1) + " mm");
    o.lines.push_back(std::string(plan_words::kChance) + ": " + fixed(e.overall * 100.0, 0) + "%");
    o.lines.push_back("95% " + std::string(plan_words::kInterval) + ": " + fixed(e.low * 100.0, 0) + "–" + fixed(e.high * 100.0, 0) + "%");
    o.lines.push_back("peripheral " + fixed(e.peripheral * 100.0, 0) + "%, deep " + fixed(e.deep * 100.0, 0) + "%; seed " + std::to_string(e.seed));
    o.lines.push_back("spread model v2, fitted to " + std::to_string(spread::kSeriesCount) + " published series (docs/model.md)");
    if (!p.warning.empty()) o.lines.push_back(p.warning);
    scene.overlays.push_back(o);
  }
}

}  // namespace mv::app
