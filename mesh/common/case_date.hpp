#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

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
// The ISO date `days` after a valid `iso` (unchanged if `iso` is not valid).
std::string iso_date_after(const std::string& iso, int days);

}  // namespace mv
