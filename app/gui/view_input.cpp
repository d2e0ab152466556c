#include "view_input.hpp"

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "gui_colours.hpp"
#include "palette.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "anatomy/body_sites.hpp"
#include "reconstruction/placement.hpp"
#include "text_format.hpp"

namespace mv::app {

void ViewInput::press(double t, double x, double y) {
  if (double_click_.press(t, x, y)) pending_recentre_ = glm::vec2(static_cast<float>(x), static_cast<float>(y));
}

void ViewInput::toggle_ruler() {
  const bool on = !ruler_mode_;
  stop_ruler();
  ruler_mode_ = on;
}

void ViewInput::stop_ruler() {
  ruler_mode_ = false;
  ruler_points_.clear();
  ruler_.reset();
}

// The surface under a window position, through the last frame's depth buffer.
std::optional<glm::vec3> ViewInput::pick_at(const ViewArea& area, const ImVec2& at) const {
  return view_frame_.renderer().pick(static_cast<int>((at.x - area.left) * area.px), static_cast<int>((at.y - area.top) * area.px));
}

// A world point in window coordinates, or nullopt behind the camera.
std::optional<ImVec2> ViewInput::to_screen(const ViewArea& area, const glm::vec3& p) const {
  const float vw = area.window_w - area.left, vh = area.window_h - area.top - area.bottom;
  if (vw <= 1.0f || vh <= 1.0f) return std::nullopt;
  const render::Camera& cam = state_.camera.camera();
  const glm::mat4 proj = glm::perspective(glm::radians(cam.fov_y_deg), vw / vh, 1.0f, 10000.0f);
  const glm::vec4 q = proj * glm::lookAt(cam.eye, cam.target, cam.up) * glm::vec4(p, 1.0f);
  if (q.w <= 0.0f) return std::nullopt;
  return ImVec2(area.left + (q.x / q.w * 0.5f + 0.5f) * vw, area.top + (0.5f - q.y / q.w * 0.5f) * vh);
}

void ViewInput::hover_block(const ViewArea& area) {
  ImGuiIO& io = ImGui::GetIO();
  if (!state_.view.mohs || io.WantCaptureMouse || !state_.session.has_case()) return;
  const MohsReconstruction* rec = state_.session.mohs(state_.view.through_stage);
  if (!rec) return;
  const auto p = pick_at(area, io.MousePos);
  if (!p) return;
  const LesionFrame& f = state_.session.frame();
  const glm::dvec3 v = glm::dvec3(*p) - f.centre;
  const double theta = std::atan2(glm::dot(v, f.twelve), glm::dot(v, f.three));
  const double r = std::hypot(glm::dot(v, f.twelve), glm::dot(v, f.three));
  const double hour = angle_to_clock(theta);
  for (int k = 0; k < rec->stages; ++k) {
    if (r > rec->defects[static_cast<size_t>(k)].radius_at(theta)) continue;  // outside this stage's wound
    const auto& blocks = state_.session.current_case().mohs->stages[static_cast<size_t>(k)].blocks;
    for (size_t b = 0; b < blocks.size(); ++b)
      if (blocks[b].span.contains(hour)) {
        state_.view.highlight_stage = k;
        state_.view.highlight_block = static_cast<int>(b);
        return;
      }
  }
}

// On the whole body: the site the point belongs to, and the position there (docs/case-format.md).
void ViewInput::place_lesion_on_body(const glm::vec3& p) {
  const BodyPointSite at = site_at_body_point(glm::dvec3(p));
  const LesionPlacement placement = placement_for_point(at.local, state_.doc.working().lesion.twelve_oclock_deg);
  try {
    // The site's own anatomy must take the position (the four sites of Han 2009 are shaped on their own).
    place_lesion(state_.session.library().get(at.site, {})->skin, placement);
  } catch (const PlacementError&) {
    say_("That point cannot be recorded as a lesion position on the " + site_spec(at.site).display + ". Set the site and position fields instead.");
    return;
  }
  state_.doc.new_step();
  Case& c = state_.doc.edit();
  c.site = at.site;
  c.lesion = placement;
  state_.doc.changed();
  state_.status = "Lesion placed on the " + site_spec(at.site).display +
                  (at.mirrored ? " (a left limb: the model's right limb, mirrored; the case records it on the right)" : "");
  state_.camera_reset_requested = true;
}

// The recorded placement must bring the lesion back to the clicked point (not to another part of
// the skin along the same ray): checked before it is written.
void ViewInput::place_lesion_at(const glm::vec3& p) {
  const LesionPlacement placement = placement_for_point(glm::dvec3(p), state_.doc.working().lesion.twelve_oclock_deg);
  bool lands = false;
  try {
    const double off = glm::length(place_lesion(state_.session.site_model().skin, placement).centre - glm::dvec3(p));
    lands = off < 30.0;  // the pick reads the depth of the first opaque layer, up to ~30 mm under the skin
  } catch (const PlacementError&) {
  }
  if (!lands) {
    say_(
        "That point cannot be recorded as a lesion position on this anatomy (the ray from the body axis meets the skin elsewhere first). Set "
        "the position fields instead.");
    return;
  }
  state_.doc.new_step();  // a text cell may still be active: this is an edit of its own
  state_.doc.edit().lesion = placement;
  state_.doc.changed();
  state_.camera_reset_requested = true;
}

void ViewInput::handle_mouse(const ViewArea& area) {
  ImGuiIO& io = ImGui::GetIO();
  // A double click over a panel or a dialog is theirs: it never re-centres the view later.
  const std::optional<glm::vec2> recentre_at = std::exchange(pending_recentre_, std::nullopt);
  if (io.WantCaptureMouse) return;
  const glm::vec2 delta{io.MouseDelta.x * area.px, io.MouseDelta.y * area.px};
  if (ruler_mode_ && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (auto p = pick_at(area, io.MousePos)) {
      if (ruler_points_.size() >= 2) ruler_points_.clear(), ruler_.reset();
      ruler_points_.push_back(*p);
      if (ruler_points_.size() == 2) {
        const render::Camera& cam = state_.camera.camera();
        ruler_ = measure_on_skin(state_.session.site_model().skin, glm::dvec3(ruler_points_[0]), glm::dvec3(ruler_points_[1]),
                                 glm::dvec3(cam.target - cam.eye));
        if (!ruler_) state_.status = "Ruler: the skin between these points cannot be seen from here; turn the view and measure again.";
      }
    }
    return;
  }
  if (state_.place_by_click && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    // A ray pick through the depth buffer: the point on the skin under the cursor.
    if (auto p = pick_at(area, io.MousePos)) state_.view.mode == ViewMode::Body ? place_lesion_on_body(*p) : place_lesion_at(*p);
    state_.place_by_click = false;
  } else if (recentre_at) {
    if (auto p = pick_at(area, ImVec2(recentre_at->x, recentre_at->y))) state_.camera.recentre(*p);
    else
      state_.status = "Double-click on the body to re-centre the view there.";
  } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Middle) || (io.KeyShift && ImGui::IsMouseDragging(ImGuiMouseButton_Left))) {
    state_.camera.pan(delta, (area.window_h - area.top - area.bottom) * area.px);
  } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    state_.camera.orbit(delta);
  }
  if (io.MouseWheel != 0.0f) state_.camera.zoom(io.MouseWheel);
}

