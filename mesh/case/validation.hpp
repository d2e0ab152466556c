#pragma once
#include <string>
#include <vector>

#include "case/case_model.hpp"
#include "common/issues.hpp"

namespace mv {

// Limits shared by validation, the GUI's inline checks and the docs (docs/case-format.md).
namespace limits {
constexpr double kMinLesionCm = 0.1;           // a ruler reads millimetres: below 1 mm is not a measurement
constexpr double kMaxLesionCm = 60.0;          // error above: not a skin lesion any more
constexpr double kImplausibleLesionCm = 40.0;  // warning above: possible, rarely seen (Ratner 1997: up to 35x40 cm final)
constexpr double kMinThicknessMm = 0.1;
constexpr double kMaxThicknessMm = 200.0;
constexpr double kMaxExophyticMm = 150.0;
constexpr double kMaxDoseMgPerDay = 1600.0;
constexpr double kMinLayerMm = 0.1;
constexpr double kMaxLayerMm = 100.0;
// Layers together may fill at most this fraction of the site's thinnest part (ankle, about 29 mm
// radius), so that the inward offsets never pass through the limb's axis.
constexpr double kMaxTotalLayersMm = 20.0;
constexpr double kMaxHeightCm = 100.0;
// What one file may hold: far beyond any real case, small enough that a hostile file cannot make
// reconstruction take minutes (docs/case-format.md, "Limits").
constexpr double kMaxPlanMarginCm = 10.0;  // a planned margin, GUI and CLI alike
constexpr size_t kMaxMeasurements = 200;
constexpr size_t kMaxMohsStages = 30;
constexpr size_t kMaxSurgerySteps = 2 * kMaxMohsStages;  // the stages and as many other steps
constexpr size_t kMaxBlocksPerStage = 48;
constexpr size_t kMaxOutlinePoints = 2000;
}  // namespace limits

// A number as messages show it: as short as it can be ("-2", "10.5").
std::string number_text(double v);

// A date of the Mohs or surgery record at `path` (a date object): a valid date, in the form of
// measurements[0] (day offsets or ISO dates, not both).
void check_record_date(const Case& c, const std::string& path, const CaseDate& d, std::vector<Issue>& out);
// Whether `d` uses the other form of date than measurements[0].
bool mixes_date_forms(const Case& c, const CaseDate& d);

// Every problem at once: errors make a case unusable, warnings flag what is possible but unusual.
std::vector<Issue> validate_case(const Case& c);

}  // namespace mv
