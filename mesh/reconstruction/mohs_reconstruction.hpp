#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case/case_model.hpp"
#include "case/mohs_completeness.hpp"
#include "reconstruction/polar_solid.hpp"
#include "anatomy/site_model.hpp"
#include "reconstruction/tissue_column.hpp"

namespace mv {

// What the Mohs stages of a case removed, in 3D over its anatomy (docs/reconstruction.md, "Mohs").
// Stage k widens the previous defect by its margin over its blocks' clock spans (stage 1 from the
// clinical edge of the last, pre-operative measurement) and takes it to its depth there; a
// peripheral wedge widens without deepening, a deep-only block deepens without widening.
struct MohsReconstruction {
  int stages = 0;                        // stages included (through_stage)
  std::vector<double> stage_depth_mm;    // resolved depth of each stage
  std::vector<std::string> stage_names;  // stage_name(): "stage 1", "excision by surgical oncology"
  std::vector<MohsStage> taken;          // the record's entries included, as recorded
  std::vector<PolarRegion> defects;      // cumulative defect after each stage
  std::vector<PolarSolid> defect_solids;
  std::vector<TriangleMesh> stage_tissue;  // what each stage excised: stage 1 its whole wound, later the band it added
  PolarRegion clinical;                    // the pre-operative footprint with its depth
  PolarSolid clinical_solid;
  PolarRegion confirmed;  // tumour confirmed by positive blocks (and the clinical tumour)
  PolarSolid confirmed_solid;
  TissueColumn column;

  // Metrics (docs/report-format.md, "mohs").
  std::vector<double> excised_area_cm2;  // per stage: stage 1 the whole first wound, later the added skin area
  double final_defect_area_cm2 = 0.0;
  double extent_x_cm = 0.0, extent_y_cm = 0.0, largest_diameter_cm = 0.0;  // along the skin through the centre
  double max_depth_mm = 0.0;
  std::string deepest_layer;
  double defect_to_clinical_area = 0.0;
  std::array<double, 12> margin_at_hour_cm{};  // index 0 = 1 o'clock ... 11 = 12 o'clock
  double largest_margin_cm = 0.0;
  MohsCompleteness completeness;       // what is still open through the included stages
  bool clear = false;                  // completeness.clear(): no margin open in any included stage
  bool cleared_by_mohs_alone = false;  // clear, and no excision by another team was needed
};

// `through_stage`: how many stages to include (all when absent). Throws PlacementError when a
// defect does not fit on the anatomy.
MohsReconstruction reconstruct_mohs(const Case& c, const SiteModel& model, const LesionFrame& frame, std::optional<int> through_stage = std::nullopt);

nlohmann::json mohs_report_json(const MohsReconstruction& r);

}  // namespace mv
