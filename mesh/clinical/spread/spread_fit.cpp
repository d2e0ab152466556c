#include "clinical/spread/spread_fit.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace mv::spread {
namespace {

// Where each series' standardised centre effect sits in the vector.
constexpr int kReachZ = 14;  // Dawes, Kimmel, Parker & Zitelli, Serra-Guillén 2021, Ratner, Han
constexpr int kSigmaZ = 20;  // the same series, on ln σ
constexpr int kDepthZ = 26;  // Parker & Zitelli, Serra-Guillén 2016, Gassenmaier
int reach_index(Series s) {
  switch (s) {
    case Series::Dawes1996:
      return kReachZ;
    case Series::Kimmel2007:
      return kReachZ + 1;
    case Series::ParkerZitelli1995:
      return kReachZ + 2;
    case Series::SerraGuillen2021:
      return kReachZ + 3;
    case Series::Ratner1997:
      return kReachZ + 4;
    case Series::Han2009:
      return kReachZ + 5;
    default:
      return -1;
  }
}
int depth_index(Series s) {
  switch (s) {
    case Series::ParkerZitelli1995:
      return kDepthZ;
    case Series::SerraGuillen2016:
      return kDepthZ + 1;
    case Series::Gassenmaier2021:
      return kDepthZ + 2;
    default:
      return -1;
  }
}

const char* kNames[] = {"mu",           "ln_sigma",          "ln_tau",          "b_head_neck",   "b_size",
                        "b_recurrent",  "depth_eta",         "depth_head_neck", "ln_cut_fascia", "ln_cut_gap",
                        "ln_tau_depth", "logit_p_unchanged", "ln_tau_sigma",    "logit_shape"};
constexpr int kPopulation = 14;
constexpr double kMaxShape = 1.5;  // λ from 0 (log-normal) to 1.5 (less skewed than normal)

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double log_normal_pdf(double x, double mean, double sd) { return -0.5 * ((x - mean) / sd) * ((x - mean) / sd) - std::log(sd); }
double safe_log(double p) { return std::log(std::max(p, 1e-300)); }

// The patients of a series as weighted covariate groups (head and neck × recurrent).
struct Group {
  double weight;
  Covariates covariates;
};
std::vector<Group> groups_of(const SeriesMix& m) {
  std::vector<Group> g;
  for (int hn = 0; hn < 2; ++hn)
    for (int rec = 0; rec < 2; ++rec) {
      const double w = (hn ? m.head_neck_share : 1.0 - m.head_neck_share) * (rec ? m.recurrent_share : 1.0 - m.recurrent_share);
      if (w > 0.0) g.push_back({w, {hn == 1, m.size_cm, rec == 1}});
    }
  return g;
}

using Centre = CentreEffect;

// P(worst reach ≤ m) over a series' patients.
double reach_cdf(const Parameters& p, const std::vector<Group>& groups, const Centre& c, double m) {
  double f = 0.0;
  for (const auto& g : groups) f += g.weight * spread::reach_cdf(p, g.covariates, c, m);
  return f;
}

// Mohs stages for the periphery: 1 + the number of later margins the worst reach passes.
// Returns E[stages] and Var[stages].
std::pair<double, double> stage_moments(const Parameters& p, const std::vector<Group>& groups, const Centre& shift, double first, double next) {
  double en = 0.0, en2 = 0.0;
  // Terms below 1e-8 change the mean by less than 1e-5 stages; past 100 later stages, none counts.
  for (int i = 1; i <= 100; ++i) {
    const double q = 1.0 - reach_cdf(p, groups, shift, first + (i - 1) * next);
    en += q;
    en2 += (2.0 * i - 1.0) * q;
    if (q < 1e-8) break;
  }
  return {1.0 + en, std::max(en2 - en * en, 1e-9)};
}

std::array<double, 4> mixed_depth_shares(const Parameters& p, const SeriesMix& m, double shift) {
  std::array<double, 4> s{};
  for (int hn = 0; hn < 2; ++hn) {
    const double w = hn ? m.head_neck_share : 1.0 - m.head_neck_share;
    if (w <= 0.0) continue;
    const auto d = depth_shares(p, hn == 1, shift);
    for (size_t k = 0; k < 4; ++k) s[k] += w * d[k];
  }
  return s;
}

}  // namespace

