#pragma once
#include "gui_state.hpp"

namespace mv::app {

// The sidebar's panels in order, each under a collapsing header and an ImGui ID scope of its own,
// so that two panels' widgets can never share an ID (a "margin" in the plan and one in the Mohs
// stage once did, and editing one rewrote the other). `open_all` opens every header (tests).
void draw_sidebar_panels(GuiState& s, bool open_all = false);

}  // namespace mv::app
