#pragma once
#include <cstdio>
#include <string>

namespace mv::app {

// A number with a fixed count of decimals, for labels and legends ("6.9", "17.2").
inline std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace mv::app
