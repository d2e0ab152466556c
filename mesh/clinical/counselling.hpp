#pragma once
// Counselling text for patients (issue 14): every sentence a patient reads, in one place, made
// from the case with its numbers filled in, in plain words (docs/sources.md §9: grade 6, at most
// 8), with the reading grade measured. The handout and the counselling view both show this text.
#include <optional>
#include <string>
#include <vector>

#include "case/case_model.hpp"
#include "clinical/metrics.hpp"

namespace mv {

struct PlannedExcision;
struct MohsReconstruction;

struct CounsellingSection {
  std::string heading;
  std::vector<std::string> sentences;
  std::string text() const;  // the sentences joined
};

// The chance as natural frequencies: N of 100, with the range in words (icon array).
struct FrequencyOf100 {
  int of_100 = 0, low = 0, high = 0;
  std::string sentence, range_sentence, source;
};

struct CounsellingText {
  std::string title;
  std::vector<CounsellingSection> sections;
  std::optional<FrequencyOf100> chance;                       // with a plan
  std::vector<std::pair<std::string, std::string>> glossary;  // word, plain meaning
  std::optional<double> scar_low_cm, scar_high_cm;            // the line-closure estimate, when there is one
  double wound_x_cm = 0.0, wound_y_cm = 0.0;                  // the wound shown (planned or recorded)
  std::string all_text() const;                               // everything a patient reads, for the grade
};

// The wound is the recorded final defect where the case has Mohs stages, else the plan's.
CounsellingText counselling_text(const Case& c, const CaseMetrics& metrics, const MohsReconstruction* mohs, const PlannedExcision* plan);

// The site in words a patient uses: "belly", "upper back".
std::string plain_site(Site site);

// Flesch-Kincaid grade: 0.39 * words/sentences + 11.8 * syllables/words - 15.59 (docs/sources.md §9).
// Syllables by vowel groups (a trailing silent "e" dropped, at least one a word); a number counts as
// a word of two syllables.
double flesch_kincaid_grade(const std::string& text);
int syllables_in(const std::string& word);

}  // namespace mv
