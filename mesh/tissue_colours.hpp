#pragma once
#include <array>

#include "sites.hpp"

namespace mv {

// Conventional anatomical-atlas colours, linear RGB with alpha: used for the 3D view, the section
// fills and the materials of exported files, so every view names a tissue by the same colour.
inline std::array<float, 4> tissue_rgba(TissueKind kind) {
  switch (kind) {
    case TissueKind::Skin: return {0.89f, 0.69f, 0.58f, 1.0f};
    case TissueKind::SubcutaneousFat: return {0.98f, 0.86f, 0.45f, 1.0f};
    case TissueKind::Fascia: return {0.93f, 0.93f, 0.88f, 1.0f};
    case TissueKind::Muscle: return {0.72f, 0.25f, 0.24f, 1.0f};
    case TissueKind::Bone: return {0.95f, 0.93f, 0.84f, 1.0f};
  }
  return {0.8f, 0.8f, 0.8f, 1.0f};
}

inline constexpr std::array<float, 4> kTumourRgba{0.55f, 0.12f, 0.55f, 1.0f};

}  // namespace mv