void ViewInput::draw_decorations(const ViewArea& area, float scale) const {
  draw_orientation_marker(area, scale);
  draw_ruler(area, scale);
}

// Patient directions as the camera sees them, bottom right, above the corner where the view's
// disclaimer is drawn (the legend is bottom left).
void ViewInput::draw_orientation_marker(const ViewArea& area, float scale) const {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const render::Camera& cam = state_.camera.camera();
  const glm::vec3 forward = glm::normalize(cam.target - cam.eye);
  const glm::vec3 right = glm::normalize(glm::cross(forward, cam.up));
  const glm::vec3 up = glm::cross(right, forward);
  const float r = 34.0f * scale;
  const ImVec2 c(vp->Pos.x + vp->Size.x - r - 30.0f * scale, vp->Pos.y + vp->Size.y - area.bottom - r - 84.0f * scale);
  struct Axis {
    glm::vec3 dir;
    const char *plus, *minus;
    ImU32 colour;
  };
  // Patient directions: +X left, +Y superior, +Z anterior (mesh/reconstruction/lesion_frame.cpp).
  const Axis axes[] = {{{0, 1, 0}, "S", "I", im_colour32(palette::kAxisSuperior)},
                       {{0, 0, 1}, "A", "P", im_colour32(palette::kAxisAnterior)},
                       {{1, 0, 0}, "L", "R", im_colour32(palette::kAxisLeft)}};
  dl->AddCircleFilled(c, r + 14.0f * scale, im_colour32(palette::kMarkerDisc));
  for (const Axis& a : axes) {
    const ImVec2 d(glm::dot(a.dir, right) * r, -glm::dot(a.dir, up) * r);
    dl->AddLine(ImVec2(c.x - d.x, c.y - d.y), ImVec2(c.x + d.x, c.y + d.y), (a.colour & 0x00FFFFFFu) | 0x60000000u, 1.5f);
    dl->AddLine(c, ImVec2(c.x + d.x, c.y + d.y), a.colour, 2.5f);
    // An axis seen nearly end-on would put its letters on the centre, over the others: it shows
    // only the letter of the side facing the viewer, at the centre.
    if (std::hypot(d.x, d.y) > 0.35f * r) {
      dl->AddText(ImVec2(c.x + d.x * 1.25f - 4.0f, c.y + d.y * 1.25f - 7.0f), a.colour, a.plus);
      dl->AddText(ImVec2(c.x - d.x * 1.25f - 4.0f, c.y - d.y * 1.25f - 7.0f), (a.colour & 0x00FFFFFFu) | 0x90000000u, a.minus);
    } else {
      dl->AddText(ImVec2(c.x + 6.0f, c.y + 4.0f), a.colour, glm::dot(a.dir, forward) < 0.0f ? a.plus : a.minus);
    }
  }
}

