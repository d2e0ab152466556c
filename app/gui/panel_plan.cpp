// The planning panel: a margin (one, or one per clock hour) and a deep plane, the planned
// excision, the spread model's chance that this single excision clears with its sources, the
// clearance curve beside the published points, and teaching mode against hidden tumours.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include <imgui.h>

#include "case/case_io.hpp"
#include "clinical/spread/literature.hpp"
#include "paths.hpp"
#include "common/file_io.hpp"
#include "gui_state.hpp"
#include "gui_colours.hpp"
#include "number_input.hpp"
#include "options_table.hpp"
#include "text_format.hpp"
#include "case/validation.hpp"

namespace mv::app {
namespace {

// The chance against a uniform margin for this case and depth, with the centres' range as a band
// and the published series' own points as dots: a resident sees how far the data sit from one
// another and from this patient's prediction.
void clearance_curve_plot(const PlannedExcision& p, double chosen_margin) {
  const auto& curve = p.curve;
  if (curve.size() < 2) return;
  const double max_cm = curve.back().margin_cm;
  const ImVec2 size(ImGui::GetContentRegionAvail().x, 150.0f * ImGui::GetIO().FontGlobalScale * ImGui::GetFontSize() / 16.0f);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 28.0f;
  const ImVec2 a(p0.x + pad, p0.y + 6.0f), b(p0.x + size.x - 6.0f, p0.y + size.y - 18.0f);
  auto at = [&](double m, double prob) {
    return ImVec2(a.x + static_cast<float>(m / max_cm) * (b.x - a.x), b.y - static_cast<float>(prob) * (b.y - a.y));
  };
  dl->AddRectFilled(a, b, im_colour32(palette::kChartBack));
  for (int i = 0; i <= static_cast<int>(max_cm); ++i) {
    dl->AddLine(at(i, 0), at(i, 1), im_colour32(palette::kChartGrid));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", i);
    dl->AddText(ImVec2(at(i, 0).x - 3.0f, b.y + 2.0f), im_colour32(palette::kChartText), buf);
  }
  for (double q : {0.5, 1.0}) dl->AddText(ImVec2(p0.x, at(0, q).y - 7.0f), im_colour32(palette::kChartText), q == 1.0 ? "100%" : "50%");
  for (size_t i = 1; i < curve.size(); ++i) {
    const auto &u = curve[i - 1], &v = curve[i];
    dl->AddQuadFilled(at(u.margin_cm, u.low), at(v.margin_cm, v.low), at(v.margin_cm, v.high), at(u.margin_cm, u.high),
                      im_colour32(palette::kChartModel, palette::kChartBandAlpha));
    dl->AddLine(at(u.margin_cm, u.mean), at(v.margin_cm, v.mean), im_colour32(palette::kChartModel), 2.0f);
  }
  for (const auto& pt : spread::published_clearance_points())
    dl->AddCircleFilled(at(pt.margin_cm, pt.cleared), 4.0f,
                        im_colour32(pt.series == spread::Series::Dawes1996 ? palette::kChartDawes : palette::kChartOtherSeries));
  dl->AddLine(at(chosen_margin, 0), at(chosen_margin, 1), im_colour32(palette::kChartChosen));
  ImGui::Dummy(size);
  caption(
      "margin (cm) from the %s outline — line: this case at this depth; band: %s; dots: Dawes 1996 (yellow), Kimmel 2007 and Parker & Zitelli 1995 "
      "(orange), their own patients, periphery only",
      p.outline_from.c_str(), plan_words::kInterval);
}

// The plan's chance with its interval, parts, per clock hour and the curve.
void clearance_figures(const PlanRequest& r, const PlannedExcision& p) {
  const auto& e = p.clearance;
  ImGui::TextWrapped("%s: %.0f%%", plan_words::kChance, e.overall * 100.0);
  caption("95%% %s: %.0f–%.0f%%", plan_words::kInterval, e.low * 100.0, e.high * 100.0);
  caption("peripheral %.0f%%, deep %.0f%%; %d simulated centres, seed %llu", e.peripheral * 100.0, e.deep * 100.0, e.centres,
          static_cast<unsigned long long>(e.seed));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\nSources: %s.\nAn illustration from small series, not a clinical decision.", spread::model_line().c_str(),
                      spread::sources_line().c_str());
  std::string sectors;
  for (int h = 1; h <= 12; ++h) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%s%d: %.0f%%", h > 1 ? ", " : "", h, e.sector[static_cast<size_t>(sector_of_hour(h))] * 100.0);
    sectors += buf;
  }
  ImGui::TextWrapped("Clear %s: %s", plan_words::kSectors, sectors.c_str());
  clearance_curve_plot(p, r.margin_cm[0]);
}

