#include "extension_model.hpp"

#include <algorithm>
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

std::vector<double> published() {
  std::vector<double> v;
  for (const auto& p : clearance_points()) v.push_back(p.cleared);
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

ClearanceEstimate estimate_clearance(Site site, const std::array<double, kSectors>& margin, int deep_level, std::uint64_t seed, int curves,
                                     int draws_per_curve) {
  const ModelParameters params = parameters_for(site);
  std::mt19937_64 rng(seed);
  ClearanceEstimate out;
  out.seed = seed;
  out.draws = curves * draws_per_curve;
  std::vector<double> overall;
  std::array<long, kSectors> sector_clear{};
  long peripheral_clear = 0, deep_clear = 0, total = 0;
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
    long clear = 0;
    for (int d = 0; d < draws_per_curve; ++d) {
      const HiddenExtent h = draw_with(cleared, params, rng);
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

double containment_margin_cm(Site site, double p) {
  // Marginal reach of one direction, by simulation with a fixed seed (deterministic).
  const ExtensionModel model(parameters_for(site));
  std::mt19937_64 rng(7);
  std::vector<double> reach;
  for (int i = 0; i < 20000; ++i) {
    const HiddenExtent h = model.draw(rng);
    reach.insert(reach.end(), h.reach_cm.begin(), h.reach_cm.end());
  }
  std::sort(reach.begin(), reach.end());
  return reach[std::min(reach.size() - 1, static_cast<size_t>(p * static_cast<double>(reach.size())))];
}

}  // namespace mv
