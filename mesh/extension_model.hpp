#pragma once
// How far DFSP reaches beyond its clinical edge (docs/model.md). The margin a tumour needs in its
// worst direction follows the published clearance-versus-margin series directly (Dawes 1996,
// Kimmel 2007; clinical.md §4); the other directions reach less far, each by its own draw
// (extension is asymmetric, Kimmel 2007); depth follows Serra-Guillén 2016 (clinical.md §5).
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "mohs.hpp"
#include "sites.hpp"

namespace mv {

constexpr int kSectors = 12;  // one per clock hour: sector h covers h-0.5 to h+0.5 o'clock

struct CdfPoint {
  double margin_cm, cleared;
  const char* source;
};
// Share of tumours cleared by a uniform margin, from the literature, with the interpolation
// anchors beyond it (marked as assumption).
const std::vector<CdfPoint>& clearance_points();

struct ModelParameters {
  double direction_spread = 0.5;   // σ of log extension between directions (assumption)
  double site_factor = 1.0;        // head and neck: 1.3 (assumption after Serra-Guillén 2021)
  // Depth reached: confined to the subcutis 62.6%, fascia/galea 11%, muscle ~23% (Serra-Guillén
  // 2016); the remaining 3.4% deeper (assumption).
  std::array<double, 4> depth_share{0.626, 0.11, 0.23, 0.034};
};
ModelParameters parameters_for(Site site);

// One tumour drawn from the model: how far beyond the clinical edge it reaches in each sector (cm)
// and how deep (0 subcutis, 1 fascia, 2 muscle, 3 deeper).
struct HiddenExtent {
  std::array<double, kSectors> reach_cm{};
  int depth_level = 0;
};

class ExtensionModel {
 public:
  explicit ExtensionModel(ModelParameters p) : p_(p) {}
  // Worst-direction margin needed, by inverse transform of the published curve (piecewise linear).
  double worst_margin_from_uniform(double u) const;
  double cleared_by_uniform_margin(double margin_cm) const;  // the curve itself (site factor applied)
  HiddenExtent draw(std::mt19937_64& rng) const;
  // Deepest level a plane takes out: subcutis 0, fascia 1, muscle 2, periosteum 3.
  static int plane_level(DepthPlane plane);
  const ModelParameters& parameters() const { return p_; }

 private:
  ModelParameters p_;
};

// Probability that a plan clears the tumour, by Monte Carlo, with an interval for the
// uncertainty of the published series (each point resampled as a binomial proportion of its n).
struct ClearanceEstimate {
  double overall = 0.0, low = 0.0, high = 0.0;       // median and 2.5-97.5% interval
  double peripheral = 0.0, deep = 0.0;               // parts, pooled over every resampled curve
  std::array<double, kSectors> sector{};             // per clock hour (index 0 = 1 o'clock)
  std::uint64_t seed = 0;
  int draws = 0;
};
ClearanceEstimate estimate_clearance(Site site, const std::array<double, kSectors>& margin_cm, int deep_level,
                                     std::uint64_t seed = 20091996, int curves = 100, int draws_per_curve = 400);

// Margin beyond the clinical edge within which a share `p` of tumours stays, in one direction.
double containment_margin_cm(Site site, double p);

int sector_of_hour(double hour);  // 0 = 1 o'clock ... 11 = 12 o'clock

}  // namespace mv
