#include "case/case_model.hpp"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>

namespace mv {

std::optional<std::int64_t> iso_date_ordinal(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(iso[i]))) return std::nullopt;
  const int y = std::stoi(iso.substr(0, 4)), m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < 1900 || y > 2200) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::string iso_date_after(const std::string& iso, int days) {
  const auto ordinal = iso_date_ordinal(iso);
  if (!ordinal) return iso;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{*ordinal + days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
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

double habitus_fat_change_mm(const Case& c) {
  if (!c.habitus) return 0.0;
  double change = 0.0;
  if (c.habitus->sex) change += *c.habitus->sex == Sex::Female ? 2.5 : -2.5;
  if (c.habitus->bmi) change += 0.4 * (*c.habitus->bmi - 25.0);
  return change;
}

TissueThickness tissue_of(const Case& c) {
  TissueThickness t = c.tissue;
  const double change = habitus_fat_change_mm(c);
  if (change == 0.0) return t;
  for (const auto& [name, mm] : t.overrides_mm)
    if (name == "subcutaneous-fat") return t;  // measured beats inferred
  for (const auto& layer : site_spec(c.site).layers)
    if (layer.kind == TissueKind::SubcutaneousFat) t.overrides_mm.emplace_back(layer.name, std::max(1.0, layer.thickness_mm + change));
  return t;
}

void stage_added(Case& c) {
  if (!c.surgery || c.surgery->steps.empty() || !c.mohs) return;
  SurgeryStep step;
  step.stage = static_cast<int>(c.mohs->stages.size());
  c.surgery->steps.push_back(step);
}

void stage_removed(Case& c, int removed) {
  if (!c.surgery) return;
  auto& steps = c.surgery->steps;
  const int number = removed + 1;
  std::erase_if(steps, [&](const SurgeryStep& s) { return s.kind == SurgeryStep::Kind::Stage && s.stage == number; });
  for (auto& s : steps)
    if (s.kind == SurgeryStep::Kind::Stage && s.stage > number) --s.stage;
}

}  // namespace mv
