#pragma once
// Mohs surgery on virtual patients of the spread model (docs/model.md §6): a first stage at a
// margin and a plane, then further stages of a fixed margin wherever a sector is still positive
// and one plane deeper wherever the deep margin is, until clear or the protocol's last stage.
// Series of patients from simulated centres give what another centre's series could report.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case/mohs.hpp"
#include "clinical/spread/spread_model.hpp"

namespace mv {
struct TissueColumn;
}

namespace mv::spread {

struct MohsProtocol {
  double first_margin_cm = 1.0;
  double next_margin_cm = 0.5;          // each later stage, in the positive sectors only
  std::vector<double> plane_depths_mm;  // the first stage's depth, then each deeper plane in turn
  std::string first_plane = "fascia";
  int max_stages = 10;
  bool from_post_treatment = false;  // the clinical edge measured from the last measurement
};

struct Range {
  double low = 0.0, high = 0.0;  // 2.5-97.5% over simulated series
};

struct MohsSimulation {
  int patients_per_series = 0, series = 0;
  std::uint64_t seed = 0;
  double stages_mean = 0.0;
  Range stages_mean_series;
  std::vector<double> stage_share;  // [k]: share cleared with exactly k+1 stages
  std::vector<Range> stage_share_series;
  double not_cleared = 0.0;  // not clear within the protocol's stages (or below every plane)
  Range not_cleared_series;
  std::vector<double> clear_after;  // [k]: cumulative share clear after stage k+1
  std::vector<Range> clear_after_series;
  double margin_mean = 0.0, margin_median = 0.0;  // clearance margin (cm) of cleared patients
  Range margin_mean_series, margin_median_series;
  double area_median = 0.0, area_q1 = 0.0, area_q3 = 0.0;  // final defect on the skin (cm², flat)
  Range area_median_series;
  double ratio_median = 0.0, ratio_q1 = 0.0, ratio_q3 = 0.0;  // defect / clinical area
  Range ratio_median_series;
};

// The depths a protocol starting at `first` goes down through under this lesion: that plane, then
// each deeper one this site has (planes at the same depth cut the same tissue: one counts).
std::vector<double> plane_depths_from(const TissueColumn& column, Site site, DepthPlane first);

MohsSimulation simulate_mohs(const SpreadContext& ctx, const MohsProtocol& protocol, int patients_per_series, int series, std::uint64_t seed);
nlohmann::json simulation_json(const MohsSimulation& s, const MohsProtocol& protocol);

}  // namespace mv::spread
