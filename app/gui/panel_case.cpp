// The case panel: identity, site, presentation, where the lesion sits, the imatinib course and the
// pathology (histology, the COL1A1-PDGFB translocation).
#include <cstdarg>
#include <cstdio>

#include <imgui.h>
#include "gui_colours.hpp"
#include <imgui_stdlib.h>

#include <cmath>

#include "gui_state.hpp"
#include "case/validation.hpp"
#include "number_input.hpp"

namespace mv::app {

void draw_issue_lines(const std::vector<Issue>& issues) {
  for (const auto& i : issues) {
    const ImVec4 colour = im_colour(i.severity == Severity::Error ? palette::kError : palette::kNote);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s%s", i.severity == Severity::Error ? "" : "warning: ", i.text().c_str());
    ImGui::PopStyleColor();
  }
}

void caption(const char* fmt, ...) {
  char buf[1024];
  va_list args;
  va_start(args, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, args);
  va_end(args);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", buf);
  ImGui::PopStyleColor();
}

void section_heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
  ImGui::Separator();
}

// Sex and BMI, optional: they move the subcutaneous fat (Gibney 2010), shown with what they do.
void habitus_controls(Case& c, bool& changed) {
  int sex = !c.habitus || !c.habitus->sex ? 0 : *c.habitus->sex == Sex::Female ? 1 : 2;
  if (ImGui::Combo("sex##habitus", &sex, "not recorded\0female\0male\0")) {
    if (!c.habitus) c.habitus = Habitus{};
    c.habitus->sex = sex == 0 ? std::nullopt : std::optional(sex == 1 ? Sex::Female : Sex::Male);
    changed = true;
  }
  bool has_bmi = c.habitus && c.habitus->bmi;
  if (ImGui::Checkbox("BMI##has", &has_bmi)) {
    if (!c.habitus) c.habitus = Habitus{};
    c.habitus->bmi = has_bmi ? std::optional(25.0) : std::nullopt;
    changed = true;
  }
  if (c.habitus && c.habitus->bmi) {
    ImGui::SameLine();
    if (drag_number("kg/m²##bmi", *c.habitus->bmi, 0.1f, 12.0, 70.0, "%.1f")) changed = true;
  }
  if (c.habitus && !c.habitus->sex && !c.habitus->bmi && c.habitus->extra.empty()) c.habitus.reset();
  if (const double change = habitus_fat_change_mm(c); change != 0.0)
    ImGui::TextDisabled("habitus: fat %+.1f mm from the table (Gibney 2010; a recorded fat thickness wins)", change);
}

