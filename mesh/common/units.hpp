#pragma once
// The one place where lengths and angles change unit. Inside marginviz geometry is in millimetres;
// clinical sizes are centimetres; glTF files are metres (the glTF 2.0 spec's unit).

#include <numbers>

namespace mv::units {

constexpr double kMmPerCm = 10.0;
constexpr double kMmPerM = 1000.0;

constexpr double cm_to_mm(double cm) { return cm * kMmPerCm; }
constexpr double mm_to_cm(double mm) { return mm / kMmPerCm; }
constexpr double mm2_to_cm2(double mm2) { return mm2 / (kMmPerCm * kMmPerCm); }
constexpr double mm3_to_cm3(double mm3) { return mm3 / (kMmPerCm * kMmPerCm * kMmPerCm); }
constexpr double mm_to_m(double mm) { return mm / kMmPerM; }

// Angles: case files and the GUI speak degrees, the geometry radians.
constexpr double deg_to_rad(double deg) { return deg * std::numbers::pi / 180.0; }
constexpr double rad_to_deg(double rad) { return rad * 180.0 / std::numbers::pi; }

// Scale from a file unit to millimetres, for mesh import/export.
enum class LengthUnit { Millimetre, Centimetre, Metre };
constexpr double to_mm_factor(LengthUnit u) {
  switch (u) {
    case LengthUnit::Millimetre:
      return 1.0;
    case LengthUnit::Centimetre:
      return kMmPerCm;
    case LengthUnit::Metre:
      return kMmPerM;
  }
  return 1.0;
}

}  // namespace mv::units
