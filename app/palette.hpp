#pragma once
// One colour per meaning, for every view that draws a case (3D, section, export materials, the
// Mohs map's results): red is "not clear" (a positive margin, a final margin not clear, tumour
// left behind) and nothing else; green is "clear"; the tumour and everything that is tumour
// (confirmed, hidden, its probable reach) is purple; the plan is blue; Mohs stages take cool
// colours that none of these use. Tissues keep their atlas colours (mesh/tissue_colours.hpp).
#include <array>

#include "tissue_colours.hpp"

namespace mv::app::palette {

using Rgba = std::array<float, 4>;

inline constexpr Rgba kNotClear{0.90f, 0.18f, 0.18f, 1.0f};
inline constexpr Rgba kClear{0.25f, 0.90f, 0.45f, 1.0f};
inline constexpr Rgba kTumour = kTumourRgba;
inline constexpr Rgba kConfirmedTumour{0.78f, 0.22f, 0.72f, 1.0f};  // lighter than the clinical tumour, seen through the wound
inline constexpr Rgba kHiddenTumour{0.92f, 0.45f, 0.95f, 1.0f};     // teaching: the revealed microscopic extent
inline constexpr Rgba kGhost{0.80f, 0.92f, 1.0f, 1.0f};             // the pre-treatment outline
inline constexpr float kGhostAlpha = 0.35f;                         // its solid, see-through in exported files
inline constexpr Rgba kPlan{0.25f, 0.55f, 0.95f, 1.0f};
// Where 50%, 80% and 95% of tumours reach: the tumour's purple, fading outwards.
inline constexpr std::array<Rgba, 3> kEnvelopes{{{0.90f, 0.62f, 0.96f, 1.0f}, {0.76f, 0.40f, 0.90f, 1.0f}, {0.58f, 0.22f, 0.78f, 1.0f}}};
inline constexpr Rgba kDefect{0.90f, 0.90f, 0.85f, 0.5f};

// Mohs stage k (0-based): teal, slate, lavender, steel, olive, then again.
inline Rgba stage(int k) {
  static constexpr std::array<Rgba, 5> colours{{{0.16f, 0.66f, 0.72f, 1.0f},
                                               {0.52f, 0.60f, 0.74f, 1.0f},
                                               {0.66f, 0.62f, 0.88f, 1.0f},
                                               {0.40f, 0.72f, 0.88f, 1.0f},
                                               {0.62f, 0.66f, 0.38f, 1.0f}}};
  return colours[static_cast<size_t>(k) % colours.size()];
}

}  // namespace mv::app::palette
