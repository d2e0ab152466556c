#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case/case_model.hpp"
#include "common/clock_sectors.hpp"
#include "case/mohs.hpp"
#include "clinical/spread/clearance.hpp"
#include "reconstruction/polar_solid.hpp"
#include "anatomy/site_model.hpp"
#include "reconstruction/tissue_column.hpp"

namespace mv {

// A planned excision (docs/model.md): a margin beyond the clinical edge per clock-hour sector and a
// deep plane. Drawn by default from the PRE-treatment outline: imatinib shrinkage does not yet
// justify smaller margins (Ugurel 2014, docs/sources.md §6).
// The seed of the spread model's simulated centres when none is given (every view and command).
inline constexpr std::uint64_t kDefaultPlanSeed = 20091996;
// The plan every view starts from when the case has none: 2 cm to the fascia, pre-treatment outline.
inline constexpr double kDefaultPlanMarginCm = 2.0;

struct PlanRequest {
  std::array<double, kSectors> margin_cm{};  // index 0 = 1 o'clock ... 11 = 12 o'clock
  std::optional<DepthPlane> plane = DepthPlane::Fascia;
  std::optional<double> depth_mm;  // instead of a plane
  bool from_post_treatment = false;
  std::uint64_t seed = kDefaultPlanSeed;
  static PlanRequest uniform(double margin_cm, std::optional<DepthPlane> plane);
  static PlanRequest from_saved(const SavedPlan& saved);  // the case's plan (sectors in clock order)
  SavedPlan saved() const;
  bool operator==(const PlanRequest&) const = default;
};

struct PlannedExcision {
  PlanRequest request;
  std::string outline_from;  // the measurement whose outline was widened
  std::string warning;       // shown with the plan, with its source; empty when none
  PolarRegion region;
  PolarSolid solid;
  double area_cm2 = 0.0, extent_x_cm = 0.0, extent_y_cm = 0.0, depth_mm = 0.0;
  TissueColumn column;                      // the tissue under the lesion the plan was cut through
  std::vector<std::string> exposed_layers;  // the layers its walls cut, outermost first (never the bone)
  std::string floor;                        // what its floor lies on: "fascia", or "the periosteum over the femur"
  // The case as the spread model sees it, with its simulated centres (kept by later plans of the
  // same case and seed), and what it says about this plan (docs/model.md).
  std::shared_ptr<const spread::ClearanceSampler> spread;
  spread::ClearanceEstimate clearance;
  std::vector<spread::CurvePoint> curve;  // chance against a uniform margin from this outline, at this depth
  // The uniform margins that hold the whole tumour in 50%, 80% and 95% of virtual patients, as
  // thin solids on the skin.
  struct Envelope {
    double share = 0.0, margin_cm = 0.0;  // beyond the planning outline
    PolarRegion region;
    PolarSolid solid;
  };
  std::vector<Envelope> envelopes;
};

// `earlier`: a plan of the same case (the GUI's previous one). What does not depend on the
// margins — the tissue column, the model's centres, the envelopes and (at the same depth) the
// curve — is taken from it instead of rebuilt: a margin drag rebuilds only the excision solid
// and re-counts the chance.
PlannedExcision plan_excision(const Case& c, const SiteModel& model, const LesionFrame& frame, const PlanRequest& request,
                              const PlannedExcision* earlier = nullptr);

nlohmann::json plan_report_json(const PlannedExcision& p);
// A probability (or a size) as the report shows it: 3 decimals. The counselling text's "N of 100"
// is made from this, so the two never disagree.
double as_reported(double v);

// The angles a plan, the spread model and teaching are all evaluated at (radians).
std::vector<double> plan_sample_angles();

// The words shown with a plan's figures, one place for every view (docs/model.md §8).
namespace plan_words {
inline constexpr const char* kChance = "Chance this single excision clears (no further stage)";
inline constexpr const char* kInterval = "range over simulated centres: fit uncertainty and between-series spread";
inline constexpr const char* kSectors = "per clock hour, resting on the assumed spread between directions (no published data)";
inline constexpr const char* kEnvelopes = "whole tumour inside in this share of virtual patients (posterior predictive)";
}  // namespace plan_words

// The widest sector-by-sector comparison with an actual Mohs defect: margin per clock hour (cm).
std::array<double, 12> plan_margins_by_hour(const PlanRequest& r);

}  // namespace mv
