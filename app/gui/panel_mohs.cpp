// The Mohs panel: a clock-face map per stage to enter results by clicking blocks, the stage's
// margin and depth, and the stages shown in 3D. Hovering a block outlines it in 3D too.
#include <cstdio>

#include <imgui.h>
#include "gui_colours.hpp"
#include <imgui_stdlib.h>

#include "gui_state.hpp"
#include "image.hpp"
#include "png_file.hpp"
#include "mohs_editing.hpp"
#include "mohs_map.hpp"
#include "case/validation.hpp"
#include "number_input.hpp"

namespace mv::app {
namespace {

// Who took the step and how it was read.
void procedure_controls(MohsStage& st, bool& changed) {
  int procedure = static_cast<int>(st.procedure);
  if (ImGui::Combo("procedure", &procedure, "Mohs stage\0excision by another team\0"))
    st.procedure = static_cast<Procedure>(procedure), changed = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("An excision by another team (e.g. surgical oncology): its margins as its pathology report gave them.");
  if (st.procedure == Procedure::Excision && ImGui::InputText("by", &st.performed_by)) changed = true;
  int processing = st.processing ? 1 + static_cast<int>(*st.processing) : 0;
  if (ImGui::Combo("sections", &processing, "not recorded\0frozen\0paraffin (slow Mohs)\0")) {
    st.processing = processing == 0 ? std::nullopt : std::optional(static_cast<Processing>(processing - 1));
    changed = true;
  }
  std::string stain = st.stain.value_or("");
  if (ImGui::InputText("stain", &stain)) st.stain = stain.empty() ? std::nullopt : std::optional(stain), changed = true;
}

// The closure once the margins are clear (the case's surgery record).
void closure_controls(Case& c, bool& changed) {
  section_heading("Closure");
  int method = c.surgery && c.surgery->closure ? 1 + static_cast<int>(c.surgery->closure->method) : 0;
  if (ImGui::Combo("closure", &method, "not recorded\0primary\0flap\0graft\0delayed\0secondary intention\0")) {
    if (method == 0) {
      if (c.surgery) c.surgery->closure.reset();
    } else {
      if (!c.surgery) c.surgery = SurgeryRecord{};
      if (!c.surgery->closure) c.surgery->closure = Closure{};
      c.surgery->closure->method = static_cast<ClosureMethod>(method - 1);
    }
    changed = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Flaps and extensive undermining wait until every margin is confirmed clear (docs/sources.md §8).");
  if (c.surgery && !c.surgery->steps.empty()) {
    caption("The surgery in order:");
    for (const auto& step : c.surgery->steps) {
      const bool known =
          step.kind == SurgeryStep::Kind::Stage && c.mohs && step.stage >= 1 && static_cast<size_t>(step.stage) <= c.mohs->stages.size();
      std::string line = step.kind == SurgeryStep::Kind::Debulking ? "debulking"
                         : known                                   ? stage_name(*c.mohs, static_cast<size_t>(step.stage - 1))
                                                                   : "?";
      if (!step.by.empty()) line += " by " + step.by;
      if (!step.note.empty()) line += " — " + step.note;
      caption("  %s", line.c_str());
    }
  }
}

void stage_controls(GuiState& s, Case& c, MohsStage& st, bool& changed) {
  const int index = s.mohs_stage;
  procedure_controls(st, changed);
  if (!st.deep_only || index == 0) {
    if (drag_number("stage margin", st.margin_cm, 0.05f, 0.1, 10.0, "%.2f cm"))
      st.margin_cm = std::round(st.margin_cm * 100.0) / 100.0, changed = true;
  }
  if (index > 0) {
    if (ImGui::Checkbox("deep only", &st.deep_only)) {
      st.margin_cm = st.deep_only ? 0.0 : 1.0;
      changed = true;
    }
    ImGui::SameLine();
    changed |= ImGui::Checkbox("surgeon's choice", &st.surgeons_choice);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Taken where the previous stage was clear, on purpose.");
  }
  const std::string current = st.plane ? plane_key(*st.plane) : (st.depth_mm ? "depth in mm" : "?");
  if (ImGui::BeginCombo("depth", current.c_str())) {
    for (auto p : planes_at(c.site))
      if (ImGui::Selectable(plane_key(p).c_str(), st.plane == p)) st.plane = p, st.depth_mm.reset(), changed = true;
    if (ImGui::Selectable("depth in mm", !st.plane)) st.plane.reset(), st.depth_mm = st.depth_mm.value_or(10.0), changed = true;
    ImGui::EndCombo();
  }
  if (!st.plane && st.depth_mm) {
    if (drag_number("depth mm", *st.depth_mm, 0.1f, 0.1, limits::kMaxThicknessMm, "%.1f mm")) changed = true;
  }
}

}  // namespace

bool add_next_stage(GuiState& s) {
  Case& c = s.doc.edit();
  auto next = next_stage_from_open(*c.mohs, c.site, new_stage_date(c, today_iso()));
  if (!next) return false;
  c.mohs->stages.push_back(std::move(*next));
  stage_added(c);
  s.mohs_stage = static_cast<int>(c.mohs->stages.size()) - 1;
  return true;
}

void draw_mohs_panel(GuiState& s) {
  Case& c = s.doc.edit();
  bool changed = false;
  if (!c.mohs || c.mohs->stages.empty()) {
    ImGui::TextWrapped("No Mohs stages recorded.");
    if (ImGui::Button("Start a Mohs record (stage 1, blocks A-D)")) {
      c.mohs = MohsRecord{{first_stage(c.site, new_stage_date(c, today_iso()))}, "", {}};
      s.mohs_stage = 0;
      s.view.mohs = true;
      s.doc.changed();
    }
    return;
  }
  auto& stages = c.mohs->stages;
  s.mohs_stage = std::clamp(s.mohs_stage, 0, static_cast<int>(stages.size()) - 1);
  for (int k = 0; k < static_cast<int>(stages.size()); ++k) {
    if (k > 0) ImGui::SameLine();
    std::string name = stage_name(*c.mohs, static_cast<size_t>(k));
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    name += "##stage" + std::to_string(k);  // unique even where two excisions read alike
    if (ImGui::RadioButton(name.c_str(), s.mohs_stage == k)) s.mohs_stage = k;
  }
  MohsStage& st = stages[static_cast<size_t>(s.mohs_stage)];

  // The map: drawn on the CPU exactly as exported, shown as a texture, clicked to enter results.
  const MohsReconstruction* rec = s.session.mohs();
  std::optional<double> depth;
  if (rec && s.mohs_stage < static_cast<int>(rec->stage_depth_mm.size())) depth = rec->stage_depth_mm[static_cast<size_t>(s.mohs_stage)];
  // The block pointed at, here or in the 3D view, is outlined on the map.
  const int highlight = s.view.highlight_stage == s.mohs_stage ? s.view.highlight_block : -1;
  const std::string key = std::to_string(s.doc.revision()) + "/" + std::to_string(s.mohs_stage) + "/" + std::to_string(highlight) + "/" +
                          std::to_string(depth.value_or(-1.0));
  const MohsMapLayout layout = MohsMapLayout::for_stage(st);
  if (key != s.map_key && s.upload_texture) {
    s.map_texture = s.upload_texture(draw_mohs_map({&c, s.mohs_stage, depth, highlight}, layout).image(), s.map_texture);
    s.map_key = key;
  }
  const float w = ImGui::GetContentRegionAvail().x;
  const float scale = w / static_cast<float>(layout.width);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("map", ImVec2(w, layout.height * scale));
  if (s.map_texture)
    ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(s.map_texture)), origin, ImGui::GetItemRectMax());
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetMousePos();
    MohsMapLayout::Hit hit = layout.hit(st, {(m.x - origin.x) / scale, (m.y - origin.y) / scale});
    if (hit.block >= 0) {
      s.view.highlight_stage = s.mohs_stage;
      s.view.highlight_block = hit.block;
      MohsBlock& b = st.blocks[static_cast<size_t>(hit.block)];
      // A deep-only layer's ring has no peripheral margin to read: a click there is taken as the deep one.
      if (!takes_periphery(st.layer_of(b))) hit.deep = true;
      ImGui::SetTooltip("Block %s, %.1f to %.1f o'clock\nperipheral: %s, deep: %s\nclick: change the %s result; right-click: more", b.label.c_str(),
                        b.span.from, b.span.to, result_key(b.peripheral).c_str(), result_key(b.deep).c_str(), hit.deep ? "deep" : "peripheral");
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        MarginResult& r = hit.deep ? b.deep : b.peripheral;
        r = next_result(r);
        changed = true;
      }
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        ImGui::OpenPopup("block");
        s.popup_block = hit.block;
      }
    }
  }
  if (ImGui::BeginPopup("block")) {
    const size_t index = static_cast<size_t>(s.popup_block);
    if (index < st.blocks.size()) {
      MohsBlock& b = st.blocks[index];
      ImGui::Text("Block %s", b.label.c_str());
      changed |= ImGui::InputText("label", &b.label);
      for (auto [title, result] : {std::pair{"peripheral", &b.peripheral}, std::pair{"deep", &b.deep}}) {
        int v = static_cast<int>(*result);
        if (ImGui::Combo(title, &v, "clear\0positive\0close\0indeterminate\0pending\0")) *result = static_cast<MarginResult>(v), changed = true;
      }
      if (ImGui::MenuItem("Split block")) split_block(st, index), changed = true, ImGui::CloseCurrentPopup();
      if (ImGui::MenuItem("Merge with the next block")) {
        if (merge_with_next(st, index)) changed = true;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndPopup();
  }

  ImGui::PushID(s.mohs_stage);
  stage_controls(s, c, st, changed);
  ImGui::PopID();
  if (ImGui::Button("Next stage over open margins")) {
    if (add_next_stage(s)) changed = true;
    else
      s.status = "Every margin of every stage is clear: no further stage.";
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("One block per open span, of the kind it needs: a peripheral wedge, a deep-only layer, or both.\nIts slides start as pending.");
  ImGui::SameLine();
  if (ImGui::Button("Delete stage")) {
    stages.erase(stages.begin() + s.mohs_stage);
    stage_removed(c, s.mohs_stage);
    if (stages.empty()) c.mohs.reset();
    s.mohs_stage = std::max(0, s.mohs_stage - 1);
    changed = true;
  }
  // The same drawing as a PNG, an SVG or a PDF (vector, its text searchable), next to the case.
  ImGui::TextUnformatted("Export this map:");
  for (const char* ext : {"png", "svg", "pdf"}) {
    ImGui::SameLine();
    std::string label = ext;
    for (auto& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!ImGui::Button(label.c_str())) continue;
    const auto out = s.doc.path().parent_path() / (c.case_id + "-mohs-stage-" + std::to_string(s.mohs_stage + 1) + "." + ext);
    try {
      save_mohs_map({&c, s.mohs_stage, depth, -1}, out);
      s.status = "Map saved: " + out.string();
    } catch (const std::exception& e) {
      s.status = e.what();
    }
  }
  draw_issue_lines(s.doc.issues_under("mohs"));
  closure_controls(c, changed);
  draw_issue_lines(s.doc.issues_under("surgery"));

  section_heading("3D");
  if (ImGui::Checkbox("show the Mohs stages", &s.view.mohs)) s.camera_reset_requested = true;
  if (c.mohs && s.view.mohs) {
    int through = s.view.through_stage.value_or(static_cast<int>(stages.size()));
    if (ImGui::SliderInt("through stage", &through, 1, static_cast<int>(stages.size()), "%d", ImGuiSliderFlags_AlwaysClamp))
      s.view.through_stage = through;
    if (rec) {
      ImGui::TextWrapped("Final defect %.1f × %.1f cm, %.1f cm², depth %.1f mm (%s)", rec->extent_x_cm, rec->extent_y_cm, rec->final_defect_area_cm2,
                         rec->max_depth_mm, rec->deepest_layer.c_str());
      ImGui::TextWrapped("Largest margin from the clinical edge: %.1f cm", rec->largest_margin_cm);
      ImGui::PushStyleColor(ImGuiCol_Text, im_colour(rec->clear ? palette::kClearText : palette::kNotClearText));
      ImGui::TextWrapped("%s", rec->completeness.summary().c_str());
      ImGui::PopStyleColor();
      std::string hours;
      for (int h = 0; h < 12; ++h) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%s%d: %.1f", h ? ", " : "", h + 1, rec->margin_at_hour_cm[static_cast<size_t>(h)]);
        hours += buf;
      }
      ImGui::TextWrapped("Margin by clock hour (cm): %s", hours.c_str());
    }
  }
  if (changed) s.doc.changed();
}

}  // namespace mv::app
