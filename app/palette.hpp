#pragma once
// Every colour the app draws with, in one place: the 3D view, the section fills, the materials of
// exported files, the Mohs map, the overlay text and the GUI's own drawings. One colour per
// meaning: red is "not clear" (a positive margin, a final margin not clear, tumour left behind)
// and nothing else; green is "clear"; the tumour and everything that is tumour (confirmed, hidden,
// its probable reach) is purple; the plan is blue; Mohs stages take cool colours that none of
// these use; tissues take conventional anatomical-atlas colours. Linear RGB with alpha.
#include <array>

#include "anatomy/sites.hpp"

namespace mv::app::palette {

using Rgba = std::array<float, 4>;

// Tissues: the atlas colours, for the 3D view, the section fills and exported materials.
inline Rgba tissue(TissueKind kind) {
  switch (kind) {
    case TissueKind::Skin:
      return {0.89f, 0.69f, 0.58f, 1.0f};
    case TissueKind::SubcutaneousFat:
      return {0.98f, 0.86f, 0.45f, 1.0f};
    case TissueKind::Fascia:
      return {0.93f, 0.93f, 0.88f, 1.0f};
    case TissueKind::Muscle:
      return {0.72f, 0.25f, 0.24f, 1.0f};
    case TissueKind::Bone:
      return {0.95f, 0.93f, 0.84f, 1.0f};
  }
  return {0.8f, 0.8f, 0.8f, 1.0f};
}

// Meanings.
inline constexpr Rgba kNotClear{0.90f, 0.18f, 0.18f, 1.0f};
inline constexpr Rgba kClear{0.25f, 0.90f, 0.45f, 1.0f};
inline constexpr Rgba kTumour{0.55f, 0.12f, 0.55f, 1.0f};
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

// The 3D view: its background, the text over it and the marks drawn on the skin.
inline constexpr Rgba kBackgroundTop{0.20f, 0.23f, 0.28f, 1.0f}, kBackgroundBottom{0.07f, 0.08f, 0.10f, 1.0f};
inline constexpr Rgba kWindow{0.08f, 0.09f, 0.11f, 1.0f};          // the GUI window behind the view
inline constexpr Rgba kLabelBacking{0.05f, 0.06f, 0.08f, 0.72f};   // behind a label in the scene
inline constexpr Rgba kOverlayBacking{0.05f, 0.06f, 0.08f, 0.6f};  // behind a corner's text
inline constexpr Rgba kText{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr Rgba kLegendText{0.92f, 0.92f, 0.92f, 1.0f};
inline constexpr Rgba kCaution{1.0f, 0.85f, 0.6f, 1.0f};     // the disclaimer, illustrative cases
inline constexpr Rgba kDimension{1.0f, 0.95f, 0.55f, 1.0f};  // X, Y and depth lines and their labels
inline constexpr Rgba kClockMark{0.85f, 0.9f, 1.0f, 1.0f};
inline constexpr Rgba kPositiveLabel{1.0f, 0.6f, 0.55f, 1.0f};  // "stage 1 B: peripheral +"
inline constexpr Rgba kHighlight{1.0f, 1.0f, 1.0f, 1.0f};       // what the user points at
inline constexpr Rgba kLesionMarker{1.0f, 0.78f, 0.1f, 1.0f};   // the ring around the lesion on the whole body
inline constexpr Rgba kClearText{0.5f, 1.0f, 0.6f, 1.0f};
inline constexpr Rgba kNotClearText{1.0f, 0.55f, 0.5f, 1.0f};

// GUI panels.
inline constexpr Rgba kNote{1.0f, 0.8f, 0.35f, 1.0f};      // something to question (warnings, notes)
inline constexpr Rgba kProblem{1.0f, 0.55f, 0.45f, 1.0f};  // something that did not work
inline constexpr Rgba kError{1.0f, 0.45f, 0.4f, 1.0f};     // a case error
inline constexpr Rgba kNoteStrong{1.0f, 0.75f, 0.3f, 1.0f};
inline constexpr Rgba kChartBack{0.12f, 0.13f, 0.16f, 1.0f}, kChartGrid{0.24f, 0.25f, 0.28f, 1.0f}, kChartText{0.67f, 0.67f, 0.67f, 1.0f};
inline constexpr Rgba kChartValue{0.78f, 0.78f, 0.78f, 1.0f};
inline constexpr Rgba kChartModel{0.35f, 0.63f, 1.0f, 1.0f};  // the model's curve and its band (with alpha)
inline constexpr float kChartBandAlpha = 0.2f;
inline constexpr Rgba kChartDawes{1.0f, 0.82f, 0.31f, 1.0f}, kChartOtherSeries{1.0f, 0.55f, 0.24f, 1.0f};  // published points
inline constexpr Rgba kChartNotCleared{0.78f, 0.35f, 0.31f, 1.0f};
inline constexpr Rgba kChartChosen{1.0f, 1.0f, 1.0f, 0.47f};  // the margin chosen
// The orientation marker: superior, anterior, left; on a dark disc. The rulers (the measuring one and
// the counselling one on the skin) are white.
inline constexpr Rgba kAxisSuperior{0.47f, 0.78f, 1.0f, 1.0f}, kAxisAnterior{1.0f, 0.82f, 0.47f, 1.0f}, kAxisLeft{0.75f, 1.0f, 0.67f, 1.0f};
inline constexpr Rgba kMarkerDisc{0.08f, 0.09f, 0.11f, 0.67f};
inline constexpr Rgba kRuler{1.0f, 1.0f, 1.0f, 0.9f};
inline constexpr Rgba kRulerBacking{0.08f, 0.09f, 0.11f, 0.86f};

// The Mohs map, as drawn on paper in clinic.
namespace map {
inline constexpr Rgba kPaper{0.99f, 0.99f, 0.97f, 1.0f}, kInk{0.1f, 0.1f, 0.12f, 1.0f}, kGrey{0.45f, 0.45f, 0.48f, 1.0f};
inline constexpr Rgba kDisc{0.93f, 0.93f, 0.91f, 1.0f};          // the deep disc behind the blocks
inline constexpr Rgba kDeepOnlyRing{0.82f, 0.85f, 0.89f, 1.0f};  // a deep-only layer has no peripheral result
inline constexpr Rgba kSelected{1.0f, 1.0f, 1.0f, 0.95f};
inline constexpr Rgba kResultClear{0.55f, 0.80f, 0.55f, 1.0f}, kResultClose{0.97f, 0.72f, 0.22f, 1.0f};
inline constexpr Rgba kResultIndeterminate{0.70f, 0.70f, 0.72f, 1.0f}, kResultPending{0.98f, 0.98f, 0.98f, 1.0f};
inline constexpr Rgba kResultNotExamined{0.87f, 0.79f, 0.95f, 1.0f};  // lilac: this step did not read that margin
// Tissue inks, as the surgeon names them.
inline constexpr Rgba kInkBlue{0.15f, 0.35f, 0.85f, 1.0f}, kInkRed{0.85f, 0.12f, 0.15f, 1.0f}, kInkBlack{0.05f, 0.05f, 0.05f, 1.0f};
inline constexpr Rgba kInkGreen{0.10f, 0.60f, 0.25f, 1.0f}, kInkYellow{0.95f, 0.85f, 0.10f, 1.0f}, kInkOrange{0.98f, 0.55f, 0.10f, 1.0f};
}  // namespace map

}  // namespace mv::app::palette
