#include "case/mohs_validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "case/mohs_completeness.hpp"
#include "case/validation.hpp"

namespace mv {
namespace {

struct Interval {
  double from, to;  // within [0, 12]
  size_t block;
};

// A span as one or two intervals on [0, 12].
void split(const ClockSpan& s, size_t block, std::vector<Interval>& out) {
  const double from = std::fmod(s.from, 12.0), len = s.hours();
  if (from + len <= 12.0 + 1e-9) out.push_back({from, std::min(12.0, from + len), block});
  else
    out.push_back({from, 12.0, block}), out.push_back({0.0, from + len - 12.0, block});
}

std::string block_name(const std::string& stage_path, size_t i, const MohsBlock& b) {
  return stage_path + ".blocks[" + std::to_string(i) + "] (" + b.label + ")";
}

void check_coverage(const MohsStage& s, const std::string& p, std::vector<Issue>& out) {
  std::vector<Interval> iv;
  for (size_t i = 0; i < s.blocks.size(); ++i) split(s.blocks[i].span, i, iv);
  std::sort(iv.begin(), iv.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
  constexpr double eps = 1e-6;
  double reached = 0.0;
  for (size_t k = 0; k < iv.size(); ++k) {
    if (iv[k].from > reached + eps && s.full_circle)
      out.push_back({Severity::Error, p + ".blocks",
                     "gap from " + number_text(reached) + " to " + number_text(iv[k].from) +
                         " o'clock — a full-circle stage's blocks must cover 0-12 without gaps"});
    if (k > 0 && iv[k].from < reached - eps) {
      size_t other = iv[k - 1].block;
      for (size_t j = 0; j < k; ++j)
        if (iv[j].to > iv[k].from + eps) other = iv[j].block;
      out.push_back({Severity::Error, block_name(p, iv[k].block, s.blocks[iv[k].block]),
                     number_text(iv[k].from) + " to " + number_text(std::min(reached, iv[k].to)) + " o'clock — overlaps " +
                         block_name(p, other, s.blocks[other]) + "; blocks must not overlap"});
    }
    reached = std::max(reached, iv[k].to);
  }
  if (s.full_circle && reached < 12.0 - eps)
    out.push_back({Severity::Error, p + ".blocks",
                   "gap from " + number_text(reached) + " to 12 o'clock — a full-circle stage's blocks must cover 0-12 without gaps"});
}

}  // namespace

void validate_mohs(const Case& c, std::vector<Issue>& out) {
  if (!c.mohs) return;
  const auto& stages = c.mohs->stages;
  if (stages.empty()) out.push_back({Severity::Error, "mohs.stages", "empty — a Mohs record needs at least one stage"});
  if (stages.size() > limits::kMaxMohsStages)
    out.push_back({Severity::Error, "mohs.stages",
                   std::to_string(stages.size()) + " stages — more than the " + std::to_string(limits::kMaxMohsStages) + " a case may hold"});
  static const std::set<std::string> inks = {"blue", "red", "black", "green", "yellow", "orange"};
  std::optional<double> previous_depth;
  for (size_t i = 0; i < stages.size(); ++i) {
    const MohsStage& s = stages[i];
    const std::string p = "mohs.stages[" + std::to_string(i) + "]";
    if (s.deep_only) {
      if (i == 0)
        out.push_back(
            {Severity::Error, p + ".deep_only", "true — the first stage must take a peripheral margin; deep-only stages go under a previous one"});
      if (s.margin_cm != 0.0)
        out.push_back({Severity::Error, p + ".margin_cm", number_text(s.margin_cm) + " — a deep-only stage has no peripheral margin"});
    } else if (!(std::isfinite(s.margin_cm) && s.margin_cm > 0.0 && s.margin_cm <= 10.0)) {
      out.push_back({Severity::Error, p + ".margin_cm", number_text(s.margin_cm) + " — must be > 0 and ≤ 10 (cm)"});
    }
    if (s.plane && s.depth_mm) out.push_back({Severity::Error, p, "has both \"depth\" and \"depth_mm\" — give one: a tissue plane or a depth in mm"});
    if (s.depth_mm && !(std::isfinite(*s.depth_mm) && *s.depth_mm > 0.0 && *s.depth_mm <= limits::kMaxThicknessMm))
      out.push_back(
          {Severity::Error, p + ".depth_mm", number_text(*s.depth_mm) + " — must be > 0 and ≤ " + number_text(limits::kMaxThicknessMm) + " (mm)"});
    if (s.blocks.empty()) out.push_back({Severity::Error, p + ".blocks", "empty — a stage needs at least one block"});
    if (s.blocks.size() > limits::kMaxBlocksPerStage)
      out.push_back(
          {Severity::Error, p + ".blocks",
           std::to_string(s.blocks.size()) + " blocks — more than the " + std::to_string(limits::kMaxBlocksPerStage) + " a stage may hold"});
    if (i == 0 && !s.full_circle)
      out.push_back(
          {Severity::Error, p + ".extent", "\"partial\" — the first stage takes the whole clinical tumour with its margin: it must cover 0-12"});
    if (s.date) {
      check_record_date(c, p + ".date", *s.date, out);
      if (!mixes_date_forms(c, *s.date) && !c.measurements.empty() && s.date->ordinal() < c.measurements.back().date.ordinal())
        out.push_back({Severity::Warning, p + ".date", s.date->describe() + " — before the last (pre-operative) measurement"});
    }
    // (Wedges are cut at the depth already reached where they go: a shallower plane is no surprise.)
    const bool goes_deep = std::any_of(s.blocks.begin(), s.blocks.end(), [&](const MohsBlock& b) { return takes_deep(s.layer_of(b)); });
    if (i > 0 && goes_deep && s.plane && stages[i - 1].plane && static_cast<int>(*s.plane) < static_cast<int>(*stages[i - 1].plane))
      out.push_back({Severity::Warning, p + ".depth", "\"" + plane_key(*s.plane) + "\" — shallower than the previous stage"});
    std::set<std::string> labels;
    for (size_t b = 0; b < s.blocks.size(); ++b) {
      const auto& blk = s.blocks[b];
      const std::string bp = p + ".blocks[" + std::to_string(b) + "]";
      if (blk.label.empty()) out.push_back({Severity::Error, bp + ".label", "\"\" — every block needs a label (A, B, … or 1, 2, …)"});
      else if (!labels.insert(blk.label).second)
        out.push_back({Severity::Error, bp + ".label", "\"" + blk.label + "\" — must be unique within the stage"});
      for (auto [key, v] : {std::pair{".from", blk.span.from}, std::pair{".to", blk.span.to}})
        if (!(std::isfinite(v) && v >= 0.0 && v <= 12.0))
          out.push_back({Severity::Error, bp + key, number_text(v) + " — must be a clock position from 0 to 12"});
      if (blk.ink && !inks.count(*blk.ink))
        out.push_back({Severity::Warning, bp + ".ink", "\"" + *blk.ink + "\" — not one of blue, red, black, green, yellow, orange; drawn grey"});
    }
    check_coverage(s, p, out);
    for (size_t b = 0; b < s.blocks.size(); ++b) {
      const auto& blk = s.blocks[b];
      if (!blk.layer) continue;
      if (i == 0 && *blk.layer != BlockLayer::Full)
        out.push_back({Severity::Error, block_name(p, b, blk) + ".layer", "\"" + layer_key(*blk.layer) + "\" — the first stage takes full layers"});
      else if (s.deep_only && *blk.layer != BlockLayer::Deep)
        out.push_back(
            {Severity::Error, block_name(p, b, blk) + ".layer", "\"" + layer_key(*blk.layer) + "\" — a deep-only stage has no peripheral margin"});
    }
    if (i > 0) {
      // A later stage goes where an earlier one left a margin open, unless the surgeon chose otherwise.
      const MohsCompleteness before = mohs_completeness(*c.mohs, static_cast<int>(i));
      if (before.clear()) out.push_back({Severity::Warning, p, "taken when every earlier margin was clear"});
      ClockSet open = before.open_periphery();
      open.add(before.open_deep());
      if (!s.surgeons_choice && !before.clear()) {
        for (size_t b = 0; b < s.blocks.size(); ++b) {
          const ClockSet outside = ClockSet(s.blocks[b].span).minus(open);
          if (outside.hours() < 0.05) continue;
          const ClockSpan first = outside.spans().front();
          out.push_back({Severity::Error, block_name(p, b, s.blocks[b]),
                         number_text(s.blocks[b].span.from) + " to " + number_text(s.blocks[b].span.to) + " o'clock — reaches " +
                             number_text(first.from) + "-" + number_text(first.to) +
                             " o'clock, where no earlier margin is open; a later stage goes where a margin was not clear (set \"surgeons_choice\": "
                             "true if intended)"});
        }
      }
    }
    if (s.outline_cm.size() > limits::kMaxOutlinePoints)
      out.push_back(
          {Severity::Error, p + ".outline_cm",
           std::to_string(s.outline_cm.size()) + " points — more than the " + std::to_string(limits::kMaxOutlinePoints) + " an outline may hold"});
    for (size_t k = 0; k < s.outline_cm.size(); ++k) {
      const auto& pt = s.outline_cm[k];
      if (!(std::isfinite(pt.x) && std::isfinite(pt.y) && std::abs(pt.x) <= limits::kMaxLesionCm && std::abs(pt.y) <= limits::kMaxLesionCm))
        out.push_back({Severity::Error, p + ".outline_cm[" + std::to_string(k) + "]",
                       "[" + number_text(pt.x) + ", " + number_text(pt.y) + "] — must be within ±60 cm of the lesion centre"});
    }
    if (s.depth_mm) {
      if (previous_depth && *s.depth_mm < *previous_depth)
        out.push_back({Severity::Warning, p + ".depth_mm", number_text(*s.depth_mm) + " — shallower than the previous stage"});
      previous_depth = *s.depth_mm;
    }
  }
  // Open margins in ANY stage, not just the last: the record is not yet a clear boundary.
  for (const auto& o : mohs_completeness(*c.mohs).open)
    out.push_back(
        {Severity::Warning, "mohs.stages[" + std::to_string(o.stage) + "].blocks[" + std::to_string(o.block) + "] (" + o.label + ")",
         o.describe() + (o.result == MarginResult::Pending ? " — not read yet" : " — no later stage has taken it") + ": the margins are not clear"});
}

}  // namespace mv
