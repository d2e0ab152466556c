#pragma once
// A set of clock positions: disjoint half-open intervals on [0, 12), so that "which hours are
// still open" can be computed exactly rather than by sampling.
#include <vector>

#include "case/mohs.hpp"

namespace mv {

class ClockSet {
 public:
  ClockSet() = default;
  explicit ClockSet(const ClockSpan& span) { add(span); }
  void add(const ClockSpan& span);
  void add(const ClockSet& other);
  void subtract(const ClockSpan& span);
  ClockSet intersected(const ClockSet& other) const;
  ClockSet minus(const ClockSet& other) const;
  bool empty() const { return parts_.empty(); }
  double hours() const;
  // Maximal spans, joined across 12 o'clock (10.5-12 and 0-1.5 become 10.5-1.5); one that ends
  // at 12 without going on says `to` 12.
  std::vector<ClockSpan> spans() const;

 private:
  struct Part {
    double from, to;  // 0 <= from < to <= 12
  };
  void insert(double from, double to);
  void normalise();
  std::vector<Part> parts_;
};

}  // namespace mv
