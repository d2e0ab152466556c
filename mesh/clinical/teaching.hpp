#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "clinical/plan.hpp"

namespace mv {

// Teaching mode: a hidden tumour — one virtual patient of the spread model, the same model the
// plan's chance counts over — reproducible from its seed; the resident's plan is judged against it.
struct TeachingScenario {
  std::uint64_t seed = 0;
  spread::VirtualPatient truth;
};
TeachingScenario draw_scenario(const PlannedExcision& plan, std::uint64_t seed);

struct TeachingOutcome {
  bool clear = false;
  std::vector<int> left_behind_hours;  // clock hours where tumour reached beyond the margin
  bool deep_left_behind = false;
  double plan_area_cm2 = 0.0, tumour_area_cm2 = 0.0;
  double healthy_area_cm2 = 0.0;  // excised skin beyond the tumour (healthy tissue taken with it)
  bool beyond_skin = false;       // the tumour runs off the modelled skin: the areas are flat (polar) ones
  int score = 0;                  // 0 when tumour is left behind; else 100 × tumour area / plan area
  // The lesson: by how much the tumour passed the plan at each clock hour (cm, 0 where it did not;
  // index 0 = 1 o'clock), the smallest single margin from the plan's outline that would have
  // cleared it, and the plane it reached.
  std::array<double, 12> shortfall_cm{};
  double clearing_margin_cm = 0.0;
  std::string reached_plane;  // "subcutis", "fascia", "muscle" or "below the muscle"
};
// Whether the plan leaves none of this tumour behind, at the periphery and at depth: the test
// the plan's chance counts (judge adds the lesson and the areas).
bool clears(const PlannedExcision& plan, const TeachingScenario& s);
TeachingOutcome judge(const SiteModel& model, const LesionFrame& frame, const PlannedExcision& plan, const TeachingScenario& s);
// The hidden tumour's outline on the skin at the plan's angles: the outline its extent refers to
// (pre- or post-treatment, by the patient's imatinib hypothesis) widened by its reach, which runs
// smoothly between the clock hours.
PolarRegion hidden_region(const PlannedExcision& plan, const TeachingScenario& s);

// How hard a case is to plan for, for the teaching ladder: one step for each of a large tumour
// (largest first-measurement axis over 5 cm), the head and neck (wider subclinical spread,
// Serra-Guillén 2021), a recurrence, and an imatinib course (a shrunken outline tempts a smaller
// margin, Ugurel 2014). 0 (easiest) to 4. A teaching heuristic, not a clinical score.
struct Difficulty {
  int level = 0;
  std::vector<std::string> reasons;  // "large", "head and neck", "recurrent", "after imatinib"
};
Difficulty teaching_difficulty(const Case& c);

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
