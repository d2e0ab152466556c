// The metrics panel: per measurement sizes from the ruler and from the mesh, and the reduction
// by four methods, the default (area X·Y, as in Han 2009) marked.
#include <imgui.h>

#include "gui_state.hpp"

namespace mv::app {

void draw_metrics_panel(const std::optional<CaseMetrics>& metrics) {
  if (!metrics) {
    caption("No metrics: the case has errors.");
    return;
  }
  const auto& m = *metrics;
  if (ImGui::BeginTable("metrics", 6, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg)) {
    for (const char* h : {"", "X×Y cm", "ellipse cm²", "on mesh cm²", "volume cm³", "depth mm"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& r : m.measurements) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.label.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.2f×%.2f", r.x_cm, r.y_cm);
      ImGui::TableNextColumn();
      ImGui::Text("%.2f", r.area_cm2);
      ImGui::TableNextColumn();
      ImGui::Text("%.2f", r.footprint_area_cm2);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Footprint measured along the curved skin on the reconstructed mesh");
      ImGui::TableNextColumn();
      ImGui::Text("%.2f", r.volume_cm3);
      ImGui::TableNextColumn();
      ImGui::Text("%.1f%s", r.depth_mm, r.depth_is_site_default ? "*" : "");
      if (r.depth_is_site_default && ImGui::IsItemHovered()) ImGui::SetTooltip("Site default: base of the subcutis (Serra-Guillén 2016)");
    }
    ImGui::EndTable();
  }
  if (m.reduction) {
    const auto& r = *m.reduction;
    ImGui::Text("Reduction, %s → %s:", r.from_label.c_str(), r.to_label.c_str());
    ImGui::BulletText("area X·Y: %.1f %%  (default, as in Han 2009)", r.area_xy_percent);
    ImGui::BulletText("longest axis: %.1f %%", r.longest_axis_percent);
    ImGui::BulletText("mean of axes: %.1f %%", r.mean_axes_percent);
    ImGui::BulletText("volume (reconstructed): %.1f %%", r.volume_percent);
    caption("Ugurel 2014: shrinkage does not yet justify smaller margins.");
  }
}

}  // namespace mv::app
