#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/case_date.hpp"
#include "case/mohs.hpp"
#include "case/record.hpp"
#include "anatomy/sites.hpp"

namespace mv {

struct Measurement {
  std::string label;  // "consultation", "preoperative", ...
  CaseDate date;
  double x_cm = 0.0;  // along the 3-9 o'clock axis, along the skin
  double y_cm = 0.0;  // along the 12-6 o'clock axis, along the skin
  std::optional<double> thickness_mm;
  std::optional<double> exophytic_mm;
  Json extra = Json::object();  // unknown keys, kept on save
};

// Where the lesion sits: a ray from the site's reference axis (see SiteSpec::landmark) at
// `height_cm`, leaving at `azimuth_deg` around it and `elevation_deg` above the horizontal.
struct LesionPlacement {
  double azimuth_deg = 0.0;
  double height_cm = 0.0;
  double elevation_deg = 0.0;
  // Rotation of 12 o'clock from "toward the head", toward 3 o'clock.
  double twelve_oclock_deg = 0.0;
  Json extra = Json::object();           // unknown keys of "lesion"
  Json position_extra = Json::object();  // unknown keys of "lesion.position"
};

struct ImatinibCourse {
  double dose_mg_per_day = 0.0;
  CaseDate start, stop;
  Json extra = Json::object();
};

enum class Presentation { Primary, Recurrent };

// Cases built from published constraints rather than a patient's record say so.
struct Illustrative {
  std::string note;
  std::vector<std::string> constructed;  // JSON paths of constructed values
  Json extra = Json::object();
};

// Body habitus: it moves the subcutaneous fat as Gibney 2010 reports (docs/sources.md §7);
// an explicit tissue_mm value wins.
enum class Sex { Female, Male };
struct Habitus {
  std::optional<Sex> sex;
  std::optional<double> bmi;  // kg/m²
  Json extra = Json::object();
};

// The patient's own surface scan in place of the standard anatomy (docs/case-format.md).
struct UserAnatomy {
  std::string mesh;         // path as written in the file; relative paths are from the case file's folder
  std::string unit = "mm";  // "mm", "cm" or "m": the scan's unit, declared, never guessed
  Json extra = Json::object();
};

// The excision planned in the app's planning panel, kept with the case so a reopened case shows
// the same plan (docs/case-format.md, "plan").
struct SavedPlan {
  std::array<double, 12> margin_cm{};  // beyond the clinical edge; index 0 = 1 o'clock ... 11 = 12 o'clock
  DepthPlane plane = DepthPlane::Fascia;
  bool from_post_treatment = false;  // widen the last measurement's outline instead of the first's
  Json extra = Json::object();
  bool uniform() const;  // one margin at every clock hour
};

struct Case {
  std::string schema_version = "1.0";
  std::string case_id;
  Site site = Site::Abdomen;
  Presentation presentation = Presentation::Primary;
  LesionPlacement lesion;
  std::vector<Measurement> measurements;
  std::optional<ImatinibCourse> imatinib;
  TissueThickness tissue;  // as recorded; tissue_of() adds what the habitus implies
  std::optional<Habitus> habitus;
  std::optional<Illustrative> illustrative;
  std::optional<Histology> histology;
  std::optional<Translocation> translocation;
  std::optional<MohsRecord> mohs;
  std::optional<SurgeryRecord> surgery;  // the steps in order (with debulking) and the closure
  std::optional<UserAnatomy> anatomy;
  std::optional<SavedPlan> plan;
  Json extra = Json::object();
  std::filesystem::path source_dir;  // where the case was read from (not saved): resolves relative paths
};

std::string presentation_key(Presentation p);

// The thicknesses the anatomy is built with: the recorded overrides, and where the fat is not given,
// the site's fat moved by the habitus (women +2.5 mm and men -2.5 mm from the pooled table, i.e. a
// 5-mm difference; +0.4 mm per BMI unit from 25; never under 1 mm). Gibney 2010, docs/sources.md §7.
TissueThickness tissue_of(const Case& c);
// What the habitus added to the fat (mm), for display; 0 without one.
double habitus_fat_change_mm(const Case& c);

// Keeps surgery.steps in step with mohs.stages as a stage is added or removed (the GUI's "Next
// stage" and "Delete stage"): a new stage becomes the last step; a removed stage's step goes and
// the later stage steps are renumbered. Nothing changes when the case lists no steps.
void stage_added(Case& c);                 // after mohs->stages.push_back
void stage_removed(Case& c, int removed);  // 0-based index the stage had, after the erase

}  // namespace mv
