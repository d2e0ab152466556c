#include "help_overlay.hpp"

#include <imgui.h>

#include "shortcuts.hpp"

namespace mv::app {

void draw_help_overlay(bool& open, float scale) {
  if (!open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.94f);
  if (ImGui::Begin("Keys and mouse (H or F1 to close)", &open,
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      for (const Shortcut& s : shortcuts()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(s.keys);
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 520.0f * scale);
        ImGui::TextUnformatted(s.action);
        ImGui::PopTextWrapPos();
      }
      ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("For illustration, counselling and teaching — not for clinical decisions.");
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) open = false;
  }
  ImGui::End();
}

void draw_about(bool& open, float scale) {
  if (open) ImGui::OpenPopup("About marginviz");
  if (!ImGui::BeginPopupModal("About marginviz", &open, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("marginviz %s", MARGINVIZ_VERSION);
  ImGui::PushTextWrapPos(560.0f * scale);
  ImGui::TextWrapped(
      "Ruler measurements of a dermatofibrosarcoma protuberans and its Mohs stages, drawn as 3D solids over the anatomy: "
      "how much the tumour shrank on imatinib, how far it reached and how large the defect will be.");
  ImGui::Spacing();
  ImGui::TextWrapped(
      "For illustration, counselling and teaching — not for clinical decisions. Every probability comes from small "
      "published series; its sources and assumptions are in docs/model.md. The bundled cases are illustrative "
      "reconstructions, not patient data.");
  ImGui::Spacing();
  ImGui::TextDisabled("Dear ImGui %s · GLFW %s", ImGui::GetVersion(), "3.3");
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Close")) open = false, ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace mv::app
