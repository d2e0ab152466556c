// The view panel: 3D or section, skin opacity, which layers show, the cut's clock axis, labels.
#include <imgui.h>

#include "gui_state.hpp"
#include "options_table.hpp"
#include "palette.hpp"

namespace mv::app {

void draw_view_panel(ViewSettings& v, CaseSession& session, bool& camera_reset_requested, bool& screenshot_requested) {
  int mode = static_cast<int>(v.mode);
  const int before = mode;
  ImGui::RadioButton("3D", &mode, static_cast<int>(ViewMode::ThreeD));
  ImGui::SameLine();
  ImGui::RadioButton("Section", &mode, static_cast<int>(ViewMode::Section));
  ImGui::SameLine();
  ImGui::RadioButton("Whole body", &mode, static_cast<int>(ViewMode::Body));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Where on the body the lesion is, ringed: a neutral adult body, not the patient's.");
  if (mode != before) {
    v.mode = static_cast<ViewMode>(mode);
    camera_reset_requested = true;
  }
  if (v.mode == ViewMode::Body) {
    // No layers here: the body is the skin alone.
    ImGui::TextWrapped("The whole body, the lesion ringed. Switch to 3D or Section for the layers and the margins.");
    ImGui::Checkbox("legend and notes", &v.legend);
    if (ImGui::Button("Reset view (R)")) camera_reset_requested = true;
    ImGui::SameLine();
    if (ImGui::Button("Screenshot (F12)")) screenshot_requested = true;
    return;
  }
  if (v.mode == ViewMode::ThreeD) {
    const OptionSpec& opacity = option("--skin-opacity");
    ImGui::SliderFloat("skin opacity", &v.skin_opacity, static_cast<float>(opacity.min), static_cast<float>(opacity.max), "%.2f",
                       ImGuiSliderFlags_AlwaysClamp);
  } else {
    float clock = static_cast<float>(v.section_clock);
    // The camera turns with the cut, so that the cut face is always seen face on (as `render` frames it).
    if (ImGui::SliderFloat("cut along", &clock, 0.0f, 12.0f, "%.1f o'clock", ImGuiSliderFlags_AlwaysClamp))
      v.section_clock = clock, camera_reset_requested = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The cut runs through the lesion centre along this clock axis (3 = the 3-9 axis).");
  }
  const auto& layers = session.site_model().anatomy.layers;
  v.layer_hidden.resize(layers.size(), false);
  v.highlight_layer = -1;
  for (size_t i = 0; i < layers.size(); ++i) {
    const auto c = palette::tissue(layers[i].kind);
    ImGui::ColorButton(("##swatch" + layers[i].name).c_str(), ImVec4(c[0], c[1], c[2], 1.0f), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    ImGui::SameLine();
    bool shown = !v.layer_hidden[i];
    if (ImGui::Checkbox(layers[i].name.c_str(), &shown)) v.layer_hidden[i] = !shown;
    if (ImGui::IsItemHovered()) v.highlight_layer = static_cast<int>(i);
  }
  ImGui::Checkbox("dimension labels", &v.labels);
  ImGui::SameLine();
  ImGui::Checkbox("pre-treatment ghost", &v.ghost);
  ImGui::Checkbox("legend and notes", &v.legend);
  if (ImGui::Button("Reset view (R)")) camera_reset_requested = true;
  ImGui::SameLine();
  if (ImGui::Button("Screenshot (F12)")) screenshot_requested = true;
}

}  // namespace mv::app