// The bundled case one step easier (step -1) or harder (+1) on the teaching ladder, if any.
std::optional<std::filesystem::path> ladder_neighbour(const Case& c, int step) {
  std::vector<std::pair<int, std::filesystem::path>> ladder;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(asset_dir() / "cases", ec))
    if (e.path().extension() == ".json")
      if (auto load = load_case_file(e.path()); load.value && load.value->case_id != c.case_id)
        ladder.push_back({teaching_difficulty(*load.value).level, e.path()});
  std::sort(ladder.begin(), ladder.end());
  const int here = teaching_difficulty(c).level;
  if (step > 0) {
    for (const auto& [level, path] : ladder)
      if (level > here) return path;
  } else {
    for (auto it = ladder.rbegin(); it != ladder.rend(); ++it)
      if (it->first < here) return it->second;
  }
  return std::nullopt;
}

}  // namespace

SavedPlan default_plan() { return PlanRequest::uniform(kDefaultPlanMarginCm, DepthPlane::Fascia).saved(); }

void sync_plan(GuiState& s) {
  const std::uint64_t seed = s.view.plan_request.seed;
  const Case& c = s.session.current_case();
  s.view.plan_request = PlanRequest::from_saved(c.plan.value_or(default_plan()));
  s.view.plan_request.seed = seed;
}

