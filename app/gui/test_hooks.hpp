#pragma once
// The desktop app's test and benchmark hooks, read from the environment once at start (the ctest
// GUI tests and scripts/bench*.sh set them); none is set in normal use.
#include <string>
#include <vector>

#include "document_sync.hpp"
#include "gui_state.hpp"

namespace mv::app {

struct TestHooks {
  std::string screenshot;            // MARGINVIZ_GUI_SCREENSHOT=PNG: save the window after a few frames and quit
  std::vector<std::string> actions;  // MARGINVIZ_GUI_ACTIONS=a,b,…: applied after the first frame (with a screenshot)
  bool first_frame = false;          // MARGINVIZ_GUI_FIRST_FRAME: print when the first frame is shown and quit
  double idle_check_s = 0.0;         // MARGINVIZ_GUI_IDLE_CHECK=S: count the frames drawn while idle for S s and quit
  int orbit_frames = 0;              // MARGINVIZ_GUI_ORBIT_FRAMES=N: orbit for N frames, print the frame rate and quit
  static TestHooks from_environment();
};

// What an action may change: the app's own flags beside the shared state.
struct TestActionTargets {
  GuiState& state;
  DocumentSync& sync;
  bool& help;
  bool& about;
  bool& sidebar_shown;
};
// One action, as a user would do it; each says on stderr what the app then shows:
// help, about, hide-sidebar, panel:NAME, teach, block:STAGE:LABEL:peripheral|deep:RESULT,
// next-stage, section:HOUR, preset:N, export-report, export-handout, export-animation, export-print, view:body, counselling.
void apply_test_action(const std::string& action, const TestActionTargets& t);

}  // namespace mv::app
