#include "palette.hpp"
#include "plan_scene.hpp"

#include <algorithm>
#include <cstdio>

#include "mohs_scene.hpp"
#include "scene_assembly.hpp"
#include "text_format.hpp"
#include "teaching.hpp"

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

void add_plan(render::Scene& scene, CaseSession& session, const ViewSettings& view, std::vector<std::string>& legend,
              std::vector<std::array<float, 4>>& swatches) {
  const bool section = view.mode == ViewMode::Section;
  const PlannedExcision* planned = nullptr;
  try {
    planned = &session.plan(view.plan_request);
  } catch (const PlacementError& e) {
    scene.overlays.push_back({render::Corner::TopRight, {"No plan drawn:", e.what()}, {1.0f, 0.6f, 0.5f, 1.0f}, {}});
    return;
  }
  const PlannedExcision& p = *planned;
  const std::array<float, 4> plan_colour = palette::kPlan;
  scene.items.push_back({"planned-excision", to_mesh_data(p.solid.mesh), v4(plan_colour, section ? 1.0f : 0.3f),
                         section ? render::Style::Opaque : render::Style::Translucent, 0.2f, 10});  // behind the tumour (0.4)
  outline(scene, p.solid, plan_colour, section ? render::LineLayer::InScene : render::LineLayer::OnTop, 3.0f);
  if (!section) add_wall_bands(scene, p.region, p.solid, p.column, p.depth_mm, "plan-wall-");
  const auto& m = p.request.margin_cm;
  const bool uniform = std::all_of(m.begin(), m.end(), [&](double v) { return v == m[0]; });
  legend.push_back("planned excision: " + (uniform ? fixed(m[0], 1) + " cm" : std::string("margin per clock hour")) + " from the " + p.outline_from + " outline, to " +
                   (p.request.plane ? plane_key(*p.request.plane) : fixed(p.depth_mm, 1) + " mm"));
  swatches.push_back(plan_colour);

  // Probability envelopes: films on the skin (Dawes 1996, Kimmel 2007 via docs/model.md).
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
      legend.push_back(shares + " of tumours reach ≤ " + reaches + " cm each way (Dawes 1996, Kimmel 2007)");
      swatches.push_back(env_colours[1]);
    }
  }

  if (view.reveal_seed) {
    const Case& c = session.current_case();
    const TeachingScenario s = draw_scenario(c, *view.reveal_seed);
    const TeachingOutcome o = judge(c, session.site_model(), session.frame(), p, s);
    const PolarRegion truth = hidden_region(c, p.region, s);
    std::vector<double> reach(truth.theta.size());
    for (size_t j = 0; j < reach.size(); ++j) reach[j] = std::max(truth.radius_mm[j], p.region.radius_mm[j]);
    const SkinRays rays(session.site_model().skin, session.frame(), truth.theta, reach);
    const PolarSolid hidden = build_polar_solid(rays, truth);
    const std::array<float, 4> hidden_colour = palette::kHiddenTumour;
    scene.items.push_back({"hidden-tumour", to_mesh_data(hidden.mesh), v4(hidden_colour, 0.5f), render::Style::Translucent, 0.3f, -1});
    outline(scene, hidden, hidden_colour, render::LineLayer::OnTop, 2.5f);
    legend.push_back("hidden tumour (seed " + std::to_string(s.seed) + ")");
    swatches.push_back(hidden_colour);
    render::OverlayText t{render::Corner::TopRight, {}, o.clear ? glm::vec4(0.5f, 1.0f, 0.6f, 1.0f) : glm::vec4(1.0f, 0.55f, 0.5f, 1.0f), {}};
    t.lines.push_back(o.clear ? "Clear: all tumour removed" : "Tumour left behind");
    if (!o.left_behind_hours.empty()) {
      std::string hours;
      for (int h : o.left_behind_hours) hours += (hours.empty() ? "" : ", ") + std::to_string(h);
      t.lines.push_back("at " + hours + " o'clock");
    }
    if (o.deep_left_behind) t.lines.push_back("at the deep margin");
    t.lines.push_back("removed needlessly " + fixed(o.needless_area_cm2, 1) + " cm²; score " + std::to_string(o.score));
    scene.overlays.push_back(t);
  } else if (view.legend && view.blind) {
    scene.overlays.push_back({render::Corner::TopRight,
                              {"plan " + fixed(p.extent_x_cm, 1) + " × " + fixed(p.extent_y_cm, 1) + " cm, depth " + fixed(p.depth_mm, 1) + " mm",
                               "teaching: the chances are hidden until the reveal"},
                              {1, 1, 1, 1}, {}});
  } else if (view.legend) {
    render::OverlayText o{render::Corner::TopRight, {}, {1, 1, 1, 1}, {}};
    const auto& e = p.clearance;
    o.lines.push_back("plan " + fixed(p.extent_x_cm, 1) + " × " + fixed(p.extent_y_cm, 1) + " cm, " + fixed(p.area_cm2, 1) + " cm², depth " + fixed(p.depth_mm, 1) + " mm");
    o.lines.push_back("chance of clear margins " + fixed(e.overall * 100.0, 0) + "% (95% interval " + fixed(e.low * 100.0, 0) + "–" + fixed(e.high * 100.0, 0) + "%)");
    o.lines.push_back("peripheral " + fixed(e.peripheral * 100.0, 0) + "%, deep " + fixed(e.deep * 100.0, 0) + "%; seed " + std::to_string(e.seed));
    o.lines.push_back("model from Dawes 1996, Kimmel 2007, Serra-Guillén 2016");
    if (!p.warning.empty()) o.lines.push_back(p.warning);
    scene.overlays.push_back(o);
  }
}

}  // namespace mv::app
