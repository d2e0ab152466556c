#include "reconstruction/timeline.hpp"

#include <cmath>
#include <stdexcept>

namespace mv {
namespace {

double span_days(const Case& c) { return static_cast<double>(c.measurements.back().date.ordinal() - c.measurements.front().date.ordinal()); }

// Position of measurement i on the 0..1 axis: by date, or evenly when all share one date.
double position_of(const Case& c, size_t i) {
  const double span = span_days(c);
  if (c.measurements.size() < 2) return 0.0;
  if (span <= 0.0) return static_cast<double>(i) / static_cast<double>(c.measurements.size() - 1);
  return static_cast<double>(c.measurements[i].date.ordinal() - c.measurements.front().date.ordinal()) / span;
}

}  // namespace

TumourShape shape_of(const Case& c, const Measurement& m) {
  return {m.x_cm, m.y_cm, m.thickness_mm.value_or(default_tumour_depth_mm(c.site, tissue_of(c))), m.exophytic_mm.value_or(0.0)};
}

TumourState state_of(const Case& c, size_t index) {
  const Measurement& m = c.measurements.at(index);
  return {m.label, position_of(c, index), false, !m.thickness_mm, shape_of(c, m)};
}

TumourState tumour_at(const Case& c, double fraction) {
  if (c.measurements.empty()) throw std::invalid_argument("the case has no measurements");
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  const auto& ms = c.measurements;
  if (ms.size() == 1) return state_of(c, 0);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (std::abs(position_of(c, i) - fraction) < 1e-9) return state_of(c, i);
  }
  size_t hi = 1;
  while (hi + 1 < ms.size() && position_of(c, hi) < fraction) ++hi;
  const size_t lo = hi - 1;
  const double p0 = position_of(c, lo), p1 = position_of(c, hi);
  const double t = p1 > p0 ? (fraction - p0) / (p1 - p0) : 0.0;
  const TumourShape a = shape_of(c, ms[lo]), b = shape_of(c, ms[hi]);
  auto mix = [t](double u, double v) { return u + (v - u) * t; };
  TumourState s;
  s.fraction = fraction;
  s.interpolated = true;
  s.depth_is_site_default = !ms[lo].thickness_mm || !ms[hi].thickness_mm;
  s.shape = {mix(a.x_cm, b.x_cm), mix(a.y_cm, b.y_cm), mix(a.depth_mm, b.depth_mm), mix(a.exophytic_mm, b.exophytic_mm)};
  const double day = mix(static_cast<double>(ms[lo].date.ordinal()), static_cast<double>(ms[hi].date.ordinal()));
  const long rounded = std::lround(day - static_cast<double>(ms.front().date.ordinal()));
  s.label = "day " + std::to_string(rounded) + " (interpolated)";
  return s;
}

double fraction_of(const Case& c, size_t measurement) { return position_of(c, measurement); }

TimePoint last_measurement(const Case& c) { return {c.measurements.size() - 1, 1.0}; }

TumourState tumour_at(const Case& c, const TimePoint& t) { return t.measurement ? state_of(c, *t.measurement) : tumour_at(c, t.fraction); }

TimePoint parse_at(const Case& c, const std::string& at) {
  for (size_t i = 0; i < c.measurements.size(); ++i)
    if (c.measurements[i].label == at) return {i, position_of(c, i)};
  size_t used = 0;
  double v = 0.0;
  try {
    v = std::stod(at, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == at.size() && used > 0 && std::isfinite(v) && v >= 0.0 && v <= 1.0) return {std::nullopt, v};
  std::string labels;
  for (const auto& m : c.measurements) labels += (labels.empty() ? "" : ", ") + m.label;
  throw std::invalid_argument("\"" + at + "\" — expected a measurement label (" + labels + ") or a fraction from 0 to 1");
}

}  // namespace mv
