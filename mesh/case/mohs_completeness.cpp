#include "case/mohs_completeness.hpp"

#include <algorithm>

#include "case/validation.hpp"

namespace mv {
namespace {

std::string hours_text(const ClockSet& set) {
  std::string out;
  for (const auto& s : set.spans())
    out += (out.empty() ? "" : ", ") + (s.hours() >= 12.0 ? std::string("all round") : number_text(s.from) + "-" + number_text(s.to) + " o'clock");
  return out;
}

}  // namespace

std::string OpenMargin::describe() const {
  return stage_name + " block " + label + ": " + (kind == MarginKind::Peripheral ? "peripheral " : "deep ") + result_key(result) + " at " +
         hours_text(open);
}

bool MohsCompleteness::pending() const {
  return std::any_of(open.begin(), open.end(), [](const OpenMargin& m) { return m.result == MarginResult::Pending; });
}

ClockSet MohsCompleteness::open_periphery() const {
  ClockSet out;
  for (const auto& m : open)
    if (m.kind == MarginKind::Peripheral) out.add(m.open);
  return out;
}

ClockSet MohsCompleteness::open_deep() const {
  ClockSet out;
  for (const auto& m : open)
    if (m.kind == MarginKind::Deep) out.add(m.open);
  return out;
}

std::string MohsCompleteness::summary() const {
  if (open.empty()) return "margins clear";
  std::string out = pending() ? "margins not yet known — " : "margins not clear — ";
  for (size_t i = 0; i < open.size(); ++i) out += (i ? "; " : "") + open[i].describe();
  return out;
}

MohsCompleteness mohs_completeness(const MohsRecord& record, int stages) {
  const int n = stages < 0 ? static_cast<int>(record.stages.size()) : std::min(stages, static_cast<int>(record.stages.size()));
  MohsCompleteness out;
  for (int k = 0; k < n; ++k) {
    const MohsStage& s = record.stages[static_cast<size_t>(k)];
    // This stage first takes what earlier stages left open ...
    for (auto& m : out.open)
      for (const auto& b : s.blocks) {
        const BlockLayer layer = s.layer_of(b);
        if (m.kind == MarginKind::Peripheral ? takes_periphery(layer) : takes_deep(layer)) m.open.subtract(b.span);
      }
    out.open.erase(std::remove_if(out.open.begin(), out.open.end(), [](const OpenMargin& m) { return m.open.empty(); }), out.open.end());
    // ... then its own blocks open what their slides found (or have not yet shown).
    for (size_t i = 0; i < s.blocks.size(); ++i) {
      const MohsBlock& b = s.blocks[i];
      const BlockLayer layer = s.layer_of(b);
      if (takes_periphery(layer) && needs_further_stage(b.peripheral))
        out.open.push_back({k, i, b.label, MarginKind::Peripheral, b.peripheral, ClockSet(b.span), stage_name(record, static_cast<size_t>(k))});
      if (needs_further_stage(b.deep))
        out.open.push_back({k, i, b.label, MarginKind::Deep, b.deep, ClockSet(b.span), stage_name(record, static_cast<size_t>(k))});
    }
  }
  return out;
}

}  // namespace mv
