#pragma once

namespace mv::app {

// H / F1: every shortcut and mouse action (from app/gui/shortcuts.cpp), over the 3D view.
void draw_help_overlay(bool& open, float scale);
// Help → About: the version, what marginviz is for and is not, and where its sources are cited.
void draw_about(bool& open, float scale);

}  // namespace mv::app
