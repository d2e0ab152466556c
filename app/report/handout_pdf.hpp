#pragma once
// The patient's handout (issue 14): one or two A4 pages in plain words (counselling.hpp) with the
// before-and-after pictures, the body with the lesion ringed, the wound, the chance as 100 people,
// a glossary, the sources, the date, the case id only, the disclaimer and the reading grade.
#include <filesystem>
#include <optional>
#include <string>

#include "case_session.hpp"
#include "clinical/plan.hpp"
#include "renderer.hpp"

namespace mv::app {

struct HandoutWritten {
  int pages = 0;
  double grade = 0.0;            // Flesch-Kincaid of all its text
  std::string pictures_problem;  // the pictures could not be drawn: why
};

// `renderer`: its OpenGL context current, or null (then no pictures, and the handout says so).
// Replaces `file` durably.
HandoutWritten write_handout_pdf(CaseSession& session, const std::optional<PlanRequest>& plan, render::Renderer* renderer,
                                 const std::filesystem::path& file);

}  // namespace mv::app
