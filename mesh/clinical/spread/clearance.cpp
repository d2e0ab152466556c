#include "clinical/spread/clearance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace mv::spread {
namespace {

// The centres' tables: reach limits from 0.005 to 100 cm, log-spaced (2.6% apart; linear
// interpolation in between is within 1e-4 of the law).
constexpr int kCells = 384;
const double kLnFirst = std::log(0.005), kLnStep = (std::log(100.0) - std::log(0.005)) / kCells;

constexpr size_t kFewPatterns = 32;  // for the per-hour figures, envelopes and curve: smooth enough, 4x cheaper

}  // namespace

ClearanceSampler::ClearanceSampler(const SpreadContext& ctx, std::uint64_t seed, int centres, int patterns) : ctx_(ctx), seed_(seed) {
  const FittedModel& m = fitted_model();
  std::mt19937_64 rng(seed);
  if (centres <= 0) centres = static_cast<int>(m.draws.size());
  // Each centre a posterior draw (spread evenly over them) with its reach shift stratified over
  // the between-centre distribution, in shuffled order.
  std::vector<int> order(static_cast<size_t>(centres));
  std::iota(order.begin(), order.end(), 0);
  random::shuffle(order.begin(), order.end(), rng);
  for (int k = 0; k < centres; ++k) {
    Centre c;
    c.p = m.draws[static_cast<size_t>(k) * m.draws.size() / static_cast<size_t>(centres)];
    c.effect = new_centre(c.p, normal_quantile((order[static_cast<size_t>(k)] + 0.5) / centres), rng);
    c.reach = reach_law(c.p, ctx_.covariates, c.effect);
    for (int i = 0; i <= kCells; ++i) c.table.push_back(static_cast<float>(c.reach.cdf(std::exp(kLnFirst + i * kLnStep))));
    c.sigma_index = 0;
    for (size_t s = 1; s < m.sigma_direction_grid.size(); ++s)
      if (std::abs(m.sigma_direction_grid[s] - c.p.sigma_direction) < std::abs(m.sigma_direction_grid[c.sigma_index] - c.p.sigma_direction))
        c.sigma_index = s;
    centres_.push_back(c);
  }
  random::StandardNormal normal;
  for (int k = 0; k < patterns; ++k) {
    std::array<double, kSectors> e{};
    for (auto& x : e) x = normal(rng);
    const double top = *std::max_element(e.begin(), e.end());
    Pattern pat;
    for (double sd : m.sigma_direction_grid) {
      std::array<double, kSectors> rel{};
      for (size_t i = 0; i < rel.size(); ++i) rel[i] = std::exp(sd * (e[i] - top));
      std::vector<double> f(ctx_.theta.size());
      for (size_t j = 0; j < f.size(); ++j) f[j] = ctx_.relative_at(rel, j);
      pat.factor.push_back(std::move(f));
    }
    patterns_.push_back(std::move(pat));
  }
}

std::array<double, 2> ClearanceSampler::deep_chances(const Centre& c, double plane_mm) const {
  const auto levels = depth_shares(c.p, ctx_.covariates.head_neck, c.effect.depth);
  return {deep_clear_chance(levels, ctx_.levels, plane_mm, ctx_.thickness_mm(false)),
          deep_clear_chance(levels, ctx_.levels, plane_mm, ctx_.thickness_mm(true))};
}

std::vector<ClearanceSampler::Lookup> ClearanceSampler::limit_lookups(const std::vector<double>& plan_mm, size_t count,
                                                                      std::vector<std::array<Lookup, kSectors>>* sectors) const {
  const size_t grid = patterns_.empty() ? 0 : patterns_.front().factor.size();
  std::vector<Lookup> worst(count * grid * 2);
  if (sectors) sectors->resize(worst.size());
  std::array<double, kSectors> lim{};
  for (size_t k = 0; k < count; ++k)
    for (size_t s = 0; s < grid; ++s)
      for (int u = 0; u < 2; ++u) {
        const size_t i = (k * grid + s) * 2 + static_cast<size_t>(u);
        clear_limits(plan_mm, patterns_[k], s, u == 1, lim);
        worst[i] = lookup(*std::min_element(lim.begin(), lim.end()));
        if (sectors)
          for (size_t h = 0; h < kSectors; ++h) (*sectors)[i][h] = lookup(lim[h]);
      }
  return worst;
}

void ClearanceSampler::clear_limits(const std::vector<double>& plan_mm, const Pattern& pat, size_t s, bool unchanged,
                                    std::array<double, kSectors>& out) const {
  out.fill(std::numeric_limits<double>::infinity());
  const auto& f = pat.factor[s];
  for (size_t j = 0; j < plan_mm.size(); ++j) {
    const double limit = (plan_mm[j] - ctx_.base_radius_mm(j, unchanged)) / f[j] / 10.0;  // mm of radius per unit reach factor, in cm
    auto& o = out[static_cast<size_t>(ctx_.sector[j])];
    o = std::min(o, limit);
  }
}

namespace {}  // namespace

ClearanceSampler::Lookup ClearanceSampler::lookup(double limit) {
  if (!(limit >= 0.005) || !std::isfinite(limit)) return {limit, -1, 0.0};
  const double x = (std::log(limit) - kLnFirst) / kLnStep;
  const int cell = static_cast<int>(x);
  if (cell >= kCells) return {limit, -1, 0.0};
  return {limit, cell, x - cell};
}

double ClearanceSampler::Centre::chance(const Lookup& k) const {
  if (k.cell < 0) {
    if (k.limit < 0.0 || std::isnan(k.limit)) return 0.0;  // tumour is missed even with no reach at all
    if (!std::isfinite(k.limit)) return 1.0;
    return reach.cdf(k.limit);
  }
  const size_t i = static_cast<size_t>(k.cell);
  return table[i] + k.t * (table[i + 1] - table[i]);
}

