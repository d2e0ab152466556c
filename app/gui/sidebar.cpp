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
      {"Case", false, draw_case_panel},
      {"Measurements", true, draw_measurements_panel},
      {"Timeline", true, draw_timeline_panel},
      {"View", true, draw_view_panel},
      {"Metrics", false, draw_metrics_panel},
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
