// The timeline: a slider from the first to the last measurement; the tumour morphs between them.
#include <imgui.h>

#include "gui_state.hpp"
#include "reconstruction/timeline.hpp"

namespace mv::app {

void draw_timeline_panel(const CaseSession& session, TimePoint& time, bool& time_changed) {
  const Case& c = session.current_case();
  if (c.measurements.size() < 2) {
    ImGui::TextDisabled("One measurement: nothing to morph between.");
    return;
  }
  float t = static_cast<float>(session.state().fraction);
  // The slider shows the state's label through a printf format: a "%" the user typed in a
  // measurement label must be printed, not read as a conversion.
  std::string shown;
  for (char ch : session.state().label) shown += ch == '%' ? std::string("%%") : std::string(1, ch);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderFloat("##time", &t, 0.0f, 1.0f, shown.c_str(), ImGuiSliderFlags_AlwaysClamp)) {
    time = {std::nullopt, t};
    time_changed = true;
  }
  for (size_t i = 0; i < c.measurements.size(); ++i) {
    const auto& m = c.measurements[i];
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(m.label.c_str())) {
      time = {i, fraction_of(c, i)};
      time_changed = true;
    }
    ImGui::PopID();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: X %.2f × Y %.2f cm", m.date.describe().c_str(), m.x_cm, m.y_cm);
  }
  // Always drawn (brighter between measurements), so that the controls below never move.
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(session.state().interpolated ? ImGuiCol_Text : ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Between measurements the size is interpolated linearly in time: an assumption (no published shrinkage curve).");
  ImGui::PopStyleColor();
}

}  // namespace mv::app