void draw_plan_panel(GuiState& s) {
  // The plan is part of the case: edits go through the document (undo, save, autosave); what is
  // drawn and estimated is the plan of the last valid case (view.plan_request, see sync_plan).
  const Case& c = s.session.current_case();
  const PlanRequest& r = s.view.plan_request;
  SavedPlan plan = s.doc.working().plan.value_or(default_plan());
  bool edited = false;
  const OptionSpec& margin = option("--plan-margin");  // the CLI's range
  if (ImGui::Checkbox("show the plan in 3D", &s.view.plan)) s.camera_reset_requested = true;
  ImGui::Checkbox("one margin per clock hour", &s.per_sector);
  if (!s.per_sector) {
    double m = plan.margin_cm[0];
    if (drag_number("plan margin", m, 0.02f, margin.min, margin.max, "%.2f cm")) plan.margin_cm.fill(std::round(m * 100.0) / 100.0), edited = true;
  } else {
    for (int h = 1; h <= 12; ++h) {
      ImGui::PushID(h);
      double& m = plan.margin_cm[static_cast<size_t>(sector_of_hour(h))];
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.3f);
      edited |= drag_number("##plan margin", m, 0.02f, margin.min, margin.max, "%.2f cm");
      ImGui::SameLine();
      ImGui::Text("%d o'clock", h);
      if (h % 2 == 1) ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.5f);
      ImGui::PopID();
    }
  }
  const std::string plane = plane_key(plan.plane);
  if (ImGui::BeginCombo("deep plane", plane.c_str())) {
    for (auto p : planes_at(s.doc.working().site))
      if (ImGui::Selectable(plane_key(p).c_str(), plan.plane == p)) plan.plane = p, edited = true;
    ImGui::EndCombo();
  }
  edited |= ImGui::Checkbox("plan from the post-treatment outline", &plan.from_post_treatment);
  if (edited) {
    s.doc.edit().plan = plan;
    s.doc.changed();
  }
  draw_issue_lines(s.doc.issues_under("plan"));
  if (!s.view.blind) {
    ImGui::Text("envelopes:");
    for (size_t i = 0; i < 3; ++i) {
      ImGui::SameLine();
      bool on = s.view.envelopes[i];
      if (ImGui::Checkbox((std::to_string(i == 0 ? 50 : i == 1 ? 80 : 95) + "%").c_str(), &on)) s.view.envelopes[i] = on;
    }
  }

  const PlannedExcision* planned = nullptr;
  try {
    planned = &s.session.plan(r);
  } catch (const PlacementError& e) {
    ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kProblem));
    ImGui::TextWrapped("No plan: %s", e.what());
    ImGui::PopStyleColor();
    return;
  }
  const PlannedExcision& p = *planned;
  if (!p.warning.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, im_colour(palette::kNoteStrong));
    ImGui::TextWrapped("%s", p.warning.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TextWrapped("Planned excision %.1f × %.1f cm, %.1f cm², depth %.1f mm", p.extent_x_cm, p.extent_y_cm, p.area_cm2, p.depth_mm);
  std::string layers;
  for (const auto& l : p.exposed_layers) layers += (layers.empty() ? "" : ", ") + l;
  ImGui::TextWrapped("Cuts through: %s; floor on %s", layers.c_str(), p.floor.c_str());
  // Teaching is blind (GuiState::begin_frame): a resident chooses a plan before seeing any chance or envelope.
  if (ImGui::Checkbox("teaching mode (numbers hidden until the reveal)", &s.teaching)) s.view.plan = s.view.plan || s.teaching;
  if (s.view.blind) caption("Choose the margins and the plane, then reveal a hidden tumour below.");
  else
    clearance_figures(r, p);

  // (Not while teaching blind: the surgery's own defect would give the answer away.)
  if (const MohsReconstruction* rec = c.mohs && !c.mohs->stages.empty() && !s.view.blind ? s.session.mohs() : nullptr) {
    section_heading("Plan against the actual Mohs defect");
    ImGui::Text("area: plan %.1f cm², Mohs defect %.1f cm²", p.area_cm2, rec->final_defect_area_cm2);
    const auto plan_hours = plan_margins_by_hour(r);
    std::string cmp;
    for (int h = 1; h <= 12; ++h) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%s%d: %.1f/%.1f", h > 1 ? ", " : "", h, plan_hours[static_cast<size_t>(h - 1)],
                    rec->margin_at_hour_cm[static_cast<size_t>(h - 1)]);
      cmp += buf;
    }
    ImGui::TextWrapped("margin by clock hour, plan/Mohs (cm): %s", cmp.c_str());
    caption("The plan widens the %s outline; the Mohs margins are measured from the pre-operative one.", p.outline_from.c_str());
  }

  if (!s.view.blind) draw_mohs_outlook(s, p);

  section_heading("Teaching");
  ImGui::TextWrapped("Choose margins and a plane, then reveal a tumour drawn from the model (seeded, reproducible).");
  // The ladder: the bundled cases from easiest to hardest, one step at a time.
  const Difficulty here = teaching_difficulty(c);
  std::string why;
  for (const auto& r : here.reasons) why += (why.empty() ? "" : ", ") + r;
  ImGui::TextWrapped("Difficulty %d of 4%s%s", here.level, why.empty() ? "" : ": ", why.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "One step each for a large tumour (> 5 cm), the head and neck, a recurrence and an imatinib course.\nA teaching heuristic, not a clinical "
        "score.");
  for (int step : {-1, 1}) {
    if (step == 1) ImGui::SameLine();
    if (ImGui::Button(step < 0 ? "Easier case" : "Harder case"))
      if (auto next = ladder_neighbour(c, step)) s.open_request = *next;
  }
  if (!s.view.reveal_seed) {
    if (ImGui::Button("Reveal hidden tumour")) {
      s.view.plan = true;
      s.view.reveal_seed = s.next_seed;
      const TeachingScenario sc = draw_scenario(p, s.next_seed);
      s.tally.rows.push_back(
          {sc.seed, judge(s.session.site_model(), s.session.frame(), p, sc), plan_margins_by_hour(r), r.plane ? plane_key(*r.plane) : "?"});
    }
  } else {
    if (ImGui::Button("Next scenario")) {
      s.view.reveal_seed.reset();
      ++s.next_seed;
    }
    if (!s.tally.rows.empty()) {
      const auto& o = s.tally.rows.back().outcome;
      ImGui::TextWrapped("%s, score %d; healthy tissue beyond the tumour %.1f cm²", o.clear ? "Clear" : "Tumour left behind", o.score,
                         o.healthy_area_cm2);
      // The lesson: where it was missed and by how much, and what would have cleared it.
      std::string missed;
      for (int h = 1; h <= 12; ++h)
        if (const double by = o.shortfall_cm[static_cast<size_t>(sector_of_hour(h))]; by > 0.0)
          missed += (missed.empty() ? "" : ", ") + std::to_string(h) + " o'clock by " + fixed(by, 1) + " cm";
      if (!missed.empty()) ImGui::TextWrapped("Missed at %s.", missed.c_str());
      if (o.deep_left_behind) ImGui::TextWrapped("Missed at depth: it reached the %s.", o.reached_plane.c_str());
      ImGui::TextWrapped("The smallest single margin that would have cleared it: %.1f cm from the %s outline; it reached the %s.",
                         o.clearing_margin_cm, p.outline_from.c_str(), o.reached_plane.c_str());
    }
  }
  ImGui::Text("Scenario seed %llu; session: %d of %zu cleared, mean score %.0f", static_cast<unsigned long long>(s.next_seed), s.tally.cleared(),
              s.tally.rows.size(), s.tally.mean_score());
  if (!s.tally.rows.empty() && ImGui::Button("Export the tally as CSV")) {
    const auto out = s.doc.path().parent_path() / (c.case_id + "-teaching.csv");
    try {
      replace_file_durably(out, s.tally.csv());
      s.status = "Tally saved: " + out.string();
    } catch (const std::exception& e) {
      s.status = "Could not save the tally: " + std::string(e.what());
    }
  }
}

}  // namespace mv::app
