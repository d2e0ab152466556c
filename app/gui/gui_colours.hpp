#pragma once
// Palette colours (app/palette.hpp) in ImGui's two forms.
#include <imgui.h>

#include "palette.hpp"

namespace mv::app {

inline ImVec4 im_colour(const palette::Rgba& c) { return {c[0], c[1], c[2], c[3]}; }
// `alpha` < 0 keeps the palette's own.
inline ImU32 im_colour32(const palette::Rgba& c, float alpha = -1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], alpha < 0.0f ? c[3] : alpha));
}

}  // namespace mv::app
