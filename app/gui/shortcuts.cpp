#include "shortcuts.hpp"

namespace mv::app {

std::span<const Shortcut> shortcuts() {
  static const Shortcut table[] = {
      {"Left-drag", "orbit around the lesion (the camera stays outside the skin)"},
      {"Middle-drag, Shift+left-drag", "pan"},
      {"Wheel", "zoom"},
      {"Double-click", "re-centre on the surface under the cursor"},
      {"M, then two clicks", "ruler: distance along the skin and straight line between two points"},
      {"R", "reset the view to this view's home (the section faces its cut)"},
      {"1 / 2", "view from the front (anterior) / the back (posterior)"},
      {"3 / 4", "view from the patient's left / right"},
      {"5 / 6", "view from the top (superior) / the bottom (inferior)"},
      {"Tab", "hide or show the sidebar"},
      {"C", "the counselling view: the patient's panel, before and after side by side"},
      {"H, F1", "this help"},
      {"F12", "save a PNG of the 3D view next to the case"},
      {"Ctrl+Z", "undo"},
      {"Ctrl+Shift+Z, Ctrl+Y", "redo"},
      {"Ctrl+O / Ctrl+S / Ctrl+Shift+S", "open / save / save as"},
      {"Ctrl+Q", "quit (asks about unsaved changes)"},
      {"Esc", "close this help, a menu or a dialog"},
      {"Mohs map: click", "cycle the result of the ring (peripheral) or disc (deep) under the cursor"},
      {"Mohs map: right-click", "relabel, set the result, split or merge a block"},
  };
  return table;
}

}  // namespace mv::app
