#include "gui_state.hpp"

#include "report/case_report.hpp"

#include "mohs_editing.hpp"

namespace mv::app {

GuiState::~GuiState() {
  if (map_texture && delete_texture) delete_texture(map_texture);
}

void GuiState::case_replaced() {
  next_seed = 1;
  tally = TeachingTally{doc.working().case_id, today_iso(), {}};
  view.reveal_seed.reset();
  teaching = false;
  view.through_stage.reset();
  view.layer_hidden.clear();
  mohs_stage = 0;
  popup_block = -1;
  map_key.clear();
  status.clear();
  place_by_click = false;
  geometry_problem.clear();
  outlook.result.reset();
  outlook.sampler.reset();
  outlook.key.clear();
  per_sector = !doc.working().plan.value_or(default_plan()).uniform();
}

void GuiState::begin_frame(unsigned active_widget) {
  doc.set_gesture(active_widget);
  view.blind = teaching && !view.reveal_seed;
  view.counselling = counselling;  // the ruler on the skin
}

std::optional<PlanRequest> shown_plan(const GuiState& s) {
  return report_plan(s.session.current_case(), s.view.plan ? std::optional(s.view.plan_request) : std::nullopt);
}

}  // namespace mv::app
