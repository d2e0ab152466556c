#include "clinical/response.hpp"

#include <algorithm>

namespace mv {

std::string response_name(ResponseCategory r) {
  switch (r) {
    case ResponseCategory::PartialResponse:
      return "partial response";
    case ResponseCategory::StableDisease:
      return "stable disease";
    case ResponseCategory::ProgressiveDisease:
      return "progressive disease";
  }
  return "stable disease";
}

std::optional<Response> recist_response(const Case& c) {
  if (c.measurements.size() < 2) return std::nullopt;
  const auto& a = c.measurements.front();
  const auto& b = c.measurements.back();
  Response r;
  r.longest_before_cm = std::max(a.x_cm, a.y_cm);
  r.longest_after_cm = std::max(b.x_cm, b.y_cm);
  r.change_percent = 100.0 * (r.longest_after_cm - r.longest_before_cm) / r.longest_before_cm;
  // A ruler reads to a millimetre: a change of exactly 30% or 20% (within rounding) meets its threshold.
  constexpr double kRounding = 1e-9;
  r.category = r.change_percent <= -30.0 + kRounding  ? ResponseCategory::PartialResponse
               : r.change_percent >= 20.0 - kRounding ? ResponseCategory::ProgressiveDisease
                                                      : ResponseCategory::StableDisease;
  return r;
}

std::vector<PublishedFigure> recurrence_context(const Case& c) {
  std::vector<PublishedFigure> out;
  if (c.histology == Histology::Fibrosarcomatous) {
    out.push_back(
        {"fibrosarcomatous DFSP: 5-year recurrence-free survival 39.7%, against 93.5% for classic DFSP", "68 patients, World J Surg Oncol 2016"});
    out.push_back({"fibrosarcomatous change brings higher local recurrence and metastasis", "NCCN guidelines, 2025"});
  }
  if (c.presentation == Presentation::Recurrent || c.histology == Histology::Fibrosarcomatous) {
    out.push_back({"after Mohs surgery: 0% of primary and 4.8% of recurrent tumours came back (2% overall)", "Ratner 1997, 58 Mohs patients"});
    out.push_back({"after Mohs surgery 3.0%, after wide local excision 30.8%", "Lowe 2017, 67 and 91 patients"});
    out.push_back({"pooled: after Mohs 6 of 463 (1.3%), after wide excision 288 of 1394 (20.7%)", "Paradisi 2008"});
  }
  return out;
}

}  // namespace mv
