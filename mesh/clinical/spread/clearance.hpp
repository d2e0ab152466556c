#pragma once
// What the spread model says about a plan (docs/model.md §5): the chance a single excision clears
// every margin, its parts, per clock hour, the envelopes and the clearance curve — each an
// average over virtual patients at many simulated centres, each centre a posterior draw with its
// own centre effects. Intervals are the spread of centres' shares: what another series of
// patients like this one could show (fit uncertainty and between-series spread), not the noise
// of one series.
#include <array>
#include <cstdint>
#include <vector>

#include "clinical/spread/spread_model.hpp"

namespace mv::spread {

struct ClearanceEstimate {
  double overall = 0.0;          // chance this single excision clears (no further stage), per patient
  double low = 0.0, high = 0.0;  // 2.5-97.5% of centres' shares
  double peripheral = 0.0, deep = 0.0;
  std::array<double, kSectors> sector{};  // per clock hour (index 0 = 1 o'clock); rests on the assumed spread between directions
  std::uint64_t seed = 0;
  int centres = 0, patterns = 0;
};

struct CurvePoint {
  double margin_cm, mean, low, high;
};

// Centres and direction patterns drawn once per case and seed; every question about a plan of
// that case is then a count over them (a margin drag re-counts, it does not re-draw).
class ClearanceSampler {
 public:
  // One centre per posterior draw (0: as many as the fit has), so every draw counts once, as in teaching.
  ClearanceSampler(const SpreadContext& ctx, std::uint64_t seed, int centres = 0, int patterns = 128);
  // A plan given as its outline radius at ctx.theta (mm) and its depth below the skin (mm).
  ClearanceEstimate estimate(const std::vector<double>& plan_radius_mm, double plane_mm) const;
  // The uniform margin beyond `outline_mm` (at ctx.theta) that holds the whole tumour, at the
  // skin, in a share of patients (the envelopes).
  double margin_containing(const std::vector<double>& outline_mm, double share) const;
  // Chance of clearing against a uniform margin from `outline_mm`, 0 to `max_cm`, with the centres' range.
  std::vector<CurvePoint> curve(const std::vector<double>& outline_mm, double plane_mm, double max_cm = 5.0, int points = 21) const;
  const SpreadContext& context() const { return ctx_; }

 private:
  // Where a reach limit falls on the centres' tables (worked out once per limit, used by every centre).
  struct Lookup {
    double limit;
    int cell;  // -1: outside the table (or not a number), use the law itself
    double t;
  };
  static Lookup lookup(double limit);
  struct Centre {
    Parameters p;
    CentreEffect effect;
    ReachLaw reach;                        // this case's patients at this centre
    std::vector<float> table;              // reach.cdf on a log grid of limits: a plan's chance reads ~10⁵ of them
    size_t sigma_index;                    // into the pattern factors
    double chance(const Lookup& k) const;  // P(worst reach ≤ limit)
  };
  // Per pattern and σ_direction value: the reach factor at each angle of the context.
  struct Pattern {
    std::vector<std::vector<double>> factor;  // [sigma index][angle]
  };
  // Largest worst-direction reach (cm) a plan leaves no tumour behind for, per sector, for one
  // pattern and imatinib hypothesis; negative where even no reach would be missed.
  void clear_limits(const std::vector<double>& plan_mm, const Pattern& pat, size_t sigma_index, bool unchanged,
                    std::array<double, kSectors>& out) const;
  // Mean over centres of the share a uniform margin clears at the periphery (times the deep
  // chance per imatinib hypothesis, when given); each centre's share into `by_centre`.
  double periphery_share(const std::vector<double>& outline_mm, double margin_cm, size_t pattern_count, std::vector<double>* by_centre,
                         const std::vector<std::array<double, 2>>* deep) const;
  // The chance a centre's tumours are cleared at depth, per imatinib hypothesis (shrunk, unchanged).
  std::array<double, 2> deep_chances(const Centre& c, double plane_mm) const;
  // Where each of the first `count` patterns' limits fall on the tables, per σ_direction value and
  // imatinib hypothesis (index (pattern · σ values + σ) · 2 + unchanged): the worst direction's,
  // and each sector's when `sectors` is given.
  std::vector<Lookup> limit_lookups(const std::vector<double>& plan_mm, size_t count, std::vector<std::array<Lookup, kSectors>>* sectors) const;

  SpreadContext ctx_;
  std::uint64_t seed_;
  std::vector<Centre> centres_;
  std::vector<Pattern> patterns_;
};

}  // namespace mv::spread
