#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case/case_model.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "anatomy/site_model.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv {

struct MeasurementMetrics {
  std::string label;
  std::string date;
  double x_cm = 0, y_cm = 0;
  double area_cm2 = 0;            // ellipse π/4·X·Y
  double footprint_area_cm2 = 0;  // measured on the reconstructed mesh, along the skin
  double volume_cm3 = 0;          // of the reconstructed solid
  double depth_mm = 0;
  bool depth_is_site_default = false;
  double exophytic_mm = 0;
  bool watertight = false;
};

// Shrinkage from the first to the last measurement, percent (positive = smaller), by each method,
// each named for what it is. Han 2009 measured X and Y and reports a reduction without its method
// (docs/sources.md §2): area X·Y is shown first; trials name the response by RECIST 1.1 on the
// longest diameter (clinical/response.hpp), shown beside it.
struct ReductionMetrics {
  std::string from_label, to_label;
  double area_xy_percent = 0, longest_axis_percent = 0, mean_axes_percent = 0, volume_percent = 0;
};

struct CaseMetrics {
  std::vector<MeasurementMetrics> measurements;
  std::optional<ReductionMetrics> reduction;  // with two or more measurements
};

MeasurementMetrics measure(const Measurement& m, const TumourState& state, const TumourSolid& solid);
CaseMetrics compute_metrics(const Case& c, const SiteModel& model, const LesionFrame& frame, const TumourQuality& quality = {});
// The same from solids already built, one per measurement in order.
CaseMetrics metrics_of(const Case& c, const std::vector<TumourSolid>& solids);
// The reduction from clinical sizes alone (X, Y) plus the two solids' volumes.
ReductionMetrics reduction_between(const MeasurementMetrics& first, const MeasurementMetrics& last);

// `marginviz report` output: docs/report-format.md.
nlohmann::json report_json(const Case& c, const CaseMetrics& metrics);

}  // namespace mv
