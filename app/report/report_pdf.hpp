#pragma once
// The case report for the chart as a PDF (A4, cairo + pango): the case and its provenance, the
// measurements with every reduction method and the response category, the imatinib course, the
// surgery in order with each stage's map and block table, the final defect's margins by clock
// hour, the plan and its chance with its assumptions, the 3D and section pictures; on every page
// the generation date, the version, the page number and the disclaimer. Every number comes from
// the report JSON (case_report.hpp), the one the CLI prints.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case/case_model.hpp"
#include "report/report_figures.hpp"

namespace mv::app {

struct ReportDocument {
  const Case* c = nullptr;
  const nlohmann::json* report = nullptr;             // case_report_json of the same case
  std::vector<std::optional<double>> stage_depth_mm;  // each Mohs stage's resolved depth, for its map
  std::vector<ReportFigure> figures;                  // none: `figures_note` says why
  std::string figures_note;
  std::vector<std::string> warnings;  // the case's validation and placement warnings, shown as such
  std::string generated;              // "2026-12-02 14:55 UTC"
  std::string version;                // "marginviz 0.9.0"
};

struct ReportPdf {
  std::string bytes;
  int pages = 0;
};
ReportPdf report_pdf(const ReportDocument& doc);

}  // namespace mv::app
