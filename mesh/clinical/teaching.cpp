#include "clinical/teaching.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

#include "reconstruction/timeline.hpp"
#include "common/units.hpp"

namespace mv {

namespace {

// ∫ r²/2 dθ around the region (trapezoids, closing the circle).
double flat_area_mm2(const PolarRegion& r) {
  double a = 0.0;
  for (size_t j = 0; j < r.theta.size(); ++j) {
    const size_t k = (j + 1) % r.theta.size();
    double dt = r.theta[k] - r.theta[j];
    if (dt <= 0.0) dt += 2.0 * std::numbers::pi;
    a += 0.25 * (r.radius_mm[j] * r.radius_mm[j] + r.radius_mm[k] * r.radius_mm[k]) * dt;
  }
  return a;
}

}  // namespace

TeachingScenario draw_scenario(const PlannedExcision& plan, std::uint64_t seed) {
  return {seed, spread::draw_virtual_patient(plan.spread->context(), seed)};
}

PolarRegion hidden_region(const PlannedExcision& plan, const TeachingScenario& s) {
  const auto& ctx = plan.spread->context();
  PolarRegion r;
  r.theta = ctx.theta;
  for (size_t j = 0; j < ctx.theta.size(); ++j) {
    r.radius_mm.push_back(s.truth.radius_mm(ctx, j));
    r.depth_mm.push_back(0.8);
  }
  return r;
}

namespace {

constexpr double kLeftBehindMm = 1e-6;  // how far past the plan's edge or floor counts as left behind

bool deeper_than_plan(const PlannedExcision& plan, const TeachingScenario& s) { return s.truth.depth_mm > plan.depth_mm + kLeftBehindMm; }

}  // namespace

bool clears(const PlannedExcision& plan, const TeachingScenario& s) {
  const auto& ctx = plan.spread->context();
  if (deeper_than_plan(plan, s)) return false;
  for (size_t j = 0; j < ctx.theta.size(); ++j)
    if (s.truth.radius_mm(ctx, j) - plan.region.radius_mm[j] > kLeftBehindMm) return false;
  return true;
}

TeachingOutcome judge(const SiteModel& model, const LesionFrame& frame, const PlannedExcision& plan, const TeachingScenario& s) {
  TeachingOutcome o;
  // Tumour left behind wherever its true extent reaches beyond the planned outline: the same
  // test, at the same angles, as the plan's chance (spread::ClearanceSampler).
  const PolarRegion truth = hidden_region(plan, s);
  std::array<bool, 12> beyond{};
  for (size_t j = 0; j < truth.theta.size(); ++j) {
    const size_t sector = static_cast<size_t>(sector_of_hour(angle_to_clock(truth.theta[j])));
    const double past = units::mm_to_cm(truth.radius_mm[j] - plan.region.radius_mm[j]);
    if (past > units::mm_to_cm(kLeftBehindMm)) beyond[sector] = true, o.shortfall_cm[sector] = std::max(o.shortfall_cm[sector], past);
    // The plan's outline lies its margin inside its edge: the margin that would have reached the tumour here.
    o.clearing_margin_cm = std::max(o.clearing_margin_cm, plan.request.margin_cm[sector] + past);
  }
  o.reached_plane = spread::depth_level_name(s.truth.depth_level);
  const auto& levels = plan.spread->context().levels;
  if (s.truth.depth_level == 2 && levels.bottom_mm[2] - levels.top_mm[2] < 1e-9)
    o.reached_plane = "below the fascia";  // no muscle here (scalp, ankle)
  for (int h = 1; h <= 12; ++h)
    if (beyond[static_cast<size_t>(sector_of_hour(h))]) o.left_behind_hours.push_back(h);
  o.deep_left_behind = deeper_than_plan(plan, s);
  o.clear = o.left_behind_hours.empty() && !o.deep_left_behind;
  // Areas on the skin: the plan, the tumour, and their overlap.
  PolarRegion overlap = truth;
  std::vector<double> reach(truth.theta.size());
  for (size_t j = 0; j < truth.theta.size(); ++j) {
    overlap.radius_mm[j] = std::min(truth.radius_mm[j], plan.region.radius_mm[j]);
    reach[j] = std::max(truth.radius_mm[j], plan.region.radius_mm[j]);
  }
  try {
    const SkinRays rays(model.skin, frame, truth.theta, reach);
    o.plan_area_cm2 = plan.area_cm2;
    o.tumour_area_cm2 = units::mm2_to_cm2(build_polar_solid(rays, truth).skin_area_mm2);
    o.healthy_area_cm2 = o.plan_area_cm2 - units::mm2_to_cm2(build_polar_solid(rays, overlap).skin_area_mm2);
  } catch (const PlacementError&) {
    // The tumour runs off the modelled skin (a far reach on a small body part): flat areas.
    o.beyond_skin = true;
    o.plan_area_cm2 = units::mm2_to_cm2(flat_area_mm2(plan.region));
    o.tumour_area_cm2 = units::mm2_to_cm2(flat_area_mm2(truth));
    o.healthy_area_cm2 = o.plan_area_cm2 - units::mm2_to_cm2(flat_area_mm2(overlap));
  }
  o.score = o.clear ? static_cast<int>(std::lround(100.0 * o.tumour_area_cm2 / o.plan_area_cm2)) : 0;
  return o;
}

Difficulty teaching_difficulty(const Case& c) {
  Difficulty d;
  const auto& first = c.measurements.front();
  if (std::max(first.x_cm, first.y_cm) > 5.0) d.reasons.push_back("large");
  if (c.site == Site::Scalp) d.reasons.push_back("head and neck");
  if (c.presentation == Presentation::Recurrent) d.reasons.push_back("recurrent");
  if (c.imatinib) d.reasons.push_back("after imatinib");
  d.level = static_cast<int>(d.reasons.size());
  return d;
}

std::string TeachingTally::csv() const {
  std::ostringstream out;
  out << "case_id,date,scenario,seed,margins_cm_1_to_12,depth,clear,left_behind_hours,deep_left_behind,plan_area_cm2,tumour_area_cm2,healthy_area_"
         "beyond_tumour_cm2,score,clearing_margin_cm,reached_plane\n";
  // A case id is an identifier of ours (letters, digits, - and _), but quote it in case.
  std::string id = "\"";
  for (char ch : case_id) id += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  id += "\"";
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out << id << ',' << date << ',' << i + 1 << ',' << r.seed << ',';
    for (size_t h = 0; h < 12; ++h) out << (h ? ";" : "") << r.margin_cm[h];
    out << ',' << r.depth << ',' << (r.outcome.clear ? "yes" : "no") << ',';
    for (size_t k = 0; k < r.outcome.left_behind_hours.size(); ++k) out << (k ? ";" : "") << r.outcome.left_behind_hours[k];
    out << ',' << (r.outcome.deep_left_behind ? "yes" : "no") << ',' << r.outcome.plan_area_cm2 << ',' << r.outcome.tumour_area_cm2 << ','
        << r.outcome.healthy_area_cm2 << ',' << r.outcome.score << ',' << r.outcome.clearing_margin_cm << ',' << r.outcome.reached_plane << '\n';
  }
  return out.str();
}

int TeachingTally::cleared() const {
  int n = 0;
  for (const auto& r : rows) n += r.outcome.clear;
  return n;
}

double TeachingTally::mean_score() const {
  if (rows.empty()) return 0.0;
  double s = 0.0;
  for (const auto& r : rows) s += r.outcome.score;
  return s / static_cast<double>(rows.size());
}

}  // namespace mv