Parameters FitPoint::parameters() const {
  Parameters p;
  p.mu = x[0];
  p.sigma = std::exp(x[1]);
  p.tau = std::exp(x[2]);
  p.b_head_neck = x[3];
  p.b_size = x[4];
  p.b_recurrent = x[5];
  p.depth_eta = x[6];
  p.depth_head_neck = x[7];
  p.cut_fascia = std::exp(x[8]);
  p.cut_muscle = p.cut_fascia + std::exp(x[9]);
  p.tau_depth = std::exp(x[10]);
  p.p_unchanged = logistic(x[11]);
  p.tau_sigma = std::exp(x[12]);
  p.shape = kMaxShape * logistic(x[13]);
  return p;
}

// Kimmel pooled four series: the mean of four centre effects has a quarter of the variance.
double FitPoint::reach_shift(Series s) const {
  const int i = reach_index(s);
  return i < 0 ? 0.0 : std::exp(x[2]) * x[static_cast<size_t>(i)] * (s == Series::Kimmel2007 ? 0.5 : 1.0);
}

double FitPoint::ln_sigma_shift(Series s) const {
  const int i = reach_index(s);
  return i < 0 ? 0.0 : std::exp(x[12]) * x[static_cast<size_t>(i - kReachZ + kSigmaZ)] * (s == Series::Kimmel2007 ? 0.5 : 1.0);
}

double FitPoint::depth_shift(Series s) const {
  const int i = depth_index(s);
  return i < 0 ? 0.0 : std::exp(x[10]) * x[static_cast<size_t>(i)];
}

FitPoint prior_centre() {
  FitPoint f;
  f.x = {std::log(1.2), std::log(0.7), std::log(0.3), 0.25,          0.15, 0.2,           -1.0,
         2.0,           std::log(0.5), std::log(0.7), std::log(0.3), 0.0,  std::log(0.2), 0.0};
  return f;
}

double log_prior(const FitPoint& f) {
  const auto& x = f.x;
  double lp = 0.0;
  lp += log_normal_pdf(x[0], std::log(1.2), 0.8);                      // median reach ~1.2 cm, within a factor of ~5 (weak)
  lp += log_normal_pdf(x[1], std::log(0.7), 0.5);                      // σ between patients
  for (auto [i, scale] : {std::pair{2, 0.5}, {10, 0.5}, {12, 0.3}}) {  // τ, τ_depth, τ_σ: half-normal, on the log scale
    const double t = std::exp(x[static_cast<size_t>(i)]);
    lp += -t * t / (2.0 * scale * scale) + x[static_cast<size_t>(i)];
  }
  lp += log_normal_pdf(x[3], 0.25, 0.15);  // head and neck wider (Serra-Guillén 2021: sign only; size assumed)
  lp += log_normal_pdf(x[4], 0.15, 0.10);  // size: weak (Kimmel 2007)
  lp += log_normal_pdf(x[5], 0.20, 0.15);  // recurrent: wider (assumption)
  lp += log_normal_pdf(x[6], 0.0, 2.0);
  lp += log_normal_pdf(x[7], 0.0, 2.0);
  lp += log_normal_pdf(x[8], std::log(0.5), 1.0);
  lp += log_normal_pdf(x[9], std::log(0.7), 1.0);
  const double pu = logistic(x[11]);
  lp += std::log(pu) + std::log(1.0 - pu);  // flat on the share (Ugurel 2014: undecided)
  const double sh = logistic(x[13]);
  lp += std::log(sh) + std::log(1.0 - sh);  // flat on the shape λ in (0, 1.5)
  for (int i = kReachZ; i < kFitDims; ++i) lp += -0.5 * x[static_cast<size_t>(i)] * x[static_cast<size_t>(i)];
  return lp;
}