namespace {}  // namespace

ClearanceEstimate ClearanceSampler::estimate(const std::vector<double>& plan_mm, double plane_mm) const {
  const size_t grid = patterns_.empty() ? 0 : patterns_.front().factor.size();
  // The limits depend on the pattern, σ_direction and the imatinib hypothesis, not on the centre.
  std::vector<std::array<Lookup, kSectors>> limits;
  const std::vector<Lookup> worst = limit_lookups(plan_mm, patterns_.size(), &limits);
  ClearanceEstimate out;
  out.seed = seed_;
  out.centres = static_cast<int>(centres_.size());
  out.patterns = static_cast<int>(patterns_.size());
  std::vector<double> shares;
  double periphery = 0.0, deep = 0.0;
  std::array<double, kSectors> sector{};
  double sector_weight = 0.0;
  for (size_t c = 0; c < centres_.size(); ++c) {
    const Centre& ce = centres_[c];
    const double pu = ctx_.treated ? ce.p.p_unchanged : 0.0;
    const std::array<double, 2> weight{1.0 - pu, pu};
    const std::array<double, 2> d = deep_chances(ce, plane_mm);
    double all = 0.0, per = 0.0;
    for (size_t k = 0; k < patterns_.size(); ++k)
      for (int u = 0; u < 2; ++u) {
        if (weight[static_cast<size_t>(u)] <= 0.0) continue;
        const size_t i = (k * grid + ce.sigma_index) * 2 + static_cast<size_t>(u);
        const double pp = ce.chance(worst[i]);
        per += weight[static_cast<size_t>(u)] * pp;
        all += weight[static_cast<size_t>(u)] * pp * d[static_cast<size_t>(u)];
        if (c % 8 == 0 && k < kFewPatterns) {
          for (size_t h = 0; h < kSectors; ++h) sector[h] += weight[static_cast<size_t>(u)] * ce.chance(limits[i][h]);
          sector_weight += weight[static_cast<size_t>(u)];
        }
      }
    shares.push_back(all / static_cast<double>(patterns_.size()));
    periphery += per / static_cast<double>(patterns_.size());
    deep += weight[0] * d[0] + weight[1] * d[1];
  }
  const double n = static_cast<double>(centres_.size());
  out.overall = std::accumulate(shares.begin(), shares.end(), 0.0) / n;
  out.low = quantile(shares, 0.025);
  out.high = quantile(shares, 0.975);
  out.peripheral = periphery / n;
  out.deep = deep / n;
  for (size_t h = 0; h < kSectors; ++h) out.sector[h] = sector_weight > 0.0 ? sector[h] / sector_weight : 0.0;
  return out;
}

double ClearanceSampler::periphery_share(const std::vector<double>& outline_mm, double margin_cm, size_t count, std::vector<double>* by_centre,
                                         const std::vector<std::array<double, 2>>* deep) const {
  std::vector<double> plan(outline_mm.size());
  for (size_t j = 0; j < plan.size(); ++j) plan[j] = outline_mm[j] + margin_cm * 10.0;
  count = std::min(count, patterns_.size());
  const size_t grid = patterns_.empty() ? 0 : patterns_.front().factor.size();
  const std::vector<Lookup> worst = limit_lookups(plan, count, nullptr);
  double total = 0.0;
  for (size_t c = 0; c < centres_.size(); ++c) {
    const Centre& ce = centres_[c];
    const double pu = ctx_.treated ? ce.p.p_unchanged : 0.0;
    const std::array<double, 2> d = deep ? (*deep)[c] : std::array<double, 2>{1.0, 1.0};
    double share = 0.0;
    for (size_t k = 0; k < count; ++k) {
      const size_t i = (k * grid + ce.sigma_index) * 2;
      share += (1.0 - pu) * d[0] * ce.chance(worst[i]);
      if (pu > 0.0) share += pu * d[1] * ce.chance(worst[i + 1]);
    }
    share /= static_cast<double>(count);
    if (by_centre) by_centre->push_back(share);
    total += share;
  }
  return total / static_cast<double>(centres_.size());
}

double ClearanceSampler::margin_containing(const std::vector<double>& outline_mm, double share) const {
  double lo = 0.0, hi = 40.0;
  if (periphery_share(outline_mm, lo, kFewPatterns, nullptr, nullptr) >= share) return 0.0;
  for (int i = 0; i < 14; ++i) {  // to 40 cm / 2¹⁴ = 0.002 cm
    const double mid = (lo + hi) / 2.0;
    (periphery_share(outline_mm, mid, kFewPatterns, nullptr, nullptr) >= share ? hi : lo) = mid;
  }
  return hi;
}

std::vector<CurvePoint> ClearanceSampler::curve(const std::vector<double>& outline_mm, double plane_mm, double max_cm, int points) const {
  // Periphery and depth share the imatinib hypothesis, so each centre's chance is counted per hypothesis.
  std::vector<std::array<double, 2>> deep;
  for (const Centre& ce : centres_) deep.push_back(deep_chances(ce, plane_mm));
  std::vector<CurvePoint> out;
  for (int i = 0; i < points; ++i) {
    const double m = max_cm * i / (points - 1);
    std::vector<double> by_centre;
    periphery_share(outline_mm, m, kFewPatterns, &by_centre, &deep);
    const double mean = std::accumulate(by_centre.begin(), by_centre.end(), 0.0) / static_cast<double>(by_centre.size());
    out.push_back({m, mean, quantile(by_centre, 0.025), quantile(by_centre, 0.975)});
  }
  return out;
}

}  // namespace mv::spread
