#include "extension_model.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <cmath>

namespace mv {

const std::vector<CdfPoint>& clearance_points() {
  static const std::vector<CdfPoint> points = {
      {0.0, 0.0, "no margin clears subclinical extension (assumption)"},
      {1.0, 0.35, "Dawes 1996"},
      {1.5, 0.50, "Dawes 1996"},
      {2.0, 0.69, "Dawes 1996"},
      {2.5, 0.85, "Dawes 1996"},
      {3.0, 0.92, "Dawes 1996"},
      {4.0, 0.95, "Kimmel 2007"},
      {5.0, 0.98, "log-normal tail fitted to Dawes (clinical.md §4)"},
      {8.0, 1.0, "upper bound (assumption)"},
  };
  return points;
}

ModelParameters parameters_for(Site site) {
  ModelParameters p;
  if (site == Site::Scalp) p.site_factor = 1.3;  // head and neck need wider margins (Serra-Guillén 2021): factor assumed
  return p;
}

namespace {

// The published curve evaluated at `m`, with its points optionally replaced (resampled curves).
double curve_at(const std::vector<double>& cleared, double m) {
  const auto& pts = clearance_points();
  if (m <= 0.0) return 0.0;
  for (size_t i = 1; i < pts.size(); ++i)
    if (m <= pts[i].margin_cm) {
      const double t = (m - pts[i - 1].margin_cm) / (pts[i].margin_cm - pts[i - 1].margin_cm);
      return cleared[i - 1] + t * (cleared[i] - cleared[i - 1]);
    }
  return 1.0;
}

double inverse_curve(const std::vector<double>& cleared, double u) {
  const auto& pts = clearance_points();
  for (size_t i = 1; i < pts.size(); ++i)
    if (u <= cleared[i]) {
      const double span = cleared[i] - cleared[i - 1];
      const double t = span > 0.0 ? (u - cleared[i - 1]) / span : 0.0;
      return pts[i - 1].margin_cm + t * (pts[i].margin_cm - pts[i - 1].margin_cm);
    }
  return pts.back().margin_cm;
}

const std::vector<double>& published() {
  static const std::vector<double> v = [] {
    std::vector<double> cleared;
    for (const auto& p : clearance_points()) cleared.push_back(p.cleared);
    return cleared;
  }();
  return v;
}

// Number of tumours behind each point: Dawes 26 procedures, Kimmel 98 tumours; anchors are fixed.
int sample_size(const CdfPoint& p) {
  const std::string s = p.source;
  if (s == "Dawes 1996") return 26;
  if (s == "Kimmel 2007") return 98;
  return 0;
}

HiddenExtent draw_with(const std::vector<double>& cleared, const ModelParameters& p, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  std::normal_distribution<double> normal(0.0, 1.0);
  HiddenExtent h;
  const double worst = inverse_curve(cleared, uni(rng)) * p.site_factor;
  std::array<double, kSectors> e{};
  for (auto& x : e) x = normal(rng);
  const double top = *std::max_element(e.begin(), e.end());
  for (int i = 0; i < kSectors; ++i) h.reach_cm[static_cast<size_t>(i)] = worst * std::exp(p.direction_spread * (e[static_cast<size_t>(i)] - top));
  double u = uni(rng), acc = 0.0;
  h.depth_level = 3;
  for (int level = 0; level < 4; ++level) {
    acc += p.depth_share[static_cast<size_t>(level)];
    if (u <= acc) {
      h.depth_level = level;
      break;
    }
  }
  return h;
}

}  // namespace

double ExtensionModel::worst_margin_from_uniform(double u) const { return inverse_curve(published(), u) * p_.site_factor; }

double ExtensionModel::cleared_by_uniform_margin(double m) const { return curve_at(published(), m / p_.site_factor); }

HiddenExtent ExtensionModel::draw(std::mt19937_64& rng) const { return draw_with(published(), p_, rng); }

int ExtensionModel::plane_level(DepthPlane plane) {
  switch (plane) {
    case DepthPlane::Subcutis: return 0;
    case DepthPlane::Fascia: return 1;
    case DepthPlane::Muscle: return 2;
    case DepthPlane::Periosteum: return 3;
  }
  return 0;
}

int sector_of_hour(double hour) {
  const int h = static_cast<int>(std::floor(std::fmod(hour + 0.5, 12.0)));  // 0 = 12 o'clock
  return h == 0 ? 11 : h - 1;
}

namespace {

// The simulated tumours behind a clearance estimate, curve after curve. They do not depend on the
// margins asked about, so they are drawn once per site, seed and size and only counted against
// each new margin: a margin-slider step went from 18 to ~2 ms (callgrind: random draws, exp and
// log were 75% of the estimate). Bounded: the last few samples asked for are kept.
std::shared_ptr<const std::vector<HiddenExtent>> clearance_sample(Site site, std::uint64_t seed, int curves, int draws_per_curve) {
  using Key = std::tuple<Site, std::uint64_t, int, int>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const std::vector<HiddenExtent>>> cache;  // shared: eviction cannot pull one from under a reader
  static std::vector<Key> order;  // oldest first
  const std::lock_guard lock(mutex);
  const Key key{site, seed, curves, draws_per_curve};
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (order.size() >= 4) cache.erase(order.front()), order.erase(order.begin());
  const ModelParameters params = parameters_for(site);
  std::mt19937_64 rng(seed);
  std::vector<HiddenExtent> draws;
  draws.reserve(static_cast<size_t>(curves) * static_cast<size_t>(draws_per_curve));
  for (int c = 0; c < curves; ++c) {
    // One plausible version of the published curve: each point redrawn from its binomial
    // uncertainty (Beta posterior, uniform prior), kept monotone.
    std::vector<double> cleared = published();
    const auto& pts = clearance_points();
    for (size_t i = 0; i < pts.size() && c > 0; ++i) {
      const int n = sample_size(pts[i]);
      if (n == 0) continue;
      std::gamma_distribution<double> ga(n * pts[i].cleared + 1.0, 1.0), gb(n * (1.0 - pts[i].cleared) + 1.0, 1.0);
      const double a = ga(rng), b = gb(rng);
      cleared[i] = a / (a + b);
    }
    for (size_t i = 1; i < cleared.size(); ++i) cleared[i] = std::max(cleared[i], cleared[i - 1]);
    for (int d = 0; d < draws_per_curve; ++d) draws.push_back(draw_with(cleared, params, rng));
  }
  order.push_back(key);
  return cache.emplace(key, std::make_shared<const std::vector<HiddenExtent>>(std::move(draws))).first->second;
}

}  // namespace

ClearanceEstimate estimate_clearance(Site site, const std::array<double, kSectors>& margin, int deep_level, std::uint64_t seed, int curves,
                                     int draws_per_curve) {
  ClearanceEstimate out;
  out.seed = seed;
  out.draws = curves * draws_per_curve;
  std::vector<double> overall;
  std::array<long, kSectors> sector_clear{};
  long peripheral_clear = 0, deep_clear = 0, total = 0;
  const auto sample_ptr = clearance_sample(site, seed, curves, draws_per_curve);
  const auto& sample = *sample_ptr;
  for (int c = 0; c < curves; ++c) {
    long clear = 0;
    for (int d = 0; d < draws_per_curve; ++d) {
      const HiddenExtent& h = sample[static_cast<size_t>(c) * static_cast<size_t>(draws_per_curve) + static_cast<size_t>(d)];
      bool all = true;
      for (int i = 0; i < kSectors; ++i) {
        const bool ok = h.reach_cm[static_cast<size_t>(i)] <= margin[static_cast<size_t>(i)];
        all &= ok;
        sector_clear[static_cast<size_t>(i)] += ok;
      }
      const bool deep_ok = h.depth_level <= deep_level;
      peripheral_clear += all;
      deep_clear += deep_ok;
      clear += all && deep_ok;
      ++total;
    }
    overall.push_back(static_cast<double>(clear) / draws_per_curve);
  }
  std::vector<double> sorted = overall;
  std::sort(sorted.begin(), sorted.end());
  auto q = [&](double f) { return sorted[std::min(sorted.size() - 1, static_cast<size_t>(f * static_cast<double>(sorted.size())))]; };
  out.overall = q(0.5);
  out.low = q(0.025);
  out.high = q(0.975);
  out.peripheral = static_cast<double>(peripheral_clear) / static_cast<double>(total);
  out.deep = static_cast<double>(deep_clear) / static_cast<double>(total);
  for (int i = 0; i < kSectors; ++i) out.sector[static_cast<size_t>(i)] = static_cast<double>(sector_clear[static_cast<size_t>(i)]) / static_cast<double>(total);
  return out;
}

namespace {

// One direction's reach for a site, simulated once with a fixed seed (deterministic) and sorted:
// every share's margin is a quantile of it. Before this was kept, a plan rebuild simulated it
// three times (54% of a plan's instructions, callgrind).
const std::vector<double>& sorted_reach(Site site) {
  static std::mutex mutex;
  static std::map<Site, std::vector<double>> cache;
  const std::lock_guard lock(mutex);
  if (auto it = cache.find(site); it != cache.end()) return it->second;
  const ExtensionModel model(parameters_for(site));
  std::mt19937_64 rng(7);
  std::vector<double> reach;
  reach.reserve(20000 * kSectors);
  for (int i = 0; i < 20000; ++i) {
    const HiddenExtent h = model.draw(rng);
    reach.insert(reach.end(), h.reach_cm.begin(), h.reach_cm.end());
  }
  std::sort(reach.begin(), reach.end());
  return cache.emplace(site, std::move(reach)).first->second;  // map references stay valid
}

}  // namespace

double containment_margin_cm(Site site, double p) {
  const auto& reach = sorted_reach(site);
  return reach[std::min(reach.size() - 1, static_cast<size_t>(p * static_cast<double>(reach.size())))];
}

}  // namespace mv
