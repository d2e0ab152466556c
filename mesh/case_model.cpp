#include "case_model.hpp"

#include <chrono>
#include <cstdio>

namespace mv {

std::optional<std::int64_t> iso_date_ordinal(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::int64_t CaseDate::ordinal() const {
  if (day) return *day;
  if (iso) return iso_date_ordinal(*iso).value_or(0);
  return 0;
}

std::string CaseDate::describe() const {
  if (day) return "day " + std::to_string(*day);
  return iso.value_or("(no date)");
}

std::string presentation_key(Presentation p) { return p == Presentation::Primary ? "primary" : "recurrent"; }

}  // namespace mv
