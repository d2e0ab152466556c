#include "report/report_export.hpp"

#include <ctime>

#include "common/file_io.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "report/case_report.hpp"
#include "report/report_pdf.hpp"

namespace mv::app {
namespace {
// "2026-12-02 14:55 UTC": when the report was made.
std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  return text;
}
}  // namespace

ReportWritten write_report_pdf(CaseSession& session, const ReportRequest& request, const std::filesystem::path& file) {
  const Case& c = session.current_case();
  const nlohmann::json report = case_report_json(session, request.plan);
  ReportDocument doc;
  doc.c = &c;
  doc.report = &report;
  if (const MohsReconstruction* rec = c.mohs ? session.mohs() : nullptr)
    for (double d : rec->stage_depth_mm) doc.stage_depth_mm.push_back(d);
  doc.warnings = request.warnings;
  doc.generated = now_utc();
  doc.version = std::string("marginviz ") + MARGINVIZ_VERSION;
  ReportWritten out;
  try {
    if (!request.renderer) throw std::runtime_error(request.no_pictures_because);
    doc.figures = report_figures(session, *request.renderer, request.plan);
  } catch (const std::exception& e) {
    // The rest of the report does not need OpenGL: it is written without its pictures, saying so.
    out.pictures_problem = e.what();
    doc.figures_note = "The 3D and section pictures could not be drawn here: " + out.pictures_problem;
  }
  const ReportPdf pdf = report_pdf(doc);
  replace_file_durably(file, pdf.bytes);
  out.pages = pdf.pages;
  return out;
}

}  // namespace mv::app
