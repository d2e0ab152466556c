#pragma once
#include <span>

namespace mv::app {

// Every key and mouse action of the desktop app, in one table: the help overlay (H, F1) lists
// it and the README documents the same list.
struct Shortcut {
  const char* keys;
  const char* action;
};
std::span<const Shortcut> shortcuts();

}  // namespace mv::app
