// The measurements panel: an editable table of dated ruler measurements, with each row's
// validation messages right under it.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui_state.hpp"
#include "number_input.hpp"

namespace mv::app {

void draw_measurements_panel(CaseDocument& doc) {
  Case& c = doc.edit();
  bool changed = false;
  int remove = -1;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("X along 3-9 o'clock and Y along 12-6, along the skin (cm); depth below and exophytic height above the skin (mm)");
  ImGui::PopStyleColor();
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("measurements", 7, flags)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("day", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("X cm", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Y cm", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("depth mm", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("exo mm", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
    // Headers cut short by a narrow sidebar say in full what they mean when pointed at.
    static const char* const full[] = {"label of the measurement (consultation, preoperative, ...)",
                                       "day offset or ISO date",
                                       "X: along the skin, 3 to 9 o'clock (cm)",
                                       "Y: along the skin, 12 to 6 o'clock (cm)",
                                       "depth below the skin (mm)",
                                       "exophytic height above the skin (mm)",
                                       "delete the measurement"};
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col < 7; ++col) {
      ImGui::TableSetColumnIndex(col);
      ImGui::TableHeader(ImGui::TableGetColumnName(col));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full[col]);
    }
    for (size_t i = 0; i < c.measurements.size(); ++i) {
      auto& m = c.measurements[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-FLT_MIN);
      changed |= ImGui::InputText("##label", &m.label);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (m.date.day) {
        int d = *m.date.day;
        if (ImGui::InputInt("##day", &d, 0)) m.date.day = d, changed = true;
      } else {
        std::string iso = m.date.iso.value_or("");
        if (ImGui::InputText("##date", &iso)) m.date.iso = iso, changed = true;
      }
      auto number = [&](const char* id, double& v, const char* fmt) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        changed |= input_number(id, v, fmt);
      };
      number("##x", m.x_cm, "%.2f");
      number("##y", m.y_cm, "%.2f");
      auto optional_number = [&](const char* id, std::optional<double>& v, double fallback, const char* hint) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        double value = v.value_or(fallback);
        if (!v) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (input_number(id, value, "%.1f")) v = value, changed = true;
        if (!v) {
          ImGui::PopStyleColor();
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hint);
        }
      };
      optional_number("##depth", m.thickness_mm, default_tumour_depth_mm(c.site, tissue_of(c)),
                      "Not measured: the site default, the base of the subcutis (62.6% of DFSP are confined to the subcutis, Serra-Guillén 2016). "
                      "Type a value to set it.");
      optional_number("##exo", m.exophytic_mm, 0.0, "Not measured: flat. Type a height above the skin to set it.");
      ImGui::TableNextColumn();
      ImGui::BeginDisabled(c.measurements.size() <= 1);
      if (ImGui::SmallButton("x")) remove = static_cast<int>(i);
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Remove this measurement");
      ImGui::EndDisabled();
      const auto row_issues = doc.issues_under("measurements[" + std::to_string(i) + "]");
      if (!row_issues.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        draw_issue_lines(row_issues);
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (remove >= 0) {
    c.measurements.erase(c.measurements.begin() + remove);
    changed = true;
  }
  if (ImGui::Button("Add measurement")) {
    Measurement m = c.measurements.empty() ? Measurement{} : c.measurements.back();
    m.label = "measurement " + std::to_string(c.measurements.size() + 1);
    if (m.date.day) m.date.day = *m.date.day + 30;
    m.extra = nlohmann::json::object();
    if (c.measurements.empty()) m.date.day = 0, m.x_cm = 2.0, m.y_cm = 2.0;
    c.measurements.push_back(m);
    changed = true;
  }
  draw_issue_lines(doc.issues_under("measurements"));
  if (changed) doc.changed();
}

}  // namespace mv::app
