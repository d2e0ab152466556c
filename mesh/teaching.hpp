#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "plan.hpp"

namespace mv {

// Teaching mode: a hidden microscopic extent drawn from the model for a case, reproducible from
// its seed; the resident's plan is judged against it.
struct TeachingScenario {
  std::uint64_t seed = 0;
  HiddenExtent truth;
};
TeachingScenario draw_scenario(const Case& c, std::uint64_t seed);

struct TeachingOutcome {
  bool clear = false;
  std::vector<int> left_behind_hours;  // clock hours where tumour reached beyond the margin
  bool deep_left_behind = false;
  double plan_area_cm2 = 0.0, tumour_area_cm2 = 0.0;
  double needless_area_cm2 = 0.0;      // excised skin the tumour never reached
  int score = 0;                       // 0 when tumour is left behind; else 100 × tumour area / plan area
};
TeachingOutcome judge(const Case& c, const SiteModel& model, const LesionFrame& frame, const PlannedExcision& plan, const TeachingScenario& s);
PolarRegion hidden_region(const Case& c, const PolarRegion& like, const TeachingScenario& s);

// A teaching session's scenarios on ONE case: a new case starts a new tally.
struct TeachingTally {
  std::string case_id;
  std::string date;  // the session's date (ISO), written on every row
  struct Row {
    std::uint64_t seed;
    TeachingOutcome outcome;
    std::array<double, 12> margin_cm;
    std::string depth;
  };
  std::vector<Row> rows;
  std::string csv() const;  // one line per scenario with the case id, date, seed and plan, under a header
  int cleared() const;
  double mean_score() const;
};

}  // namespace mv