void draw_case_panel(CaseDocument& doc, bool& place_by_click, bool& camera_reset_requested) {
  Case& c = doc.edit();
  bool changed = false;
  changed |= ImGui::InputText("case id", &c.case_id);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("No patient identifiers: no names, birth dates or record numbers.");
  const auto& current = site_spec(c.site);
  if (ImGui::BeginCombo("site", current.display.c_str())) {
    // Grouped as DFSP reviews group sites (trunk 50-60%, proximal limbs ~25%, head and neck 10-15%).
    for (const char* region : {"trunk", "upper limb", "lower limb", "head and neck"}) {
      ImGui::TextDisabled("%s", region);
      for (const auto& spec : all_sites())
        if (spec.region == region && ImGui::Selectable(("  " + spec.display + "##site-" + spec.key).c_str(), spec.site == c.site) &&
            spec.site != c.site) {
          // Another site's frame: the old position means nothing there, so the lesion moves to the
          // new site's centre (as a file without a position would have it), and the thicknesses reset.
          c.site = spec.site;
          c.tissue.overrides_mm.clear();
          c.lesion.azimuth_deg = spec.centre.azimuth_deg, c.lesion.height_cm = spec.centre.height_cm;
          c.lesion.elevation_deg = spec.centre.elevation_deg;
          changed = true;
          camera_reset_requested = true;
        }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Changing the site puts the lesion at the new site's centre; place it with the fields or a click.");
  habitus_controls(c, changed);
  int presentation = c.presentation == Presentation::Primary ? 0 : 1;
  if (ImGui::Combo("presentation", &presentation, "primary\0recurrent\0")) {
    c.presentation = presentation == 0 ? Presentation::Primary : Presentation::Recurrent;
    changed = true;
  }

  section_heading("Lesion position");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", site_spec(c.site).landmark.c_str());
  ImGui::PopStyleColor();
  // Doubles end to end, so a nudge writes 5.35 and not 5.349999904632568; ranges are the validation limits.
  auto drag = [&](const char* label, double& v, float speed, double lo, double hi, const char* fmt) {
    if (drag_number(label, v, speed, lo, hi, fmt)) {
      v = std::round(v * 1000.0) / 1000.0;
      changed = true;
    }
  };
  drag("azimuth", c.lesion.azimuth_deg, 0.5f, -360.0, 360.0, "%.1f°");
  drag("height", c.lesion.height_cm, 0.05f, -limits::kMaxHeightCm, limits::kMaxHeightCm, "%.2f cm");
  drag("elevation", c.lesion.elevation_deg, 0.5f, -90.0, 90.0, "%.1f°");
  drag("12 o'clock turn", c.lesion.twelve_oclock_deg, 0.5f, -360.0, 360.0, "%.1f°");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("0° = 12 o'clock toward the head; positive turns it toward 3 o'clock.");
  if (ImGui::Button(place_by_click ? "Click on the skin to place the lesion…" : "Place by clicking on the skin")) place_by_click = !place_by_click;
  draw_issue_lines(doc.issues_under("lesion"));
  if (c.anatomy) {
    ImGui::TextWrapped("Anatomy: surface scan %s (%s)", c.anatomy->mesh.c_str(), c.anatomy->unit.c_str());
    if (ImGui::SmallButton("Use the standard anatomy")) c.anatomy.reset(), changed = true, camera_reset_requested = true;
  }

  section_heading("Imatinib");
  bool has_course = c.imatinib.has_value();
  if (ImGui::Checkbox("neoadjuvant imatinib", &has_course)) {
    if (has_course) {
      // Dates in the form the case already uses; the course starts at the first measurement.
      const CaseDate start = c.measurements.empty() ? CaseDate{0, std::nullopt, {}} : c.measurements.front().date;
      CaseDate stop = start;
      if (stop.day) stop.day = *stop.day + 90;
      else if (stop.iso)
        stop.iso = iso_date_after(*stop.iso, 90);
      c.imatinib = ImatinibCourse{400.0, start, stop, {}};
    } else
      c.imatinib.reset();
    changed = true;
  }
  if (c.imatinib) {
    auto& im = *c.imatinib;
    drag("dose", im.dose_mg_per_day, 10.0f, 0.0, limits::kMaxDoseMgPerDay, "%.0f mg/day");
    for (auto [label, date] : {std::pair{"start day", &im.start}, std::pair{"stop day", &im.stop}}) {
      if (date->day) {
        int d = *date->day;
        if (ImGui::InputInt(label, &d)) date->day = d, changed = true;
      } else {
        std::string iso = date->iso.value_or("");
        if (ImGui::InputText(label, &iso)) date->iso = iso, changed = true;
      }
    }
    ImGui::TextDisabled("%lld days", static_cast<long long>(im.stop.ordinal() - im.start.ordinal()));
    draw_issue_lines(doc.issues_under("imatinib"));
  }
  section_heading("Pathology");
  {
    // Absent means "not recorded", which is not the same as "unknown".
    const char* histologies[] = {"not recorded", "classic", "fibrosarcomatous", "unknown"};
    int h = c.histology ? 1 + static_cast<int>(*c.histology) : 0;
    if (ImGui::Combo("histology", &h, histologies, 4)) {
      c.histology = h == 0 ? std::nullopt : std::optional(static_cast<Histology>(h - 1));
      changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fibrosarcomatous change (FS-DFSP) recurs and metastasises more often (docs/sources.md §8).");
    const char* statuses[] = {"not recorded", "positive", "negative", "not tested"};
    int t = c.translocation ? 1 + static_cast<int>(c.translocation->status) : 0;
    if (ImGui::Combo("COL1A1-PDGFB", &t, statuses, 4)) {
      if (t == 0) c.translocation.reset();
      else {
        if (!c.translocation) c.translocation = Translocation{};
        c.translocation->status = static_cast<TranslocationStatus>(t - 1);
      }
      changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("t(17;22): imatinib works only on tumours that carry it (docs/sources.md §6).");
    if (c.translocation && ImGui::InputText("test method", &c.translocation->method)) changed = true;
    draw_issue_lines(doc.issues_under("translocation"));
  }
  if (c.illustrative) {
    ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kCaution));
    if (ImGui::TreeNode("Illustrative reconstruction, not patient data")) {
      ImGui::TextWrapped("%s", c.illustrative->note.c_str());
      ImGui::TreePop();
    }
    ImGui::PopStyleColor();
  }
  draw_issue_lines(doc.issues_under("case_id"));
  if (changed) doc.changed();
}

}  // namespace mv::app
