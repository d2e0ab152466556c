#pragma once
#include <optional>
#include <string>

#include "case/case_model.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv {

// The tumour at one moment between the first and the last measurement.
struct TumourState {
  std::string label;      // a measurement's label, or "day 45 (interpolated)"
  double fraction = 0.0;  // 0 = first measurement, 1 = last
  bool interpolated = false;
  bool depth_is_site_default = false;
  TumourShape shape;
};

// Shape of one measurement; a missing thickness takes the site default (sites.hpp).
TumourShape shape_of(const Case& c, const Measurement& m);

// The state of measurement `index` itself (right even when two measurements share a date).
TumourState state_of(const Case& c, size_t index);

// Linear in time between the dated measurements around `fraction` (clamped to 0..1). No published
// shrinkage-versus-time curve exists (docs/sources.md §6): linear is an assumption, shown as such.
TumourState tumour_at(const Case& c, double fraction);

// A moment on the timeline: a measurement itself (right even when two share a date), or a
// fraction of the way from the first to the last.
struct TimePoint {
  std::optional<size_t> measurement;
  double fraction = 1.0;  // used when `measurement` is empty
};
TimePoint last_measurement(const Case& c);
TumourState tumour_at(const Case& c, const TimePoint& t);
double fraction_of(const Case& c, size_t measurement);

// Parses a --at value: a measurement label or a fraction in [0, 1]. Throws std::invalid_argument.
TimePoint parse_at(const Case& c, const std::string& at);

}  // namespace mv