std::vector<double> model_figure(const Datum& d, const Parameters& p, double reach_shift, double ln_sigma_shift, double ds) {
  const auto groups = groups_of(d.mix);
  const Centre rs{reach_shift, ln_sigma_shift, 0.0};
  switch (d.kind) {
    case DatumKind::MarginBins: {
      std::vector<double> out;
      for (double m : d.margins_cm) out.push_back(reach_cdf(p, groups, rs, m));
      return out;
    }
    case DatumKind::ClearedAtMargin:
      return {reach_cdf(p, groups, rs, d.margins_cm[0])};
    case DatumKind::MeanStages: {
      const auto [mean, var] = stage_moments(p, groups, rs, d.first_margin_cm, d.next_margin_cm);
      return {mean, d.first_margin_cm + (mean - 1.0) * d.next_margin_cm, var};  // the variance is for the likelihood
    }
    case DatumKind::ReachAtLeast: {
      SeriesMix rest = d.mix;
      rest.size_cm = d.value;
      const double large = 1.0 - reach_cdf(p, groups, rs, d.margins_cm[0]), other = 1.0 - reach_cdf(p, groups_of(rest), rs, d.margins_cm[0]);
      return {1.0 - (1.0 - large) * std::pow(1.0 - other, d.n - 1)};
    }
    case DatumKind::ImatinibCleared:
      return {p.p_unchanged * reach_cdf(p, groups, rs, d.margins_cm[0] - d.value) +
              (1.0 - p.p_unchanged) * reach_cdf(p, groups, rs, d.margins_cm[0])};
    case DatumKind::DepthLevels: {
      const auto s = mixed_depth_shares(p, d.mix, ds);
      const double known = s[0] + s[1] + s[2];
      return {s[0] / known, s[1] / known, s[2] / known};
    }
    case DatumKind::ConfinedAbove: {
      if (d.value > 0.0) {  // cleared through the fascia; on the head and neck one level deeper (to the periosteum)
        const auto tl = depth_shares(p, false, ds), hn = depth_shares(p, true, ds);
        const double w = d.mix.head_neck_share;
        return {(1.0 - w) * (tl[0] + tl[1]) + w * (hn[0] + hn[1] + hn[2])};
      }
      return {depth_shares(p, d.head_neck_only, ds)[0]};
    }
  }
  return {};
}

std::vector<double> observed_figure(const Datum& d) {
  switch (d.kind) {
    case DatumKind::MarginBins: {
      std::vector<double> out;
      int cum = 0;
      for (size_t i = 0; i + 1 < d.counts.size(); ++i) out.push_back((cum += d.counts[i]) / static_cast<double>(d.n));
      return out;
    }
    case DatumKind::ClearedAtMargin:
    case DatumKind::ConfinedAbove:
      return {d.counts[0] / static_cast<double>(d.n)};
    case DatumKind::MeanStages:
      return {d.value, d.first_margin_cm + (d.value - 1.0) * d.next_margin_cm};
    case DatumKind::ReachAtLeast:
    case DatumKind::ImatinibCleared:
      return {1.0};
    case DatumKind::DepthLevels: {
      std::vector<double> out;
      for (int c : d.counts) out.push_back(c / static_cast<double>(d.n));
      return out;
    }
  }
  return {};
}

double log_likelihood(const FitPoint& f, const std::vector<Datum>& data) {
  const Parameters p = f.parameters();
  double ll = 0.0;
  for (const auto& d : data) {
    const auto m = model_figure(d, p, f.reach_shift(d.series), f.ln_sigma_shift(d.series), f.depth_shift(d.series));
    switch (d.kind) {
      case DatumKind::MarginBins: {
        double prev = 0.0;
        for (size_t i = 0; i < d.counts.size(); ++i) {
          const double cum = i < m.size() ? m[i] : 1.0;
          ll += d.counts[i] * safe_log(cum - prev);
          prev = cum;
        }
        break;
      }
      case DatumKind::ClearedAtMargin:
      case DatumKind::ConfinedAbove:
        ll += d.counts[0] * safe_log(m[0]) + (d.n - d.counts[0]) * safe_log(1.0 - m[0]);
        break;
      case DatumKind::MeanStages: {
        const double mean = m[0], var = m[2];
        const double se2 = var / d.n;
        ll += -0.5 * (d.value - mean) * (d.value - mean) / se2 - 0.5 * std::log(se2);
        break;
      }
      case DatumKind::ReachAtLeast:
      case DatumKind::ImatinibCleared:
        ll += safe_log(m[0]);
        break;
      case DatumKind::DepthLevels:
        for (size_t k = 0; k < d.counts.size(); ++k) ll += d.counts[k] * safe_log(m[k]);
        break;
    }
  }
  return ll;
}