void ViewInput::draw_ruler(const ViewArea& area, float scale) const {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  if (ruler_) {
    std::vector<ImVec2> pts;
    for (const auto& p : ruler_->path)
      if (auto q = to_screen(area, glm::vec3(p))) pts.push_back(*q);
    if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), im_colour32(palette::kRuler), 0, 2.5f);
    const auto a = to_screen(area, glm::vec3(ruler_->a)), b = to_screen(area, glm::vec3(ruler_->b));
    if (a && b) {
      dl->AddLine(*a, *b, im_colour32(palette::kRuler, 0.43f), 1.0f);
      const std::string text =
          "along the skin " + fixed(ruler_->along_skin_mm / 10.0, 1) + " cm · straight " + fixed(ruler_->straight_mm / 10.0, 1) + " cm";
      const ImVec2 m((a->x + b->x) / 2.0f + 8.0f, (a->y + b->y) / 2.0f + 8.0f);
      const ImVec2 size = ImGui::CalcTextSize(text.c_str());
      dl->AddRectFilled(ImVec2(m.x - 4, m.y - 2), ImVec2(m.x + size.x + 4, m.y + size.y + 2), im_colour32(palette::kRulerBacking), 3.0f);
      dl->AddText(m, im_colour32(palette::kText), text.c_str());
    }
  } else if (ruler_mode_) {
    dl->AddText(ImVec2(vp->Pos.x + area.left + 16.0f * scale, vp->Pos.y + area.top + 90.0f * scale), im_colour32(palette::kRuler),
                ruler_points_.empty() ? "Ruler: click the first point on the skin (M or Esc to stop)" : "Ruler: click the second point");
  }
}

}  // namespace mv::app
