// "What Mohs surgery might take": the spread model's Mohs simulator for the open case, with the
// protocol editable — stages as a small histogram, how often each stage clears, the defect's
// range, and what another centre's series could show (docs/model.md §6).
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "gui_state.hpp"
#include "number_input.hpp"
#include "gui_colours.hpp"
#include "options_table.hpp"
#include "text_format.hpp"
#include "case/validation.hpp"
#include "clinical/spread/literature.hpp"

namespace mv::app {
namespace {

constexpr int kPatients = 50, kSeries = 200;  // 10,000 virtual patients: ~25 ms, redone only when an input changes

std::string percent(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f%%", v * 100.0);
  return b;
}

void stage_histogram(const spread::MohsSimulation& r) {
  const int bars = 6;  // 1..5 stages, 6 or more, then a bar of its own for not cleared
  std::array<double, bars + 1> share{};
  for (size_t k = 0; k < r.stage_share.size(); ++k) share[std::min<size_t>(k, bars - 1)] += r.stage_share[k];
  share[bars] = r.not_cleared;
  const float h = 70.0f * ImGui::GetFontSize() / 16.0f, w = ImGui::GetContentRegionAvail().x;
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float slot = w / (bars + 1), base = p0.y + h;
  const double tallest = std::max(0.05, *std::max_element(share.begin(), share.end()));  // the tallest bar fills the height
  for (int i = 0; i <= bars; ++i) {
    const float x = p0.x + slot * static_cast<float>(i), top = base - static_cast<float>(share[static_cast<size_t>(i)] / tallest) * (h - 14.0f);
    dl->AddRectFilled(ImVec2(x + 3.0f, top), ImVec2(x + slot - 3.0f, base),
                      im_colour32(i == bars ? palette::kChartNotCleared : palette::kChartModel));
    dl->AddText(ImVec2(x + 4.0f, top - 14.0f), im_colour32(palette::kChartValue), percent(share[static_cast<size_t>(i)]).c_str());
    const char* label[] = {"1", "2", "3", "4", "5", "6+", "open"};
    dl->AddText(ImVec2(x + 4.0f, base + 2.0f), im_colour32(palette::kChartText), label[i]);
  }
  ImGui::Dummy(ImVec2(w, h + 18.0f));
}

}  // namespace

void draw_mohs_outlook(GuiState& s, const PlannedExcision& plan) {
  section_heading("What Mohs surgery might take");
  auto& o = s.outlook;
  const OptionSpec& first = option("--first-margin");
  const OptionSpec& next = option("--next-margin");
  drag_number("first-stage margin", o.protocol.first_margin_cm, 0.02f, first.min, first.max, "%.2f cm");
  drag_number("later-stage margin", o.protocol.next_margin_cm, 0.02f, next.min, next.max, "%.2f cm");
  // The protocol starts at the plan's deep plane and from the plan's outline.
  o.protocol.first_plane = plan.request.plane ? plane_key(*plan.request.plane) : fixed(plan.depth_mm, 1) + " mm";
  o.protocol.from_post_treatment = plan.request.from_post_treatment;
  o.protocol.plane_depths_mm = {plan.depth_mm};
  if (plan.request.plane) {
    try {
      o.protocol.plane_depths_mm = spread::plane_depths_from(plan.column, s.session.current_case().site, *plan.request.plane);
    } catch (const PlacementError&) {
    }
  }
  // The sampler is kept with the result, so a new case's sampler can never reuse the old one's address.
  std::string key = std::to_string(o.protocol.first_margin_cm) + " " + std::to_string(o.protocol.next_margin_cm) + " " +
                    std::to_string(o.protocol.from_post_treatment);
  for (double d : o.protocol.plane_depths_mm) key += " " + std::to_string(d);
  if (!o.result || o.key != key || o.sampler != plan.spread) {
    o.result = spread::simulate_mohs(plan.spread->context(), o.protocol, kPatients, kSeries, plan.request.seed);
    o.key = key;
    o.sampler = plan.spread;
  }
  const auto& r = *o.result;
  caption("From the %s outline, first stage to the %s; later stages in positive sectors and one plane deeper where the deep margin is positive.",
          plan.outline_from.c_str(), o.protocol.first_plane.c_str());
  stage_histogram(r);
  caption("stages needed per virtual patient (open: not clear within %d stages or below every plane)", o.protocol.max_stages);
  ImGui::TextWrapped("Mean %.1f stages; clear after stage 1: %s, 2: %s, 3: %s", r.stages_mean, percent(r.clear_after[0]).c_str(),
                     percent(r.clear_after.size() > 1 ? r.clear_after[1] : r.clear_after[0]).c_str(),
                     percent(r.clear_after.size() > 2 ? r.clear_after[2] : r.clear_after.back()).c_str());
  ImGui::TextWrapped("Final defect: median %.0f cm² (half between %.0f and %.0f), %.1f× the clinical area; clearance margin mean %.1f cm",
                     r.area_median, r.area_q1, r.area_q3, r.ratio_median, r.margin_mean);
  caption(
      "Another centre's series of %d patients could show a mean of %.1f–%.1f stages and a median defect of %.0f–%.0f cm² (95%%: fit uncertainty and "
      "between-series spread).",
      kPatients, r.stages_mean_series.low, r.stages_mean_series.high, r.area_median_series.low, r.area_median_series.high);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nSources: %s.", spread::model_line().c_str(), spread::sources_line().c_str());
}

}  // namespace mv::app
