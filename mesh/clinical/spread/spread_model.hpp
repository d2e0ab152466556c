#pragma once
// The generative model of DFSP's microscopic spread (docs/model.md): one "virtual patient" at a
// time — how far the tumour reaches beyond its clinical edge in each clock direction, how deep,
// and what imatinib did to that extent. Every planning number (a plan's chance, the envelopes,
// the per-hour figures, teaching's hidden tumours, the Mohs simulator) samples this one model,
// with parameters drawn from the fit's posterior (spread_fit.hpp, assets/model/spread-fit.json).
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "common/clock_sectors.hpp"
#include "common/random.hpp"

namespace mv {
struct Case;
struct TissueColumn;
}  // namespace mv

namespace mv::spread {

// One set of population parameters: a draw from the fit's posterior.
struct Parameters {
  // Worst-direction reach W (cm) = covariate factor × W0, with ψ(W0) ~ Normal(ψ(e^mu) + centre
  // shift, σ) and ψ the Box-Cox transform of shape λ (0: log-normal, 1: normal, W0 ≥ 0).
  double mu = 0.0;               // ln median W0 (cm): primary trunk/limb tumour of 3 cm, typical centre
  double shape = 0.5;            // λ
  double sigma = 0.7;            // sd of ψ(W0) between patients
  double tau = 0.4;              // sd of the centre shift of ψ between centres (series)
  double tau_sigma = 0.2;        // sd of ln σ between centres: series differ in spread too
  double b_head_neck = 0.25;     // ln factor on reach on the head and neck
  double b_size = 0.15;          // ln factor per unit of ln(largest clinical axis / 3 cm)
  double b_recurrent = 0.2;      // ln factor for recurrent tumours
  double depth_eta = -1.0;       // latent depth of a trunk/limb tumour: subcutis where latent ≤ 0
  double depth_head_neck = 2.0;  // added on the head and neck
  double cut_fascia = 0.5;       // latent ≤ this: reaches the fascia at most
  double cut_muscle = 1.2;       // latent ≤ this: the muscle at most; beyond: deeper
  double tau_depth = 0.4;        // sd of the latent depth between centres
  double p_unchanged = 0.4;      // imatinib: share whose extent stays around the pre-treatment outline
  double sigma_direction = 0.5;  // sd of ln reach between clock directions (assumption: no data)
};

// What the model knows of a case's tumour.
struct Covariates {
  bool head_neck = false;  // site group (Gassenmaier 2021; Serra-Guillén 2021)
  double size_cm = 3.0;    // largest axis at the first measurement (weak: Kimmel 2007)
  bool recurrent = false;
};
Covariates covariates_of(const Case& c);

double normal_cdf(double x);
// The q-quantile of values (linear between order statistics, symmetric at both ends); v not empty.
double quantile(std::vector<double> v, double q);
double quantile_of_sorted(const std::vector<double>& sorted, double q);  // the same, for values already sorted
double normal_quantile(double p);                                        // inverse of normal_cdf, p in (0, 1)

// A centre: its shifts of the reach location (ψ scale), of ln σ and of latent depth.
struct CentreEffect {
  double reach = 0.0, ln_sigma = 0.0, depth = 0.0;
};
// The distribution of worst-direction reach for one kind of patient at one centre, with what
// does not depend on the margin worked out once (a plan's chance asks it ~10⁵ times).
struct ReachLaw {
  double loc = 0.0, scale = 1.0, factor = 1.0, shape = 0.0;
  double cdf(double m_cm) const;  // P(reach ≤ m); at m ≤ 0 the share with no extension at all
  double at(double z) const;      // the reach at standard-normal quantile z
};
ReachLaw reach_law(const Parameters& p, const Covariates& c, const CentreEffect& centre);
// P(worst-direction reach ≤ m cm) for a patient at a centre, and the reach at a standard-normal quantile z.
double reach_cdf(const Parameters& p, const Covariates& c, const CentreEffect& centre, double m_cm);
double reach_at(const Parameters& p, const Covariates& c, const CentreEffect& centre, double z);
// Shares reaching the subcutis, fascia, muscle and deeper (an ordered probit), at a centre whose
// latent depth is shifted by `centre_shift`.
std::array<double, 4> depth_shares(const Parameters& p, bool head_neck, double centre_shift);

// The four depth levels in mm under the lesion: [top, bottom) each; a tumour lies uniformly within
// its level (assumption); the deepest (below the muscle: bone, peritoneum) is beyond every plane.
struct DepthLevels {
  std::array<double, 3> top_mm{}, bottom_mm{};  // subcutis (skin and fat), fascia, muscle; 0 thick where absent
  static DepthLevels of(const TissueColumn& column);
};
// P(tumour depth ≤ d); depth is +inf for the deepest level.
double depth_cdf(const std::array<double, 4>& shares, const DepthLevels& levels, double d_mm);
// The chance a cut to `plane_mm` clears the depth of a tumour known to reach `thickness_mm`.
double deep_clear_chance(const std::array<double, 4>& shares, const DepthLevels& levels, double plane_mm, double thickness_mm);

// The fit's posterior: parameter draws, the centre effects it found for each fitted series, and
// where it came from. Loaded once from the embedded assets/model/spread-fit.json.
struct FittedModel {
  std::vector<Parameters> draws;
  // Per draw, per fitted Series (literature.hpp): that series' own centre effect on ln reach and
  // on latent depth (0 where a series has none), for the in-sample checks.
  std::vector<std::array<double, 8>> series_reach_shift, series_ln_sigma_shift, series_depth_shift;
  std::string version;
  std::vector<double> sigma_direction_grid;  // the values σ_direction takes (assumption)
};
const FittedModel& fitted_model();
// One line naming the model and its fit, shown with every figure it gives.
std::string model_line();

// The case as the model sees it: covariates, the two outlines and thicknesses the imatinib
// hypotheses refer to, and the tissue levels under the lesion, at a fixed set of angles.
struct SpreadContext {
  Covariates covariates;
  std::vector<double> theta;                               // radians, the plan's sample angles
  std::vector<double> pre_radius_mm, post_radius_mm;       // first and last measurement's outlines at theta
  std::vector<int> below_sector, above_sector;             // the hour sectors either side of each angle
  std::vector<double> blend;                               // weight of above_sector (cosine between sector centres)
  std::vector<int> sector;                                 // the sector each angle lies in
  double pre_thickness_mm = 0.0, post_thickness_mm = 0.0;  // 0 when not recorded
  bool treated = false;                                    // the outline changed between first and last measurement
  DepthLevels levels;
  static SpreadContext of(const Case& c, const TissueColumn& column, const std::vector<double>& theta);
  // Where the reach starts at angle j, and how deep the tumour is known to reach, under either
  // imatinib hypothesis: unchanged (around the pre-treatment outline, or the visible tumour where
  // that grew) or shrunk with the visible tumour.
  double base_radius_mm(size_t j, bool unchanged) const { return unchanged ? std::max(pre_radius_mm[j], post_radius_mm[j]) : post_radius_mm[j]; }
  double thickness_mm(bool unchanged) const { return unchanged ? std::max(pre_thickness_mm, post_thickness_mm) : post_thickness_mm; }
  // The reach relative to the worst direction at angle j (≤ 1), for per-sector factors.
  double relative_at(const std::array<double, kSectors>& relative, size_t j) const;
};

// One virtual patient.
struct VirtualPatient {
  double worst_reach_cm = 0.0;              // beyond the clinical edge, in its worst direction
  std::array<double, kSectors> relative{};  // per sector, reach / worst (the worst is 1)
  bool extent_unchanged = false;            // imatinib left the microscopic extent around the pre outline
  double depth_mm = 0.0;                    // deepest extent below the skin (+inf below the muscle)
  int depth_level = 0;                      // 0 subcutis, 1 fascia, 2 muscle, 3 deeper
  std::array<double, kSectors> reach_cm() const;
  // The tumour's true outline radius at angle j of the context (mm).
  double radius_mm(const SpreadContext& ctx, size_t j) const;
};

// Uniform numbers for one draw: the first four from a low-discrepancy (R4) sequence over
// consecutive seeds, so a run of scenarios covers the model evenly; the rest pseudo-random.
struct DrawNumbers {
  double centre, patient, imatinib, depth;
  random::SplitMix64 rng;
  explicit DrawNumbers(std::uint64_t seed);
};
// A new centre's effects: the reach shift from its standard-normal quantile, the others from rng.
template <class Rng>
CentreEffect new_centre(const Parameters& p, double reach_z, Rng& rng) {
  random::StandardNormal normal;
  CentreEffect c;
  c.reach = p.tau * reach_z;
  c.ln_sigma = p.tau_sigma * normal(rng);
  c.depth = p.tau_depth * normal(rng);
  return c;
}
VirtualPatient draw_patient(const SpreadContext& ctx, const Parameters& p, const CentreEffect& centre, DrawNumbers& n);
// A patient at a new centre (every uncertainty of the model included), reproducible from `seed`.
VirtualPatient draw_virtual_patient(const SpreadContext& ctx, std::uint64_t seed);

const char* depth_level_name(int level);  // "subcutis", "fascia", "muscle", "below the muscle"

}  // namespace mv::spread
