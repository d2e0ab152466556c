#include "test_hooks.hpp"

#include <cstdlib>
#include <iostream>

#include <glm/geometric.hpp>

#include "reconstruction/lesion_frame.hpp"
#include "text_format.hpp"

namespace mv::app {
namespace {

// "a,b,,c" split at `sep`: {"a", "b", "", "c"}.
std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out(1);
  for (char ch : text) {
    if (ch == sep) out.emplace_back();
    else
      out.back() += ch;
  }
  return out;
}

}  // namespace

TestHooks TestHooks::from_environment() {
  TestHooks h;
  if (const char* shot = std::getenv("MARGINVIZ_GUI_SCREENSHOT"); shot && *shot) h.screenshot = shot;
  if (const char* acts = std::getenv("MARGINVIZ_GUI_ACTIONS"); acts && *acts)
    for (auto& a : split(acts, ','))
      if (!a.empty()) h.actions.push_back(std::move(a));
  h.first_frame = std::getenv("MARGINVIZ_GUI_FIRST_FRAME") != nullptr;
  if (const char* idle = std::getenv("MARGINVIZ_GUI_IDLE_CHECK")) h.idle_check_s = std::atof(idle);
  if (const char* orbit = std::getenv("MARGINVIZ_GUI_ORBIT_FRAMES")) h.orbit_frames = std::atoi(orbit);
  return h;
}

void apply_test_action(const std::string& a, const TestActionTargets& t) {
  GuiState& s = t.state;
  if (a == "help") t.help = true;
  else if (a == "about")
    t.about = true;
  else if (a == "hide-sidebar")
    t.sidebar_shown = false;
  else if (a.rfind("panel:", 0) == 0)
    s.focus_panel = a.substr(6);
  else if (a == "teach")
    s.teaching = s.view.plan = true, s.camera_reset_requested = true;
  else if (a.rfind("block:", 0) == 0 && s.doc.working().mohs) {
    // block:STAGE:LABEL:peripheral|deep:RESULT, as a click on the map would set it
    const std::vector<std::string> f = split(a.substr(6), ':');
    auto& st = s.doc.edit().mohs->stages.at(static_cast<size_t>(std::stoi(f.at(0)) - 1));
    for (auto& b : st.blocks)
      if (b.label == f.at(1)) (f.at(2) == "deep" ? b.deep : b.peripheral) = result_from_key(f.at(3)).value_or(MarginResult::Pending);
    s.doc.changed();
  } else if (a == "next-stage" && s.doc.working().mohs) {
    if (add_next_stage(s)) {  // as the Mohs panel's button does
      s.view.mohs = true;
      s.doc.changed();
      const MohsStage& next = s.doc.working().mohs->stages.back();
      for (const auto& b : next.blocks)
        std::cerr << "marginviz: next stage block " << b.label << " " << b.span.from << "-" << b.span.to << " o'clock, "
                  << layer_key(next.layer_of(b)) << "\n";
    } else {
      std::cerr << "marginviz: no margin open, no next stage\n";
    }
  } else if (a.rfind("section:", 0) == 0) {
    s.view.mode = ViewMode::Section;
    s.view.section_clock = std::stod(a.substr(8));
    t.sync.apply_edits();
    reset_camera(s);
    const LesionFrame& f = s.session.frame();
    const glm::dvec3 normal = glm::normalize(glm::cross(f.direction(clock_to_angle(s.view.section_clock)), f.normal));
    const render::Camera& cam = s.camera.camera();
    const double facing = std::abs(glm::dot(glm::normalize(glm::dvec3(cam.target - cam.eye)), normal));
    std::cerr << "marginviz: section at " << s.view.section_clock << " o'clock, view direction · cut normal = " << fixed(facing, 3)
              << (facing > 0.85 ? ": the view faces the cut" : ": the cut is seen edge-on") << "\n";
  } else if (a == "counselling") {
    s.counselling = true, s.camera_reset_requested = true;  // as the C key
  } else if (a == "view:body") {
    s.view.mode = ViewMode::Body, s.camera_reset_requested = true;  // as the View panel's "Whole body"
  } else if (a == "export-print") {
    s.print_requested = true;  // as File → Export model to print
  } else if (a == "export-animation") {
    s.animation_requested = true;  // as File → Export animation
  } else if (a == "export-handout") {
    s.handout_requested = true;  // as File → Export handout
  } else if (a == "export-report") {
    s.report_requested = true;  // as File → Export report
  } else if (a.rfind("preset:", 0) == 0) {
    s.camera.view_from(static_cast<ViewPreset>(std::stoi(a.substr(7))));
  } else {
    std::cerr << "marginviz: unknown test action " << a << "\n";
  }
}

}  // namespace mv::app
