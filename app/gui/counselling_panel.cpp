// The counselling view's panel (issue 14): what a patient across the desk reads — large type, few
// words (the counselling module's text, as the handout has it), before and after with a play
// button, the wound beside a bank card drawn to the same scale with the scar estimate, and the
// chance as 100 people.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "clinical/counselling.hpp"
#include "clinical/metrics.hpp"
#include "gui_colours.hpp"
#include "gui_state.hpp"
#include "palette.hpp"

namespace mv::app {
namespace {

constexpr double kPlaySeconds = 3.0;  // the morph, as `animate` runs it by default

// The wound (an ellipse X × Y cm), a bank card (8.6 × 5.4 cm) and the scar line, at one scale.
void draw_to_scale(const CounsellingText& t, float width) {
  const float card_w = 8.6f, card_h = 5.4f;
  const float wx = static_cast<float>(t.wound_x_cm), wy = static_cast<float>(t.wound_y_cm);
  const float scar = t.scar_high_cm ? static_cast<float>(*t.scar_high_cm) : 0.0f;
  const float span_cm = std::max({wx + card_w + 2.0f, scar + 1.0f, 12.0f});
  const float px = std::min(width / span_cm, 190.0f / std::max({wy, card_h, 1.0f}));  // at most ~190 px tall
  const float height = std::max({wy, card_h, 1.0f}) * px + (scar > 0.0f ? 40.0f : 10.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float mid = o.y + std::max(wy, card_h) * px / 2.0f;
  // The wound.
  const ImVec2 wc(o.x + wx * px / 2.0f, mid);
  std::vector<ImVec2> rim;  // ImGui 1.86 has no ellipse primitive
  for (int k = 0; k < 48; ++k) {
    const float a = 6.2831853f * static_cast<float>(k) / 48.0f;
    rim.push_back(ImVec2(wc.x + wx * px / 2.0f * std::cos(a), wc.y + wy * px / 2.0f * std::sin(a)));
  }
  dl->AddConvexPolyFilled(rim.data(), static_cast<int>(rim.size()), im_colour32(palette::kNotClear, 0.35f));
  dl->AddPolyline(rim.data(), static_cast<int>(rim.size()), im_colour32(palette::kNotClear, 1.0f), ImDrawFlags_Closed, 2.0f);
  dl->AddText(ImVec2(o.x, o.y), im_colour32(palette::kText, 1.0f), "the wound");
  // The card.
  const ImVec2 c0(o.x + (wx + 2.0f) * px, mid - card_h * px / 2.0f), c1(c0.x + card_w * px, c0.y + card_h * px);
  dl->AddRect(c0, c1, im_colour32(palette::kText, 1.0f), 0.4f * px, 0, 2.0f);
  dl->AddText(ImVec2(c0.x + 6.0f, c0.y + 6.0f), im_colour32(palette::kText, 1.0f), "a bank card");
  if (scar > 0.0f) {  // the longest scar of the estimate, as a line
    const float y = o.y + std::max(wy, card_h) * px + 24.0f;
    dl->AddLine(ImVec2(o.x, y), ImVec2(o.x + scar * px, y), im_colour32(palette::kCaution, 1.0f), 3.0f);
    dl->AddText(ImVec2(o.x, y + 4.0f), im_colour32(palette::kCaution, 1.0f), "the longest scar of the guess");
  }
  ImGui::Dummy(ImVec2(width, height + 20.0f));
}

// 100 people in ten rows of ten, the first `filled` coloured: grouped, not scattered.
void draw_hundred(int filled, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float cell = std::min(28.0f, width / 10.0f);
  for (int i = 0; i < 100; ++i) {
    const ImVec2 c(o.x + cell * (static_cast<float>(i % 10) + 0.5f), o.y + cell * (static_cast<float>(i / 10) + 0.5f));
    const ImU32 colour = i < filled ? im_colour32(palette::map::kResultClear, 1.0f) : im_colour32(palette::kText, 0.25f);
    dl->AddCircleFilled(ImVec2(c.x, c.y - cell * 0.22f), cell * 0.16f, colour);
    dl->AddCircleFilled(ImVec2(c.x, c.y + cell * 0.2f), cell * 0.26f, colour);
  }
  ImGui::Dummy(ImVec2(cell * 10.0f, cell * 10.0f + 6.0f));
}

}  // namespace

void draw_counselling_panel(GuiState& s, double now_s) {
  const Case& c = s.session.current_case();
  const CaseMetrics metrics = metrics_of(c, s.session.measurement_solids());
  const std::optional<PlanRequest> plan = shown_plan(s);
  const PlannedExcision* planned = nullptr;
  try {
    if (plan) planned = &s.session.plan(*plan);
  } catch (const PlacementError&) {
  }
  const CounsellingText t = counselling_text(c, metrics, c.mohs && !c.mohs->stages.empty() ? s.session.mohs() : nullptr, planned);
  const float width = ImGui::GetContentRegionAvail().x;

  ImGui::SetWindowFontScale(1.45f);
  ImGui::TextWrapped("%s", t.title.c_str());
  ImGui::SetWindowFontScale(1.2f);
  // Before, after, and the change between them.
  const size_t last = c.measurements.size() - 1;
  if (last > 0) {
    ImGui::Checkbox("Side by side##counsel", &s.counsel_side_by_side);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Left: the first visit. Right: before surgery. Turning one turns both.");
    ImGui::SameLine();
  }
  if (ImGui::Button("First visit##counsel"))
    s.time = {size_t{0}, 1.0}, s.time_changed = true, s.counsel_play_start = -1.0, s.counsel_side_by_side = false;
  ImGui::SameLine();
  if (last > 0 && ImGui::Button("Before surgery##counsel"))
    s.time = {last, 1.0}, s.time_changed = true, s.counsel_play_start = -1.0, s.counsel_side_by_side = false;
  ImGui::SameLine();
  if (last > 0 && ImGui::Button("Play the change##counsel")) s.counsel_play_start = now_s;
  ImGui::SameLine();
  const bool body = s.view.mode == ViewMode::Body;
  if (ImGui::Button(body ? "Close up##counsel" : "Whole body##counsel"))
    s.view.mode = body ? ViewMode::ThreeD : ViewMode::Body, s.camera_reset_requested = true;
  if (s.counsel_play_start >= 0.0) {
    const double f = std::clamp((now_s - s.counsel_play_start) / kPlaySeconds, 0.0, 1.0);
    s.time = {std::nullopt, f};
    s.time_changed = true;
    if (f >= 1.0) s.counsel_play_start = -1.0;
  }
  for (const auto& section : t.sections) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kCaution));
    ImGui::TextWrapped("%s", section.heading.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", section.text().c_str());
    if (section.heading == "The wound" && t.wound_x_cm > 0.0) draw_to_scale(t, width);
  }
  if (t.chance) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kCaution));
    ImGui::TextWrapped("Your chances, as 100 people");
    ImGui::PopStyleColor();
    draw_hundred(t.chance->of_100, width);
    ImGui::TextWrapped("%s %s", t.chance->sentence.c_str(), t.chance->range_sentence.c_str());
  }
  ImGui::SetWindowFontScale(1.0f);
  ImGui::Spacing();
  for (const auto& [word, meaning] : t.glossary) ImGui::TextWrapped("%s: %s", word.c_str(), meaning.c_str());
  ImGui::TextDisabled("Reading grade (Flesch-Kincaid) %.1f. C or the button below: back to the panels.", flesch_kincaid_grade(t.all_text()));
  if (ImGui::Button("Back to the panels (C)##counsel")) s.counselling = false, s.view.mode = ViewMode::ThreeD, s.camera_reset_requested = true;
}

}  // namespace mv::app
