#pragma once
// Clock-hour sectors: the twelve directions a plan's margins and the spread model's reach are given in.
#include <cmath>

namespace mv {

constexpr int kSectors = 12;  // sector i covers (i+1) ± 0.5 o'clock: index 0 = 1 o'clock ... 11 = 12 o'clock

inline int sector_of_hour(double hour) {
  const int h = static_cast<int>(std::floor(std::fmod(hour + 0.5, 12.0)));  // 0 = 12 o'clock
  return h == 0 ? 11 : h - 1;
}

}  // namespace mv
