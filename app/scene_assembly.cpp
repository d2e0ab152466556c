#include "scene_assembly.hpp"

#include "body_scene.hpp"
#include "case_objects.hpp"
#include "mohs_scene.hpp"
#include "palette.hpp"
#include "plan_scene.hpp"
#include "skin_ruler_scene.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "geometry/decimate.hpp"
#include "text_format.hpp"
#include "common/units.hpp"

namespace mv::app {
namespace {

constexpr double kPi = std::numbers::pi;
// Triangles of an anatomy layer's copy drawn while the view moves: on llvmpipe the four layers'
// 280 000 triangles cost ~55 ms a frame whatever the resolution.
constexpr std::size_t kCoarseTriangles = 12'000;

glm::vec3 f3(const glm::dvec3& v) { return glm::vec3(v); }
glm::vec4 rgba(const std::array<float, 4>& c, float alpha) { return {c[0], c[1], c[2], alpha}; }

// Largest extent of the lesion in mm, for framing.
double lesion_extent_mm(const CaseSession& s) {
  double cm = 0.0;
  for (const auto& m : s.current_case().measurements) cm = std::max({cm, m.x_cm, m.y_cm});
  return units::cm_to_mm(cm);
}

// A path along the skin from the centre out to `length` mm at angle theta, as points.
std::vector<glm::dvec3> skin_path(const CaseSession& s, double theta, double length, int samples) {
  std::vector<double> arcs(samples);
  for (int i = 0; i < samples; ++i) arcs[i] = length * (i + 1) / samples;
  std::vector<glm::dvec3> out{s.frame().centre};
  try {
    for (const auto& p : walk_along_skin(s.site_model().skin, s.frame(), theta, arcs, std::clamp(length / 40.0, 0.25, 2.0)))
      out.push_back(p.point + 0.3 * p.normal);
  } catch (const PlacementError&) {
  }
  return out;
}

void add_polyline(render::LineSet& set, const std::vector<glm::dvec3>& pts, const glm::vec4& colour, bool closed) {
  for (size_t i = 0; i + 1 < pts.size(); ++i) set.lines.push_back({f3(pts[i]), f3(pts[i + 1]), colour});
  if (closed && pts.size() > 2) set.lines.push_back({f3(pts.back()), f3(pts.front()), colour});
}

// The section plane through the lesion centre along the chosen clock axis.
render::SectionPlane section_plane(const CaseSession& s, double clock) {
  const LesionFrame& f = s.frame();
  const glm::dvec3 along = f.direction(clock_to_angle(clock));
  const glm::dvec3 n = glm::normalize(glm::cross(along, f.normal));
  return {f3(f.centre), f3(n)};
}

}  // namespace

namespace {
// The disclaimer stays on every image, legend or not.
void add_disclaimer(render::Scene& scene, const CaseSession& s) {
  std::vector<std::string> notes;
  if (s.current_case().illustrative) notes.push_back("Illustrative reconstruction — not patient data");
  notes.push_back("For illustration and teaching, not for clinical decisions");
  scene.overlays.push_back({render::Corner::BottomRight, notes, rgba(palette::kCaution, 1.0f), {}});
}
}  // namespace

render::Camera default_camera(CaseSession& s, const ViewSettings& view) {
  if (view.mode == ViewMode::Body) return body_camera(s);
  const LesionFrame& f = s.frame();
  double extent = lesion_extent_mm(s);
  if (const MohsReconstruction* m = view.mohs ? s.mohs(view.through_stage) : nullptr)
    extent = std::max(extent, units::cm_to_mm(std::max(m->extent_x_cm, m->extent_y_cm)));
  if (view.plan) {
    try {
      const PlannedExcision& p = s.plan(view.plan_request);
      extent = std::max(extent, units::cm_to_mm(std::max(p.extent_x_cm, p.extent_y_cm)));
    } catch (const PlacementError&) {
      // A plan that does not fit is reported by the scene; frame the lesion.
    }
  }
  const double distance = view.mode == ViewMode::Section ? 1.5 * extent + 70.0 : 2.6 * extent + 140.0;
  render::Camera cam;
  cam.target = f3(f.centre - 0.25 * units::cm_to_mm(0.5) * f.normal);
  if (view.mode == ViewMode::Section) {
    const auto plane = section_plane(s, view.section_clock);
    const glm::dvec3 toward = glm::normalize(glm::dvec3(plane.normal) + 0.45 * f.normal);
    cam.eye = cam.target + f3(toward * distance);
    cam.up = f3(f.normal);
  } else {
    const glm::dvec3 toward = glm::normalize(f.normal - 0.30 * f.twelve + 0.18 * f.three);
    cam.eye = cam.target + f3(toward * distance);
    cam.up = f3(f.twelve);
  }
  cam.near_mm = static_cast<float>(distance * 0.05);
  cam.far_mm = static_cast<float>(distance * 20.0 + 2000.0);
  return cam;
}

const std::vector<std::shared_ptr<const render::MeshData>>& SceneAssembler::anatomy_meshes(const CaseSession& s) {
  if (cached_model_.lock() != s.site_model_ptr()) {
    anatomy_meshes_.clear();
    anatomy_coarse_.clear();
    for (const auto& layer : s.site_model().anatomy.layers) anatomy_meshes_.push_back(to_mesh_data(layer.drawn()));
    cached_model_ = s.site_model_ptr();
  }
  return anatomy_meshes_;
}

const render::Scene& SceneAssembler::build(CaseSession& s, const ViewSettings& view, const render::Camera& camera, bool coarse) {
  const ContentKey key{&s, s.case_version(), s.tumour_version(), view};
  anatomy_meshes(s);
  if (coarse && anatomy_coarse_.empty()) {
    for (const auto& layer : s.site_model().anatomy.layers)
      anatomy_coarse_.push_back(to_mesh_data(decimate_for_display(layer.drawn(), kCoarseTriangles)));
    key_.reset();
  }
  if (key_ != key) {
    key_.reset();  // a failed assembly leaves no stale key behind, and the last scene whole
    scene_ = assemble(s, view);
    key_ = key;
    ++generation_;
  }
  scene_.camera = camera;
  return scene_;
}

render::Scene SceneAssembler::assemble(CaseSession& s, const ViewSettings& view) {
  render::Scene scene;
  scene.background_top = rgba(palette::kBackgroundTop, 1.0f);
  scene.background_bottom = rgba(palette::kBackgroundBottom, 1.0f);
  scene.label_backing = rgba(palette::kLabelBacking, palette::kLabelBacking[3]);
  scene.overlay_backing = rgba(palette::kOverlayBacking, palette::kOverlayBacking[3]);
  const bool section = view.mode == ViewMode::Section;
  if (section) scene.section = section_plane(s, view.section_clock);
  if (view.mode == ViewMode::Body) {
    assemble_body(scene, meshes_, s, view);
    add_disclaimer(scene, s);
    meshes_.drop_unused();
    return scene;
  }

  const auto& layers = s.site_model().anatomy.layers;
  const auto& meshes = anatomy_meshes(s);
  const std::vector<CaseObject> objects = case_objects(s, view, false);
  std::vector<std::array<float, 4>> swatches;
  std::vector<std::string> legend;
  for (size_t i = 0; i < layers.size(); ++i) {
    const bool hidden = i < view.layer_hidden.size() && view.layer_hidden[i];
    if (hidden) continue;
    const CaseObject& layer = objects[i];
    const auto colour = layer.colour;
    render::DrawItem item{layer.name,
                          meshes[i],
                          rgba(colour, 1.0f),
                          render::Style::Opaque,
                          0.0f,
                          s.site_model().anatomy.closed_layers ? 0 : -1};  // a scan's layers are surfaces: no caps
    const bool see_through = !section && view.skin_opacity < 0.99f;        // opaque skin is drawn as opaque
    if (see_through && layers[i].kind == TissueKind::Skin) {
      item.style = render::Style::Translucent;
      item.colour.a = view.skin_opacity;
    } else if (see_through && layers[i].kind == TissueKind::SubcutaneousFat) {
      item.style = render::Style::Translucent;
      item.colour.a = 0.6f * view.skin_opacity;
    }
    if (static_cast<int>(i) == view.highlight_layer) {  // pointed at in the layer list: lift it out
      item.colour = glm::mix(item.colour, rgba(palette::kHighlight, 1.0f), 0.35f);
      item.colour.a = std::max(item.colour.a, 0.6f);
    }
    if (i < anatomy_coarse_.size()) item.coarse = anatomy_coarse_[i];
    scene.items.push_back(item);
    legend.push_back(layers[i].name);
    swatches.push_back(colour);
  }
  const size_t layer_lines = legend.size();  // the shown layers open the legend

  const TumourState& state = s.state();
  const CaseObject& tumour = object_of(objects, ObjectRole::Tumour);
  scene.items.push_back(
      {tumour.name, meshes_.of("tumour", *tumour.mesh), rgba(tumour.colour, 1.0f), render::Style::Opaque, 0.4f, kTumourCapPriority});
  legend.push_back("tumour, " + state.label);
  swatches.push_back(tumour.colour);

  const auto& first = s.current_case().measurements.front();
  const CaseObject* ghost = find_object(objects, ObjectRole::Ghost);
  const bool show_ghost = ghost && view.ghost && state.fraction > 0.0;
  const std::array<float, 4> ghost_colour = palette::kGhost;
  // On the 3D view the outline shows through the tumour; on a section it is cut with the scene.
  render::LineSet outlines{{}, 2.0f, section ? render::LineLayer::InScene : render::LineLayer::OnTop};
  if (show_ghost) {
    if (!section)
      scene.items.push_back({ghost->name, meshes_.of("ghost", *ghost->mesh), rgba(ghost_colour, 0.14f), render::Style::Translucent, 0.6f});
    std::vector<glm::dvec3> rim;
    for (const auto& p : s.first_tumour().outline) rim.push_back(p);
    add_polyline(outlines, rim, rgba(ghost_colour, 0.95f), true);
    legend.push_back(first.label + " outline (before imatinib)");
    swatches.push_back(ghost_colour);
  }
  scene.line_sets.push_back(outlines);

  const bool mohs_view = view.mohs && s.current_case().mohs && !s.current_case().mohs->stages.empty();
  if (view.counselling && view.labels) add_skin_ruler(scene, s);
  if (view.labels && !mohs_view && !view.plan && !view.counselling) {
    const LesionFrame& f = s.frame();
    const double a = units::cm_to_mm(state.shape.x_cm) / 2.0, b = units::cm_to_mm(state.shape.y_cm) / 2.0;
    const glm::vec4 dim_colour = rgba(palette::kDimension, 1.0f);
    render::LineSet dims{{}, 2.0f, render::LineLayer::OnTop};
    auto dimension = [&](double theta, double half, const std::string& text, glm::vec2 offset) {
      auto there = skin_path(s, theta, half, 24), back = skin_path(s, theta + kPi, half, 24);
      std::vector<glm::dvec3> pts(back.rbegin(), back.rend());
      pts.insert(pts.end(), there.begin() + 1, there.end());
      add_polyline(dims, pts, dim_colour, false);
      scene.labels.push_back({f3(there.back()), text, dim_colour, offset});
    };
    const double cut_theta = clock_to_angle(view.section_clock);
    const bool x_in_view = !section || std::abs(std::sin(cut_theta)) < 0.5;
    const bool y_in_view = !section || std::abs(std::cos(cut_theta)) < 0.5;
    if (x_in_view) dimension(0.0, a, "X " + fixed(state.shape.x_cm, 1) + " cm", {0.0f, 22.0f});
    if (y_in_view) dimension(kPi / 2.0, b, "Y " + fixed(state.shape.y_cm, 1) + " cm", {0.0f, -22.0f});
    const glm::dvec3 bottom = f.centre - state.shape.depth_mm * f.normal;
    dims.lines.push_back({f3(f.centre), f3(bottom), dim_colour});
    const std::string depth_text = "depth " + fixed(state.shape.depth_mm, 1) + " mm" + (state.depth_is_site_default ? " (site default)" : "");
    // Seen from above the depth line is nearly a point: keep its label clear of the X and Y labels.
    scene.labels.push_back({f3(bottom), depth_text, dim_colour, section ? glm::vec2(0.0f, 26.0f) : glm::vec2(-90.0f, 40.0f)});
    for (int hour : {12, 3, 6, 9}) {
      const double theta = clock_to_angle(hour);
      if (section && std::abs(std::sin(theta - cut_theta)) > 0.5) continue;  // marks off the cut are hidden
      const double reach = ellipse_radius(a, b, theta) + 10.0 + 0.3 * std::max(a, b);
      const auto path = skin_path(s, theta, reach, 8);
      scene.labels.push_back({f3(path.back()), std::to_string(hour), rgba(palette::kClockMark, 1.0f), {0.0f, 0.0f}});
    }
    scene.line_sets.push_back(dims);
  }

  const MohsReconstruction* mohs = mohs_view ? s.mohs(view.through_stage) : nullptr;
  if (mohs) add_mohs(scene, meshes_, objects, s, *mohs, view, legend, swatches);
  if (view.plan) add_plan(scene, meshes_, objects, s, view, legend, swatches);

  if (view.legend) {
    const Case& c = s.current_case();
    const auto& spec = site_spec(c.site);
    render::OverlayText title{render::Corner::TopLeft, {}, rgba(palette::kText, 1.0f), {}};
    title.lines.push_back(c.case_id + " — " + spec.display + (section ? ", section along " + fixed(view.section_clock, 1) + " o'clock" : ""));
    title.lines.push_back(state.label + ": X " + fixed(state.shape.x_cm, 1) + " cm × Y " + fixed(state.shape.y_cm, 1) + " cm, depth " +
                          fixed(state.shape.depth_mm, 1) + " mm");
    if (c.measurements.size() > 1) {
      const auto& m0 = c.measurements.front();
      const double drop = 100.0 * (1.0 - state.shape.x_cm * state.shape.y_cm / (m0.x_cm * m0.y_cm));
      title.lines.push_back("area X·Y change since " + m0.label + ": " + (drop >= 0 ? "−" : "+") + fixed(std::abs(drop), 1) + " %");
    }
    if (state.interpolated) title.lines.push_back("interpolated linearly between measurements (assumption)");
    scene.overlays.push_back(title);
    // A compact legend: past 8 entries the tissue layers share one line (their colours are the
    // atlas ones, and the GUI lists them with swatches), so the legend does not climb over the lesion.
    if (legend.size() > 8 && layer_lines > 1) {
      std::string names;
      for (size_t i = 0; i < layer_lines; ++i) names += (i ? ", " : "") + legend[i];
      legend.erase(legend.begin(), legend.begin() + static_cast<long>(layer_lines));
      swatches.erase(swatches.begin() + 1, swatches.begin() + static_cast<long>(layer_lines));
      legend.insert(legend.begin(), "tissue, outside in: " + names);
    }
    scene.overlays.push_back({render::Corner::BottomLeft, legend, rgba(palette::kLegendText, 1.0f), swatches});
  }
  add_disclaimer(scene, s);
  meshes_.drop_unused();
  return scene;
}

}  // namespace mv::app
