#include "mohs_editing.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace mv::app {
namespace {

int severity(MarginResult r) {
  switch (r) {
    case MarginResult::Clear: return 0;
    case MarginResult::Indeterminate: return 1;
    case MarginResult::Close: return 2;
    case MarginResult::Positive: return 3;
  }
  return 0;
}

MarginResult worse(MarginResult a, MarginResult b) { return severity(a) >= severity(b) ? a : b; }

std::string unused_label(const MohsStage& stage, const std::string& base) {
  std::set<std::string> used;
  for (const auto& b : stage.blocks) used.insert(b.label);
  for (char suffix = 'a'; suffix <= 'z'; ++suffix)
    if (!used.count(base + suffix)) return base + suffix;
  return base + "+";
}

}  // namespace

MarginResult next_result(MarginResult r) {
  switch (r) {
    case MarginResult::Clear: return MarginResult::Positive;
    case MarginResult::Positive: return MarginResult::Close;
    case MarginResult::Close: return MarginResult::Indeterminate;
    case MarginResult::Indeterminate: return MarginResult::Clear;
  }
  return MarginResult::Clear;
}

void split_block(MohsStage& stage, size_t index) {
  MohsBlock& b = stage.blocks.at(index);
  const double middle = std::fmod(b.span.from + b.span.hours() / 2.0, 12.0);
  MohsBlock second = b;
  second.span.from = middle;
  second.label = unused_label(stage, b.label);
  b.span.to = middle;
  stage.blocks.insert(stage.blocks.begin() + static_cast<long>(index) + 1, second);
}

bool merge_with_next(MohsStage& stage, size_t index) {
  MohsBlock& b = stage.blocks.at(index);
  for (size_t j = 0; j < stage.blocks.size(); ++j) {
    const MohsBlock& n = stage.blocks[j];
    if (j == index || std::abs(std::fmod(n.span.from - b.span.to + 12.0, 12.0)) > 1e-9) continue;
    b.span.to = n.span.to;
    b.peripheral = worse(b.peripheral, n.peripheral);
    b.deep = worse(b.deep, n.deep);
    stage.blocks.erase(stage.blocks.begin() + static_cast<long>(j));
    return true;
  }
  return false;
}

MohsStage first_stage(Site site) {
  MohsStage s;
  s.margin_cm = 1.0;
  s.full_circle = true;
  s.plane = planes_at(site).size() > 1 ? DepthPlane::Fascia : DepthPlane::Subcutis;
  const char* labels[] = {"A", "B", "C", "D"};
  const char* inks[] = {"blue", "red", "black", "green"};
  for (int i = 0; i < 4; ++i)
    s.blocks.push_back({labels[i], {std::fmod(10.5 + 3.0 * i, 12.0), std::fmod(1.5 + 3.0 * i, 12.0)}, MarginResult::Clear, MarginResult::Clear,
                        std::string(inks[i]), {}});
  return s;
}

std::optional<MohsStage> next_stage_from_positive(const MohsRecord& record, Site site) {
  if (record.stages.empty()) return std::nullopt;
  const MohsStage& last = record.stages.back();
  MohsStage next;
  next.margin_cm = last.deep_only ? 1.0 : last.margin_cm;
  next.plane = last.plane;
  next.depth_mm = last.depth_mm;
  bool peripheral = false, deep = false;
  for (const auto& b : last.blocks) {
    if (b.peripheral == MarginResult::Clear && b.deep == MarginResult::Clear) continue;
    peripheral |= b.peripheral != MarginResult::Clear;
    deep |= b.deep != MarginResult::Clear;
    next.blocks.push_back({b.label + "2", b.span, MarginResult::Clear, MarginResult::Clear, b.ink, {}});
  }
  if (next.blocks.empty()) return std::nullopt;
  next.deep_only = !peripheral;
  if (next.deep_only) next.margin_cm = 0.0;
  if (deep && next.plane) {
    const auto planes = planes_at(site);
    const auto it = std::find(planes.begin(), planes.end(), *next.plane);
    if (it != planes.end() && it + 1 != planes.end()) next.plane = *(it + 1);
  }
  return next;
}

}  // namespace mv::app
