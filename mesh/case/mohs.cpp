#include "case/mohs.hpp"

#include "common/keys.hpp"
#include <cmath>
#include <numbers>

namespace mv {
namespace {
double wrap12(double h) {
  double w = std::fmod(h, 12.0);
  return w < 0.0 ? w + 12.0 : w;
}
}  // namespace

std::string result_key(MarginResult r) {
  switch (r) {
    case MarginResult::Clear:
      return "clear";
    case MarginResult::Positive:
      return "positive";
    case MarginResult::Close:
      return "close";
    case MarginResult::Indeterminate:
      return "indeterminate";
    case MarginResult::Pending:
      return "pending";
    case MarginResult::NotExamined:
      return "not examined";
  }
  return "clear";
}

bool needs_further_stage(MarginResult r) {
  return r == MarginResult::Positive || r == MarginResult::Indeterminate || r == MarginResult::Pending || r == MarginResult::NotExamined;
}

std::string stage_name(const MohsRecord& m, size_t k) {
  int mohs = 0, excisions = 0, excision_index = 0;
  for (size_t i = 0; i < m.stages.size(); ++i) {
    const bool excision = m.stages[i].procedure == Procedure::Excision;
    excisions += excision;
    if (i <= k) (excision ? excision_index : mohs) += 1;
  }
  const MohsStage& s = m.stages.at(k);
  if (s.procedure == Procedure::Mohs) return "stage " + std::to_string(mohs);
  return "excision" + (excisions > 1 ? " " + std::to_string(excision_index) : std::string()) +
         (s.performed_by.empty() ? "" : " by " + s.performed_by);
}

std::string procedure_key(Procedure p) { return p == Procedure::Excision ? "excision" : "mohs"; }

std::string processing_key(Processing p) { return p == Processing::Paraffin ? "paraffin" : "frozen"; }

std::optional<Processing> processing_from_key(const std::string& key) {
  return from_key(key, {Processing::Frozen, Processing::Paraffin}, processing_key);
}

std::string layer_key(BlockLayer l) {
  switch (l) {
    case BlockLayer::Full:
      return "full";
    case BlockLayer::Peripheral:
      return "peripheral";
    case BlockLayer::Deep:
      return "deep";
  }
  return "full";
}

std::optional<BlockLayer> layer_from_key(const std::string& key) {
  return from_key(key, {BlockLayer::Full, BlockLayer::Peripheral, BlockLayer::Deep}, layer_key);
}

std::optional<MarginResult> result_from_key(const std::string& key) {
  return from_key(key,
                  {MarginResult::Clear, MarginResult::Positive, MarginResult::Close, MarginResult::Indeterminate, MarginResult::Pending,
                   MarginResult::NotExamined},
                  result_key);
}

double ClockSpan::hours() const {
  const double len = wrap12(to - from);
  return len == 0.0 ? 12.0 : len;
}

bool ClockSpan::contains(double hour) const { return wrap12(hour - from) < hours(); }

double ClockSpan::middle() const { return wrap12(from + hours() / 2.0); }

std::string plane_key(DepthPlane p) {
  switch (p) {
    case DepthPlane::Subcutis:
      return "subcutis";
    case DepthPlane::Fascia:
      return "fascia";
    case DepthPlane::Muscle:
      return "muscle";
    case DepthPlane::Periosteum:
      return "periosteum";
  }
  return "subcutis";
}

std::vector<DepthPlane> planes_at(Site site) {
  std::vector<DepthPlane> out{DepthPlane::Subcutis, DepthPlane::Fascia};
  bool muscle = false, bone = false;
  for (const auto& l : site_spec(site).layers) muscle |= l.kind == TissueKind::Muscle, bone |= l.kind == TissueKind::Bone;
  if (muscle) out.push_back(DepthPlane::Muscle);
  if (bone) out.push_back(DepthPlane::Periosteum);
  return out;
}

std::string plane_names(Site site) {
  std::string names;
  for (auto p : planes_at(site)) names += (names.empty() ? "" : ", ") + plane_key(p);
  return names;
}

std::optional<DepthPlane> plane_from_key(const std::string& key, Site site) {
  const std::string k = (key == "galea" && site == Site::Scalp) ? "fascia" : key;
  for (auto p : planes_at(site))
    if (plane_key(p) == k) return p;
  return std::nullopt;
}

bool MohsStage::covers(double hour) const {
  for (const auto& b : blocks)
    if (b.span.contains(hour)) return true;
  return false;
}

BlockLayer MohsStage::layer_of(const MohsBlock& b) const { return b.layer.value_or(deep_only ? BlockLayer::Deep : BlockLayer::Full); }

bool MohsStage::takes_periphery_anywhere() const {
  for (const auto& b : blocks)
    if (takes_periphery(layer_of(b))) return true;
  return false;
}

double angle_to_clock(double theta) { return wrap12(3.0 - theta * 6.0 / std::numbers::pi); }

}  // namespace mv
