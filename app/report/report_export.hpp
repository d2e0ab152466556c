#pragma once
// Writes a case's PDF report, the same from the CLI and the GUI: the report JSON, the maps' depths,
// the pictures (when a renderer is given, its OpenGL context current), the warnings, the date.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "case_session.hpp"
#include "clinical/plan.hpp"
#include "renderer.hpp"

namespace mv::app {

struct ReportRequest {
  std::optional<PlanRequest> plan;       // report_plan(): asked for, or saved with the case
  render::Renderer* renderer = nullptr;  // null: no pictures, and `no_pictures_because` says why
  std::string no_pictures_because;
  std::vector<std::string> warnings;  // the record's warnings, shown on its first page
};

struct ReportWritten {
  int pages = 0;
  std::string pictures_problem;  // the pictures could not be drawn: why (the report says so too)
};

// The session holds the placed case. Replaces `file` durably; throws InputError when the case's
// Mohs record or plan cannot be placed, std::runtime_error when the file cannot be written.
ReportWritten write_report_pdf(CaseSession& session, const ReportRequest& request, const std::filesystem::path& file);

}  // namespace mv::app
