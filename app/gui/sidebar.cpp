#include "sidebar.hpp"

#include <imgui.h>

namespace mv::app {

void draw_sidebar_panels(GuiState& s, bool open_all) {
  struct Panel {
    const char* title;
    bool open_by_default;
    void (*draw)(GuiState&);
  };
  static const Panel panels[] = {
      {"Case", false, [](GuiState& s) { draw_case_panel(s.doc, s.place_by_click, s.camera_reset_requested); }},
      {"Measurements", true, [](GuiState& s) { draw_measurements_panel(s.doc); }},
      {"Timeline", true, [](GuiState& s) { draw_timeline_panel(s.session, s.time, s.time_changed); }},
      {"View", true, [](GuiState& s) { draw_view_panel(s.view, s.session, s.camera_reset_requested, s.screenshot_requested); }},
      {"Metrics", false, [](GuiState& s) { draw_metrics_panel(s.session.has_case() ? &s.session.current_case() : nullptr, s.metrics); }},
      {"Mohs stages", true, draw_mohs_panel},
      {"Planning and teaching", false, draw_plan_panel},
  };
  for (const Panel& p : panels) {
    if (open_all) ImGui::SetNextItemOpen(true);
    else if (!s.focus_panel.empty())
      ImGui::SetNextItemOpen(s.focus_panel == p.title);
    if (!ImGui::CollapsingHeader(p.title, p.open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0)) continue;
    ImGui::PushID(p.title);
    p.draw(s);
    ImGui::PopID();
  }
  s.focus_panel.clear();
}

}  // namespace mv::app
