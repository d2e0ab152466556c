#pragma once
// How the tumour responded to imatinib, named the way trials name it, and the published
// recurrence figures a surgeon quotes for this kind of tumour (docs/sources.md §6, §8). Both are
// displays of published definitions and series, not predictions for the patient.
#include <optional>
#include <string>
#include <vector>

#include "case/case_model.hpp"

namespace mv {

// RECIST 1.1 on the longest diameter (the larger of the ruler's X and Y): partial response at a
// decrease of 30% or more, progressive disease at an increase of 20% or more, stable disease
// between. (Complete response, no tumour left, cannot be recorded: a measurement has a size.)
enum class ResponseCategory { PartialResponse, StableDisease, ProgressiveDisease };
std::string response_name(ResponseCategory r);  // "partial response", "stable disease", "progressive disease"
struct Response {
  ResponseCategory category = ResponseCategory::StableDisease;
  double longest_before_cm = 0.0, longest_after_cm = 0.0;
  double change_percent = 0.0;  // negative: smaller
};
// From the first to the last measurement; nullopt with fewer than two.
std::optional<Response> recist_response(const Case& c);
inline constexpr const char* kRecistMethod = "RECIST 1.1 on the longest diameter (the larger of X and Y)";
inline constexpr const char* kRecistThresholds = "partial response: a decrease of 30% or more; progressive disease: an increase of 20% or more";

// Published recurrence figures for a recurrent or fibrosarcomatous tumour, each with its source;
// empty for a primary classic one.
struct PublishedFigure {
  std::string figure, source;
};
std::vector<PublishedFigure> recurrence_context(const Case& c);
inline constexpr const char* kRecurrenceNote = "published series, shown for context — not a prediction for this patient";

}  // namespace mv