namespace {

using Vec = std::array<double, kFitDims>;
using Mat = std::array<Vec, kFitDims>;

// Lower-triangular L with L·Lᵀ = a (a symmetric positive definite).
Mat cholesky(const Mat& a) {
  Mat l{};
  for (int i = 0; i < kFitDims; ++i)
    for (int j = 0; j <= i; ++j) {
      double s = a[i][j];
      for (int k = 0; k < j; ++k) s -= l[i][k] * l[j][k];
      l[i][j] = i == j ? std::sqrt(std::max(s, 1e-12)) : s / l[j][j];
    }
  return l;
}

Mat covariance(const std::vector<Vec>& xs) {
  Vec mean{};
  for (const auto& x : xs)
    for (int i = 0; i < kFitDims; ++i) mean[i] += x[i] / static_cast<double>(xs.size());
  Mat c{};
  for (const auto& x : xs)
    for (int i = 0; i < kFitDims; ++i)
      for (int j = 0; j <= i; ++j) c[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]) / static_cast<double>(xs.size() - 1);
  for (int i = 0; i < kFitDims; ++i) {
    c[i][i] += 1e-8;
    for (int j = 0; j < i; ++j) c[j][i] = c[i][j];
  }
  return c;
}

struct ChainResult {
  std::vector<FitPoint> kept;
  double acceptance = 0.0;
};

// Adaptive Metropolis (Haario 2001): the proposal follows the chain's own covariance during the
// warm-up, then stays fixed while draws are kept.
ChainResult run_chain(const std::vector<Datum>& data, const FitSettings& s, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  random::StandardNormal normal;

  FitPoint cur = prior_centre();
  for (auto& v : cur.x) v += 0.1 * normal(rng);
  auto target = [&](const FitPoint& f) { return log_prior(f) + log_likelihood(f, data); };
  double lp = target(cur);
  Mat chol{};
  for (int i = 0; i < kFitDims; ++i) chol[i][i] = 0.05;
  double scale = 1.0;
  std::vector<Vec> history;
  ChainResult out;
  long accepted = 0, window_accepted = 0;
  const int every = std::max(1, s.samples / s.kept_per_chain);
  for (int it = 0; it < s.warmup + s.samples; ++it) {
    Vec z{};
    for (auto& v : z) v = normal(rng);
    FitPoint next = cur;
    for (int i = 0; i < kFitDims; ++i)
      for (int j = 0; j <= i; ++j) next.x[i] += scale * chol[i][j] * z[j];
    const double lq = target(next);
    if (std::log(random::uniform01(rng)) < lq - lp) {
      cur = next, lp = lq;
      ++window_accepted;
      if (it >= s.warmup) ++accepted;
    }
    if (it < s.warmup) {
      if (it % 10 == 0) history.push_back(cur.x);
      if ((it + 1) % 2000 == 0) {
        const double rate = window_accepted / 2000.0;
        window_accepted = 0;
        if (history.size() > 200) {
          const std::vector<Vec> recent(history.begin() + static_cast<long>(history.size() / 2), history.end());
          Mat c = covariance(recent);
          for (auto& row : c)
            for (auto& v : row) v *= 2.38 * 2.38 / kFitDims;
          chol = cholesky(c);
        }
        scale *= rate < 0.15 ? 0.7 : rate > 0.35 ? 1.3 : 1.0;
      }
    } else if ((it - s.warmup) % every == every - 1 && static_cast<int>(out.kept.size()) < s.kept_per_chain) {
      out.kept.push_back(cur);
    }
  }
  out.acceptance = static_cast<double>(accepted) / s.samples;
  return out;
}

double r6(double v) { return std::round(v * 1e6) / 1e6; }

