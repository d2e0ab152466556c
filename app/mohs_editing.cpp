#include "mohs_editing.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>

#include "case/mohs_completeness.hpp"

namespace mv::app {
namespace {

int severity(MarginResult r) {
  switch (r) {
    // What needs a further stage outranks what does not: a merge must never hide an open margin.
    case MarginResult::Clear:
      return 0;
    case MarginResult::Close:
      return 1;
    case MarginResult::NotExamined:
      return 2;
    case MarginResult::Pending:
      return 3;
    case MarginResult::Indeterminate:
      return 4;
    case MarginResult::Positive:
      return 5;
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
    case MarginResult::Pending:
      return MarginResult::Clear;
    case MarginResult::Clear:
      return MarginResult::Positive;
    case MarginResult::Positive:
      return MarginResult::Close;
    case MarginResult::Close:
      return MarginResult::Indeterminate;
    case MarginResult::Indeterminate:
      return MarginResult::NotExamined;
    case MarginResult::NotExamined:
      return MarginResult::Pending;
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
    if (stage.layer_of(n) != stage.layer_of(b)) return false;  // a wedge and a deep-only layer are different tissue
    b.span.to = n.span.to;
    b.peripheral = worse(b.peripheral, n.peripheral);
    b.deep = worse(b.deep, n.deep);
    stage.blocks.erase(stage.blocks.begin() + static_cast<long>(j));
    return true;
  }
  return false;
}

MohsStage first_stage(Site site, std::optional<CaseDate> date) {
  MohsStage s;
  s.margin_cm = 1.0;
  s.full_circle = true;
  s.plane = planes_at(site).size() > 1 ? DepthPlane::Fascia : DepthPlane::Subcutis;
  s.date = std::move(date);
  const char* labels[] = {"A", "B", "C", "D"};
  const char* inks[] = {"blue", "red", "black", "green"};
  for (int i = 0; i < 4; ++i)
    s.blocks.push_back({labels[i],
                        {std::fmod(10.5 + 3.0 * i, 12.0), std::fmod(1.5 + 3.0 * i, 12.0)},
                        std::nullopt,
                        MarginResult::Pending,
                        MarginResult::Pending,
                        std::string(inks[i]),
                        {}});
  return s;
}

std::optional<MohsStage> next_stage_from_open(const MohsRecord& record, Site site, std::optional<CaseDate> date) {
  if (record.stages.empty()) return std::nullopt;
  const MohsCompleteness done = mohs_completeness(record);
  const ClockSet periphery = done.open_periphery(), deep = done.open_deep();
  if (periphery.empty() && deep.empty()) return std::nullopt;
  MohsStage next;
  next.full_circle = false;
  next.date = std::move(date);
  // The margin of the last stage that widened, and one plane below the deepest plane so far.
  next.margin_cm = 1.0;
  for (const auto& st : record.stages)
    if (!st.deep_only && st.margin_cm > 0.0) next.margin_cm = st.margin_cm;
  const MohsStage& last = record.stages.back();
  next.plane = last.plane;
  // Stages recorded in mm (no plane) go 5 mm deeper where a deep margin is open.
  if (!last.plane) next.depth_mm = last.depth_mm.value_or(10.0) + (deep.empty() ? 0.0 : 5.0);
  for (const auto& st : record.stages)
    if (st.plane && next.plane && static_cast<int>(*st.plane) > static_cast<int>(*next.plane)) next.plane = st.plane;
  if (!deep.empty() && next.plane) {
    const auto planes = planes_at(site);
    const auto it = std::find(planes.begin(), planes.end(), *next.plane);
    if (it != planes.end() && it + 1 != planes.end()) next.plane = *(it + 1);
  } else if (deep.empty()) {
    // Wedges only: they are cut at the depth already reached there, the plane of the stage whose
    // periphery is open (the deepest, if several).
    std::optional<DepthPlane> plane;
    for (const auto& o : done.open)
      if (const auto& p = record.stages[static_cast<size_t>(o.stage)].plane; p && (!plane || static_cast<int>(*p) > static_cast<int>(*plane)))
        plane = p;
    if (plane) next.plane = plane;
  }
  if (next.plane) next.depth_mm.reset();  // exactly one of plane / depth_mm
  // The block whose open margin lies at a clock position: its label and ink carry over.
  auto origin = [&](double hour) -> const MohsBlock* {
    for (auto it = done.open.rbegin(); it != done.open.rend(); ++it)
      for (const auto& sp : it->open.spans())
        if (sp.contains(hour)) return &record.stages[static_cast<size_t>(it->stage)].blocks[it->block];
    return nullptr;
  };
  const std::string suffix = std::to_string(record.stages.size() + 1);
  std::vector<std::pair<ClockSpan, BlockLayer>> parts;
  for (const auto& sp : periphery.intersected(deep).spans()) parts.push_back({sp, BlockLayer::Full});
  for (const auto& sp : periphery.minus(deep).spans()) parts.push_back({sp, BlockLayer::Peripheral});
  for (const auto& sp : deep.minus(periphery).spans()) parts.push_back({sp, BlockLayer::Deep});
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.first.from < b.first.from; });
  next.deep_only = std::all_of(parts.begin(), parts.end(), [](const auto& p) { return p.second == BlockLayer::Deep; });
  if (next.deep_only) next.margin_cm = 0.0;
  for (const auto& [span, layer] : parts) {
    const MohsBlock* from = origin(span.middle());
    MohsBlock b;
    b.span = span;
    b.label = from ? from->label + suffix : suffix;
    for (const auto& other : next.blocks)
      if (other.label == b.label) b.label = unused_label(next, b.label);
    b.ink = from ? from->ink : std::nullopt;
    b.peripheral = takes_periphery(layer) ? MarginResult::Pending : MarginResult::Clear;
    b.deep = MarginResult::Pending;
    // Said on the block only where it differs from the stage's kind.
    if (layer != (next.deep_only ? BlockLayer::Deep : BlockLayer::Full)) b.layer = layer;
    next.blocks.push_back(b);
  }
  return next;
}

std::optional<CaseDate> new_stage_date(const Case& c, const std::string& today) {
  const bool iso = !c.measurements.empty() && c.measurements.front().date.iso.has_value();
  CaseDate d;
  if (iso) {
    d.iso = today;
    return d;
  }
  if (c.mohs)
    for (auto it = c.mohs->stages.rbegin(); it != c.mohs->stages.rend(); ++it)
      if (it->date && it->date->day) return CaseDate{it->date->day, std::nullopt, Json::object()};
  if (!c.measurements.empty() && c.measurements.back().date.day) return CaseDate{c.measurements.back().date.day, std::nullopt, Json::object()};
  return std::nullopt;
}

std::string today_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

}  // namespace mv::app
