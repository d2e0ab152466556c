#include "clinical/spread/mohs_simulator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include "clinical/spread/literature.hpp"
#include "reconstruction/tissue_column.hpp"

namespace mv::spread {
namespace {

constexpr int kNever = std::numeric_limits<int>::max();

// The skin around the clinical edge, per sector: flat polar area terms so a sector's area with a
// margin m (mm) is a0 + m·l + m²·t/2.
struct SectorArea {
  std::array<double, kSectors> a0{}, l{}, t{};
  double area(int sector, double m_mm) const {
    const size_t h = static_cast<size_t>(sector);
    return a0[h] + m_mm * l[h] + 0.5 * m_mm * m_mm * t[h];
  }
};

SectorArea sector_areas(const SpreadContext& ctx, const std::vector<double>& outline) {
  SectorArea s;
  const size_t n = ctx.theta.size();
  for (size_t j = 0; j < n; ++j) {
    double dt = (ctx.theta[(j + 1) % n] - ctx.theta[(j + n - 1) % n]) / 2.0;
    if (dt < 0.0) dt += std::numbers::pi;  // across 0
    const size_t h = static_cast<size_t>(ctx.sector[j]);
    s.a0[h] += 0.5 * outline[j] * outline[j] * dt;
    s.l[h] += outline[j] * dt;
    s.t[h] += dt;
  }
  return s;
}

struct Outcome {
  int stages = 1;  // kNever: not cleared within the protocol
  double margin_cm = 0.0, area_cm2 = 0.0;
};

// Where the tumour's extent starts relative to the clinical edge, per angle (mm), for each
// imatinib hypothesis (VirtualPatient::radius_mm without the reach).
struct EdgeOffsets {
  std::vector<double> changed, unchanged;
};
EdgeOffsets edge_offsets(const SpreadContext& ctx, const std::vector<double>& outline) {
  EdgeOffsets e;
  for (size_t j = 0; j < outline.size(); ++j) {
    e.changed.push_back(ctx.base_radius_mm(j, false) - outline[j]);
    e.unchanged.push_back(ctx.base_radius_mm(j, true) - outline[j]);
  }
  return e;
}

Outcome operate(const SpreadContext& ctx, const MohsProtocol& pr, const EdgeOffsets& edge, const SectorArea& areas, const VirtualPatient& v) {
  // How far the tumour passes the clinical edge in each sector (cm).
  std::array<double, kSectors> need{};
  need.fill(-1e9);
  const std::vector<double>& offset = v.extent_unchanged ? edge.unchanged : edge.changed;
  const double reach_mm = v.worst_reach_cm * 10.0;
  for (size_t j = 0; j < offset.size(); ++j) {
    auto& n = need[static_cast<size_t>(ctx.sector[j])];
    n = std::max(n, offset[j] + reach_mm * ctx.relative_at(v.relative, j));
  }
  for (auto& n : need) n /= 10.0;
  Outcome o;
  int periphery = 1;
  std::array<int, kSectors> taken{};
  for (size_t h = 0; h < kSectors; ++h) {
    int k = 1;
    if (need[h] > pr.first_margin_cm + 1e-9) {
      // Counted in double and capped before the cast: the model's far tail (and a tiny later margin) overflows an int.
      const double later = pr.next_margin_cm > 0.0 ? std::ceil((need[h] - pr.first_margin_cm) / pr.next_margin_cm - 1e-9) : HUGE_VAL;
      k = later >= pr.max_stages ? kNever : 1 + static_cast<int>(later);
    }
    taken[h] = std::min(k, pr.max_stages);
    periphery = std::max(periphery, k);
  }
  int deep = kNever;
  for (size_t k = 0; k < pr.plane_depths_mm.size(); ++k)
    if (v.depth_mm <= pr.plane_depths_mm[k] + 1e-6) {
      deep = static_cast<int>(k) + 1;
      break;
    }
  const int stages = std::max(periphery, deep);
  o.stages = stages > pr.max_stages ? kNever : stages;
  double area = 0.0;
  for (size_t h = 0; h < kSectors; ++h) {
    const double m = pr.first_margin_cm + (taken[h] - 1) * pr.next_margin_cm;
    o.margin_cm = std::max(o.margin_cm, m);
    area += areas.area(static_cast<int>(h), m * 10.0);
  }
  o.area_cm2 = area / 100.0;
  return o;
}

double median_of(std::vector<double>& v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
double quantile_of(const std::vector<double>& sorted, double q) {
  return sorted.empty() ? 0.0 : quantile_of_sorted(sorted, q);
}  // sorted once, read thrice
Range range_of(std::vector<double> v) {
  if (v.empty()) return {};
  return {quantile(v, 0.025), quantile(v, 0.975)};
}

}  // namespace

std::vector<double> plane_depths_from(const TissueColumn& column, Site site, DepthPlane first) {
  std::vector<double> out{column.plane_depth_mm(first)};
  for (DepthPlane p : planes_at(site)) {
    try {
      const double d = column.plane_depth_mm(p);
      if (d > out.back() + 1e-6) out.push_back(d);
    } catch (const std::exception&) {  // not under this lesion
    }
  }
  return out;
}

MohsSimulation simulate_mohs(const SpreadContext& ctx, const MohsProtocol& pr, int n, int series, std::uint64_t seed) {
  const FittedModel& m = fitted_model();
  const std::vector<double>& outline = pr.from_post_treatment ? ctx.post_radius_mm : ctx.pre_radius_mm;
  const SectorArea areas = sector_areas(ctx, outline);
  const EdgeOffsets edge = edge_offsets(ctx, outline);
  double clinical = 0.0;
  for (size_t h = 0; h < kSectors; ++h) clinical += areas.a0[h];
  clinical /= 100.0;
  const int k_max = pr.max_stages;

  MohsSimulation out;
  out.patients_per_series = n;
  out.series = series;
  out.seed = seed;
  std::mt19937_64 rng(seed);
  std::vector<int> order(static_cast<size_t>(series));
  std::iota(order.begin(), order.end(), 0);
  random::shuffle(order.begin(), order.end(), rng);
  // Pooled over every patient, and each series' own summaries.
  std::vector<long> stage_count(static_cast<size_t>(k_max), 0);
  long not_cleared = 0;
  double stage_sum = 0.0;
  std::vector<double> margins, area_all, ratio_all;
  std::vector<double> s_mean, s_not, s_margin_mean, s_margin_median, s_area, s_ratio;
  std::vector<std::vector<double>> s_share(static_cast<size_t>(k_max)), s_after(static_cast<size_t>(k_max));
  for (int s = 0; s < series; ++s) {
    // The posterior draws spread evenly over the series (each once when there are as many).
    const Parameters& p = m.draws[static_cast<size_t>(s) * m.draws.size() / static_cast<size_t>(series)];
    const CentreEffect centre = new_centre(p, normal_quantile((order[static_cast<size_t>(s)] + 0.5) / series), rng);
    std::vector<int> counts(static_cast<size_t>(k_max), 0);
    int open = 0;
    double sum = 0.0;
    std::vector<double> sm, sa, sr;
    for (int i = 0; i < n; ++i) {
      DrawNumbers numbers(seed + 1 + static_cast<std::uint64_t>(s) * static_cast<std::uint64_t>(n) + static_cast<std::uint64_t>(i));
      const Outcome o = operate(ctx, pr, edge, areas, draw_patient(ctx, p, centre, numbers));
      sa.push_back(o.area_cm2);
      sr.push_back(o.area_cm2 / clinical);
      if (o.stages == kNever) {
        ++open;
        continue;
      }
      ++counts[static_cast<size_t>(o.stages - 1)];
      sum += o.stages;
      sm.push_back(o.margin_cm);
    }
    const int cleared = n - open;
    for (int k = 0, acc = 0; k < k_max; ++k) {
      stage_count[static_cast<size_t>(k)] += counts[static_cast<size_t>(k)];
      acc += counts[static_cast<size_t>(k)];
      s_share[static_cast<size_t>(k)].push_back(static_cast<double>(counts[static_cast<size_t>(k)]) / n);
      s_after[static_cast<size_t>(k)].push_back(static_cast<double>(acc) / n);
    }
    not_cleared += open;
    stage_sum += sum;
    s_not.push_back(static_cast<double>(open) / n);
    // A series that cleared nobody has no mean stages or clearance margin: it is left out of those ranges.
    if (cleared > 0) {
      s_mean.push_back(sum / cleared);
      s_margin_mean.push_back(std::accumulate(sm.begin(), sm.end(), 0.0) / static_cast<double>(sm.size()));
      s_margin_median.push_back(median_of(sm));
    }
    margins.insert(margins.end(), sm.begin(), sm.end());
    area_all.insert(area_all.end(), sa.begin(), sa.end());
    ratio_all.insert(ratio_all.end(), sr.begin(), sr.end());
    s_area.push_back(median_of(sa));
    s_ratio.push_back(median_of(sr));
  }
  const double total = static_cast<double>(n) * series;
  const double cleared = total - static_cast<double>(not_cleared);
  out.stages_mean = cleared > 0.0 ? stage_sum / cleared : 0.0;
  out.stages_mean_series = range_of(s_mean);
  long acc = 0;
  for (int k = 0; k < k_max; ++k) {
    acc += stage_count[static_cast<size_t>(k)];
    out.stage_share.push_back(static_cast<double>(stage_count[static_cast<size_t>(k)]) / total);
    out.stage_share_series.push_back(range_of(s_share[static_cast<size_t>(k)]));
    out.clear_after.push_back(static_cast<double>(acc) / total);
    out.clear_after_series.push_back(range_of(s_after[static_cast<size_t>(k)]));
  }
  out.not_cleared = static_cast<double>(not_cleared) / total;
  out.not_cleared_series = range_of(s_not);
  out.margin_mean = margins.empty() ? 0.0 : std::accumulate(margins.begin(), margins.end(), 0.0) / static_cast<double>(margins.size());
  out.margin_median = median_of(margins);
  out.margin_mean_series = range_of(s_margin_mean);
  out.margin_median_series = range_of(s_margin_median);
  std::sort(area_all.begin(), area_all.end());
  std::sort(ratio_all.begin(), ratio_all.end());
  out.area_median = quantile_of(area_all, 0.5);
  out.area_q1 = quantile_of(area_all, 0.25);
  out.area_q3 = quantile_of(area_all, 0.75);
  out.area_median_series = range_of(s_area);
  out.ratio_median = quantile_of(ratio_all, 0.5);
  out.ratio_q1 = quantile_of(ratio_all, 0.25);
  out.ratio_q3 = quantile_of(ratio_all, 0.75);
  out.ratio_median_series = range_of(s_ratio);
  return out;
}

nlohmann::json simulation_json(const MohsSimulation& s, const MohsProtocol& pr) {
  auto r3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
  auto range = [&](const Range& r) { return nlohmann::json::array({r3(r.low), r3(r.high)}); };
  nlohmann::json shares = nlohmann::json::array(), after = nlohmann::json::array();
  for (size_t k = 0; k < s.stage_share.size(); ++k) {
    shares.push_back({{"stages", k + 1}, {"share", r3(s.stage_share[k])}, {"series_interval_95", range(s.stage_share_series[k])}});
    after.push_back({{"stage", k + 1}, {"share", r3(s.clear_after[k])}, {"series_interval_95", range(s.clear_after_series[k])}});
  }
  nlohmann::json planes = nlohmann::json::array();
  for (double d : pr.plane_depths_mm) planes.push_back(std::round(d * 100.0) / 100.0);
  return {
      {"protocol",
       {{"first_margin_cm", pr.first_margin_cm},
        {"next_margin_cm", pr.next_margin_cm},
        {"depth", pr.first_plane},
        {"plane_depths_mm", planes},
        {"max_stages", pr.max_stages},
        {"outline_from", pr.from_post_treatment ? "post" : "pre"}}},
      {"patients_per_series", s.patients_per_series},
      {"series", s.series},
      {"seed", s.seed},
      {"stages",
       {{"mean", r3(s.stages_mean)},
        {"mean_series_interval_95", range(s.stages_mean_series)},
        {"share", shares},
        {"not_cleared", {{"share", r3(s.not_cleared)}, {"series_interval_95", range(s.not_cleared_series)}}}}},
      {"clear_after_stage", after},
      {"clearance_margin_cm",
       {{"mean", r3(s.margin_mean)},
        {"median", r3(s.margin_median)},
        {"mean_series_interval_95", range(s.margin_mean_series)},
        {"median_series_interval_95", range(s.margin_median_series)}}},
      {"defect_area_cm2",
       {{"median", r3(s.area_median)}, {"quartiles", {r3(s.area_q1), r3(s.area_q3)}}, {"median_series_interval_95", range(s.area_median_series)}}},
      {"defect_to_clinical_area",
       {{"median", r3(s.ratio_median)},
        {"quartiles", {r3(s.ratio_q1), r3(s.ratio_q3)}},
        {"median_series_interval_95", range(s.ratio_median_series)}}},
      {"notes",
       {{"per_patient", "pooled over every simulated patient: the chance for one patient like this one"},
        {"series_interval_95",
         "2.5-97.5% of what simulated series of patients_per_series patients at other centres report (fit uncertainty, between-series spread and the "
         "binomial noise of a series that size)"},
        {"clearance_margin_cm",
         "largest distance from the clinical edge to the final defect edge (Serra-Guillén 2021), over patients cleared within the protocol"},
        {"defect_area_cm2", "the final defect on the skin, flat (polar) area around the clinical outline, every patient"},
        {"stages",
         "a stage is needed while any sector or the deep margin is positive; later stages take next_margin_cm more in positive sectors and the next "
         "plane down"}}},
      {"model", model_line()},
      {"sources", sources_line()},
  };
}

}  // namespace mv::spread
