#include "body_scene.hpp"

#include <cmath>
#include <numbers>

#include <glm/geometric.hpp>

#include "anatomy/body_shape.hpp"
#include "palette.hpp"
#include "scene_assembly.hpp"
#include "text_format.hpp"

namespace mv::app {
namespace {

glm::vec3 f3(const glm::dvec3& v) { return glm::vec3(v); }
glm::vec4 rgba(const std::array<float, 4>& c, float alpha) { return {c[0], c[1], c[2], alpha}; }

constexpr double kBodyCentreY = 0.5 * (mv::body::kVertexY + mv::body::kSoleY);  // mid-height, mm
constexpr double kBodyHeightMm = mv::body::kVertexY - mv::body::kSoleY;

}  // namespace

LesionOnBody lesion_on_body(const CaseSession& s) {
  const LesionFrame& f = s.frame();
  const glm::dvec3 origin = site_spec(s.current_case().site).body_origin;
  const glm::dvec3 guess = f.centre + origin;
  // Onto the body's skin: the nearest surface along the lesion's normal, from outside.
  const auto body = s.body();
  const auto hit = body->skin.cast(guess + 150.0 * f.normal, -f.normal, 300.0);
  const glm::dvec3 centre = hit ? hit->point : guess;
  return {centre, hit ? hit->normal : f.normal, centre - f.centre};
}

render::Camera body_camera(const CaseSession& s) {
  glm::dvec3 facing = s.frame().normal;
  facing.y = 0.0;
  // Facing the skin the lesion is on; from the front where it faces up or down (vertex, sole).
  facing = glm::length(facing) < 0.3 ? glm::dvec3(0.0, 0.0, 1.0) : glm::normalize(facing);
  render::Camera cam;
  cam.target = glm::vec3(0.0f, static_cast<float>(kBodyCentreY), 0.0f);
  const double distance = 0.62 * kBodyHeightMm / std::tan(0.5 * cam.fov_y_deg * std::numbers::pi / 180.0);
  cam.eye = cam.target + f3(facing * distance);
  cam.up = {0.0f, 1.0f, 0.0f};
  cam.near_mm = static_cast<float>(0.2 * distance);
  cam.far_mm = static_cast<float>(3.0 * distance);
  return cam;
}

void assemble_body(render::Scene& scene, MeshCache& meshes, const CaseSession& s, const ViewSettings& view) {
  const auto body = s.body();
  const Case& c = s.current_case();
  const auto skin = palette::tissue(TissueKind::Skin);
  static const char* names[] = {"body-head-neck", "body-torso", "body-right-arm", "body-right-leg", "body-left-arm", "body-left-leg"};
  for (size_t i = 0; i < body->parts.size(); ++i)
    scene.items.push_back({names[i % 6], meshes.of(names[i % 6], body->parts[i]), rgba(skin, 1.0f), render::Style::Opaque, 0.0f, -1});

  // The tumour where it lies on the body, and a ring around it a person can see from across the room.
  const LesionOnBody on = lesion_on_body(s);
  TriangleMesh tumour = s.tumour().mesh;
  for (auto& p : tumour.positions) p += on.offset;
  scene.items.push_back({"tumour", meshes.of("tumour-on-body", tumour), rgba(palette::kTumour, 1.0f), render::Style::Opaque, 1.5f, -1});
  const LesionFrame& f = s.frame();
  const double ring_mm = std::max(45.0, 0.6 * 10.0 * std::max(s.state().shape.x_cm, s.state().shape.y_cm) + 25.0);
  render::LineSet marks{{}, 3.0f, render::LineLayer::OnTop};
  const glm::vec4 ring_colour = rgba(palette::kLesionMarker, 1.0f);
  constexpr int kSteps = 72;
  for (int i = 0; i < kSteps; ++i) {
    auto at = [&](int k) {
      const double t = 2.0 * std::numbers::pi * k / kSteps;
      return f3(on.centre + ring_mm * (std::cos(t) * f.three + std::sin(t) * f.twelve) + 2.0 * on.normal);
    };
    marks.lines.push_back({at(i), at(i + 1), ring_colour});
  }
  scene.line_sets.push_back(marks);
  const auto& spec = site_spec(c.site);
  scene.labels.push_back({f3(on.centre + (ring_mm + 10.0) * f.twelve), "lesion: " + spec.display, ring_colour, {0.0f, -14.0f}});
  if (view.legend) {
    scene.overlays.push_back({render::Corner::TopLeft,
                              {c.case_id + " — where the lesion is: " + spec.display,
                               s.state().label + ": X " + fixed(s.state().shape.x_cm, 1) + " cm × Y " + fixed(s.state().shape.y_cm, 1) + " cm"},
                              rgba(palette::kText, 1.0f),
                              {}});
    scene.overlays.push_back({render::Corner::BottomLeft,
                              {"skin: a neutral adult body (1.72 m), not the patient's", "tumour", "the lesion, ringed"},
                              rgba(palette::kLegendText, 1.0f),
                              {skin, palette::kTumour, palette::kLesionMarker}});
  }
}

}  // namespace mv::app
