#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case_model.hpp"
#include "extension_model.hpp"
#include "polar_solid.hpp"
#include "site_model.hpp"
#include "tissue_column.hpp"

namespace mv {

// A planned excision (docs/model.md): a margin beyond the clinical edge per clock-hour sector and a
// deep plane. Drawn by default from the PRE-treatment outline: imatinib shrinkage does not yet
// justify smaller margins (Ugurel 2014, clinical.md §6).
struct PlanRequest {
  std::array<double, kSectors> margin_cm{};  // index 0 = 1 o'clock ... 11 = 12 o'clock
  std::optional<DepthPlane> plane = DepthPlane::Fascia;
  std::optional<double> depth_mm;             // instead of a plane
  bool from_post_treatment = false;
  std::uint64_t seed = 20091996;
  static PlanRequest uniform(double margin_cm, std::optional<DepthPlane> plane);
  static PlanRequest from_saved(const SavedPlan& saved);  // the case's plan (sectors in clock order)
  SavedPlan saved() const;
};

struct PlannedExcision {
  PlanRequest request;
  std::string outline_from;        // the measurement whose outline was widened
  std::string warning;             // shown with the plan, with its source; empty when none
  PolarRegion region;
  PolarSolid solid;
  double area_cm2 = 0.0, extent_x_cm = 0.0, extent_y_cm = 0.0, depth_mm = 0.0;
  TissueColumn column;  // the tissue under the lesion the plan was cut through
  std::vector<std::string> exposed_layers;  // the layers its walls cut, outermost first
  ClearanceEstimate clearance;
  // Where a share of tumours stays in each direction (50%, 80%, 95%), as thin solids on the skin.
  struct Envelope {
    double share = 0.0, margin_cm = 0.0;  // beyond the clinical edge
    PolarRegion region;
    PolarSolid solid;
  };
  std::vector<Envelope> envelopes;
};

// `earlier`: a plan of the same case on the same model (the GUI's previous one). What does not
// depend on the margins and depth — the tissue column and the extension envelopes — is taken
// from it when it was widened from the same outline, instead of rebuilt (a margin drag then
// rebuilds only the defect solid and the chance of clear margins).
PlannedExcision plan_excision(const Case& c, const SiteModel& model, const LesionFrame& frame, const PlanRequest& request,
                              const PlannedExcision* earlier = nullptr);

// P(clear) against a uniform margin for this site and plane, 0 to 5 cm.
std::vector<std::pair<double, double>> clearance_curve(Site site, std::optional<DepthPlane> plane, int points = 21);

// The deepest level (see ExtensionModel::plane_level) a plan's depth takes out.
int deep_level_of(const PlanRequest& r, const TissueColumn& column);

nlohmann::json plan_report_json(const PlannedExcision& p);

// The widest sector-by-sector comparison with an actual Mohs defect: margin per clock hour (cm).
std::array<double, 12> plan_margins_by_hour(const PlanRequest& r);

}  // namespace mv
