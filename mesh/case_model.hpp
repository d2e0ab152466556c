#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sites.hpp"

namespace mv {

// JSON that keeps its keys in file order, so a saved case reads like the one that was opened.
using Json = nlohmann::ordered_json;

// A date in a case file: a day offset (preferred: no patient dates) or an ISO date YYYY-MM-DD.
struct CaseDate {
  std::optional<int> day;          // "day": 90
  std::optional<std::string> iso;  // "date": "2007-03-14"
  Json extra = Json::object();     // unknown keys, kept on save
  // Days on one axis for ordering and interpolation: the offset, or days since 1970-01-01.
  std::int64_t ordinal() const;
  std::string describe() const;  // "day 90" or "2007-03-14"
};
// Days since 1970-01-01 of a valid YYYY-MM-DD, or nullopt.
std::optional<std::int64_t> iso_date_ordinal(const std::string& iso);

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

struct Case {
  std::string schema_version = "1.0";
  std::string case_id;
  Site site = Site::Abdomen;
  Presentation presentation = Presentation::Primary;
  LesionPlacement lesion;
  std::vector<Measurement> measurements;
  std::optional<ImatinibCourse> imatinib;
  TissueThickness tissue;
  std::optional<Illustrative> illustrative;
  Json extra = Json::object();
};

std::string presentation_key(Presentation p);

}  // namespace mv