// Gelman-Rubin potential scale reduction over the chains' kept draws.
double rhat(const std::vector<std::vector<double>>& chains) {
  const double n = static_cast<double>(chains.front().size()), m = static_cast<double>(chains.size());
  std::vector<double> means;
  double w = 0.0;
  for (const auto& c : chains) {
    const double mean = std::accumulate(c.begin(), c.end(), 0.0) / n;
    means.push_back(mean);
    double v = 0.0;
    for (double x : c) v += (x - mean) * (x - mean);
    w += v / (n - 1.0) / m;
  }
  const double grand = std::accumulate(means.begin(), means.end(), 0.0) / m;
  double b = 0.0;
  for (double mu : means) b += (mu - grand) * (mu - grand) * n / (m - 1.0);
  const double var = (n - 1.0) / n * w + b / n;
  return std::sqrt(var / w);
}

}  // namespace

nlohmann::json fit_spread_model(const FitSettings& s, const std::vector<Datum>& data) {
  std::vector<ChainResult> chains;
  for (int c = 0; c < s.chains; ++c) chains.push_back(run_chain(data, s, s.seed + static_cast<std::uint64_t>(c) * 7919));
  std::vector<FitPoint> all;
  for (const auto& c : chains) all.insert(all.end(), c.kept.begin(), c.kept.end());

  nlohmann::json doc;
  doc["version"] = "2";
  doc["about"] =
      "Posterior of the DFSP spread model (docs/model.md), written by marginviz-fit from mesh/clinical/spread/literature.cpp. Do not edit: rerun the "
      "tool.";
  doc["settings"] = {{"seed", s.seed}, {"chains", s.chains}, {"warmup", s.warmup}, {"samples", s.samples}, {"kept_per_chain", s.kept_per_chain}};
  doc["sigma_direction_grid"] = s.sigma_direction_grid;
  nlohmann::json diag = nlohmann::json::object();
  for (size_t c = 0; c < chains.size(); ++c) diag["acceptance"].push_back(r6(chains[c].acceptance));

  // Named summaries on the parameters' own scale, with R-hat on the sampled scale.
  auto value = [](const FitPoint& f, int i) {
    const Parameters p = f.parameters();
    const double v[] = {p.mu,         p.sigma,      p.tau,       p.b_head_neck, p.b_size,    p.b_recurrent, p.depth_eta, p.depth_head_neck,
                        p.cut_fascia, p.cut_muscle, p.tau_depth, p.p_unchanged, p.tau_sigma, p.shape};
    return v[i];
  };
  const char* shown[] = {"mu",         "sigma",      "tau",       "b_head_neck", "b_size",    "b_recurrent", "depth_eta", "depth_head_neck",
                         "cut_fascia", "cut_muscle", "tau_depth", "p_unchanged", "tau_sigma", "shape"};
  nlohmann::json summary = nlohmann::json::object();
  double worst_rhat = 0.0;
  for (int i = 0; i < kPopulation; ++i) {
    std::vector<double> v;
    for (const auto& f : all) v.push_back(value(f, i));
    std::vector<std::vector<double>> per_chain;
    for (const auto& c : chains) {
      per_chain.emplace_back();
      for (const auto& f : c.kept) per_chain.back().push_back(f.x[static_cast<size_t>(i)]);
    }
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double var = 0.0;
    for (double x : v) var += (x - mean) * (x - mean) / static_cast<double>(v.size() - 1);
    const double rh = rhat(per_chain);
    worst_rhat = std::max(worst_rhat, rh);
    summary[shown[i]] = {{"mean", r6(mean)},
                         {"sd", r6(std::sqrt(var))},
                         {"interval_95", {r6(quantile(v, 0.025)), r6(quantile(v, 0.975))}},
                         {"rhat", r6(rh)},
                         {"sampled_as", kNames[i]}};
  }
  diag["worst_rhat"] = r6(worst_rhat);
  doc["summary"] = summary;
  doc["diagnostics"] = diag;

  // Residuals: each datum against the model with its own series' effect (in-sample fit) and
  // against a new centre (what another series could report: the predictive check).
  std::mt19937_64 rng(s.seed ^ 0x5eedULL);
  random::StandardNormal normal;
  nlohmann::json residuals = nlohmann::json::array();
  for (const auto& d : data) {
    const auto obs = observed_figure(d);  // (model figures may carry extra entries after these)
    std::vector<std::vector<double>> own(obs.size()), fresh(obs.size());
    for (const auto& f : all) {
      const Parameters p = f.parameters();
      const auto a = model_figure(d, p, f.reach_shift(d.series), f.ln_sigma_shift(d.series), f.depth_shift(d.series));
      const double z1 = normal(rng), z2 = normal(rng), z3 = normal(rng);
      const auto b = model_figure(d, p, p.tau * z1, p.tau_sigma * z2, p.tau_depth * z3);
      for (size_t k = 0; k < obs.size(); ++k) own[k].push_back(a[k]), fresh[k].push_back(b[k]);
    }
    nlohmann::json r = {{"id", d.id},
                        {"source", d.source},
                        {"what", d.what},
                        {"observed", nlohmann::json::array()},
                        {"fitted", nlohmann::json::array()},
                        {"fitted_interval_95", nlohmann::json::array()},
                        {"new_centre", nlohmann::json::array()},
                        {"new_centre_interval_95", nlohmann::json::array()},
                        {"new_centre_percentile_of_observed", nlohmann::json::array()}};
    for (size_t k = 0; k < obs.size(); ++k) {
      const double mo = std::accumulate(own[k].begin(), own[k].end(), 0.0) / static_cast<double>(own[k].size());
      const double mf = std::accumulate(fresh[k].begin(), fresh[k].end(), 0.0) / static_cast<double>(fresh[k].size());
      const double below = static_cast<double>(std::count_if(fresh[k].begin(), fresh[k].end(), [&](double x) { return x < obs[k]; })) /
                           static_cast<double>(fresh[k].size());
      r["observed"].push_back(r6(obs[k]));
      r["fitted"].push_back(r6(mo));
      r["fitted_interval_95"].push_back({r6(quantile(own[k], 0.025)), r6(quantile(own[k], 0.975))});
      r["new_centre"].push_back(r6(mf));
      r["new_centre_interval_95"].push_back({r6(quantile(fresh[k], 0.025)), r6(quantile(fresh[k], 0.975))});
      r["new_centre_percentile_of_observed"].push_back(r6(below));
    }
    residuals.push_back(r);
  }
  doc["residuals"] = residuals;

  nlohmann::json draws = nlohmann::json::array();
  for (size_t i = 0; i < all.size(); ++i) {
    const FitPoint& f = all[i];
    const Parameters p = f.parameters();
    std::array<double, kSeriesCount> reach{}, sigma{}, depth{};
    for (int k = 0; k < kSeriesCount; ++k) {
      const auto series = static_cast<Series>(k);
      reach[static_cast<size_t>(k)] = r6(f.reach_shift(series));
      sigma[static_cast<size_t>(k)] = r6(f.ln_sigma_shift(series));
      depth[static_cast<size_t>(k)] = r6(f.depth_shift(series));
    }
    draws.push_back({{"mu", r6(p.mu)},
                     {"sigma", r6(p.sigma)},
                     {"tau", r6(p.tau)},
                     {"b_head_neck", r6(p.b_head_neck)},
                     {"b_size", r6(p.b_size)},
                     {"b_recurrent", r6(p.b_recurrent)},
                     {"depth_eta", r6(p.depth_eta)},
                     {"depth_head_neck", r6(p.depth_head_neck)},
                     {"cut_fascia", r6(p.cut_fascia)},
                     {"cut_muscle", r6(p.cut_muscle)},
                     {"tau_depth", r6(p.tau_depth)},
                     {"p_unchanged", r6(p.p_unchanged)},
                     {"tau_sigma", r6(p.tau_sigma)},
                     {"shape", r6(p.shape)},
                     {"sigma_direction", s.sigma_direction_grid[i % s.sigma_direction_grid.size()]},
                     {"series_reach_shift", reach},
                     {"series_ln_sigma_shift", sigma},
                     {"series_depth_shift", depth}});
  }
  doc["draws"] = draws;
  return doc;
}

}  // namespace mv::spread
