// The metrics panel: per measurement sizes from the ruler and from the mesh; the reduction by four
// methods, each named for what it is, and the response category as trials name it; for a
// recurrent or fibrosarcomatous tumour, the published recurrence figures with their sources.
#include <imgui.h>

#include "clinical/response.hpp"
#include "gui_state.hpp"

namespace mv::app {

void draw_metrics_panel(const Case* shown, const std::optional<CaseMetrics>& metrics) {
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
    ImGui::BulletText("area X·Y: %.1f %%", r.area_xy_percent);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The product of the ruler's X and Y. Han 2009 reports a size reduction without saying how it was computed.");
    ImGui::BulletText("longest axis: %.1f %%", r.longest_axis_percent);
    ImGui::BulletText("mean of axes: %.1f %%", r.mean_axes_percent);
    ImGui::BulletText("volume (reconstructed): %.1f %%", r.volume_percent);
    if (shown)
      if (const auto resp = recist_response(*shown)) {
        ImGui::Text("Response: %s", response_name(resp->category).c_str());
        caption("%s: %.1f → %.1f cm, %+.1f %%. %s.", kRecistMethod, resp->longest_before_cm, resp->longest_after_cm, resp->change_percent,
                kRecistThresholds);
      }
    caption("Ugurel 2014: shrinkage does not yet justify smaller margins.");
  }
  if (!shown) return;
  if (const auto figures = recurrence_context(*shown); !figures.empty()) {
    section_heading("Published recurrence figures");
    for (const auto& f : figures) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s (%s)", f.figure.c_str(), f.source.c_str());
    }
    caption("%s.", kRecurrenceNote);
  }
}

}  // namespace mv::app
