#pragma once
// Fitting the spread model to the literature (docs/model.md §3): a joint posterior over the
// population parameters and one centre effect per series, by adaptive Metropolis sampling.
// The tool `marginviz-fit` runs it and writes assets/model/spread-fit.json.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clinical/spread/literature.hpp"
#include "clinical/spread/spread_model.hpp"

namespace mv::spread {

// The sampled vector: population parameters on an unconstrained scale, then the series' standardised effects.
constexpr int kFitDims = 29;
struct FitPoint {
  std::array<double, kFitDims> x{};
  Parameters parameters() const;
  double reach_shift(Series s) const;     // 0 where the series has no peripheral datum
  double ln_sigma_shift(Series s) const;  // the series' own spread between patients, as a shift of ln σ
  double depth_shift(Series s) const;     // 0 where the series has no depth datum
};
FitPoint prior_centre();

double log_prior(const FitPoint& f);
double log_likelihood(const FitPoint& f, const std::vector<Datum>& data);

// The model's figure for a datum (the value its likelihood is about: shares cleared, mean stages,
// shares by depth...), for given parameters and a centre effect.
std::vector<double> model_figure(const Datum& d, const Parameters& p, double reach_shift, double ln_sigma_shift, double depth_shift);
std::vector<double> observed_figure(const Datum& d);

struct FitSettings {
  std::uint64_t seed = 1996;
  int chains = 4, warmup = 40000, samples = 160000, kept_per_chain = 100;
  std::vector<double> sigma_direction_grid{0.3, 0.5, 0.7};
};
// Runs the fit and returns the document written to assets/model/spread-fit.json: summary,
// residuals per datum, diagnostics and the posterior draws.
nlohmann::json fit_spread_model(const FitSettings& settings, const std::vector<Datum>& data);

}  // namespace mv::spread
