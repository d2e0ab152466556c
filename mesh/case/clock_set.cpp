#include "case/clock_set.hpp"

#include <algorithm>
#include <cmath>

namespace mv {
namespace {
constexpr double kEps = 1e-9;  // spans closer than this are one (clock positions are typed to ~0.01 h)
}

void ClockSet::insert(double from, double to) {
  if (to - from > kEps) parts_.push_back({from, to});
}

void ClockSet::add(const ClockSpan& span) {
  double from = std::fmod(span.from, 12.0);
  if (from < 0.0) from += 12.0;
  const double end = from + span.hours();
  if (end <= 12.0 + kEps) insert(from, std::min(end, 12.0));
  else
    insert(from, 12.0), insert(0.0, end - 12.0);
  normalise();
}

void ClockSet::add(const ClockSet& other) {
  parts_.insert(parts_.end(), other.parts_.begin(), other.parts_.end());
  normalise();
}

void ClockSet::normalise() {
  std::sort(parts_.begin(), parts_.end(), [](const Part& a, const Part& b) { return a.from < b.from; });
  std::vector<Part> merged;
  for (const Part& p : parts_) {
    if (!merged.empty() && p.from <= merged.back().to + kEps) merged.back().to = std::max(merged.back().to, p.to);
    else
      merged.push_back(p);
  }
  parts_ = std::move(merged);
}

ClockSet ClockSet::intersected(const ClockSet& other) const {
  ClockSet out;
  for (const Part& a : parts_)
    for (const Part& b : other.parts_) out.insert(std::max(a.from, b.from), std::min(a.to, b.to));
  out.normalise();
  return out;
}

ClockSet ClockSet::minus(const ClockSet& other) const {
  ClockSet out = *this;
  for (const Part& b : other.parts_) {
    std::vector<Part> kept;
    for (const Part& a : out.parts_) {
      if (b.to <= a.from + kEps || b.from >= a.to - kEps) {
        kept.push_back(a);
        continue;
      }
      if (b.from - a.from > kEps) kept.push_back({a.from, b.from});
      if (a.to - b.to > kEps) kept.push_back({b.to, a.to});
    }
    out.parts_ = std::move(kept);
  }
  return out;
}

void ClockSet::subtract(const ClockSpan& span) { *this = minus(ClockSet(span)); }

double ClockSet::hours() const {
  double h = 0.0;
  for (const Part& p : parts_) h += p.to - p.from;
  return h;
}

std::vector<ClockSpan> ClockSet::spans() const {
  if (parts_.empty()) return {};
  if (parts_.size() == 1 && parts_[0].from <= kEps && parts_[0].to >= 12.0 - kEps) return {ClockSpan{0.0, 12.0}};
  std::vector<ClockSpan> out;
  for (const Part& p : parts_) out.push_back({p.from, p.to});  // a span ending at 12 keeps "12" (not 0) for messages and files
  // One that ends at 12 and one that starts at 0 are one span through 12 o'clock.
  if (out.size() > 1 && parts_.back().to >= 12.0 - kEps && parts_.front().from <= kEps) {
    out.front().from = out.back().from;
    out.pop_back();
  }
  return out;
}

}  // namespace mv
