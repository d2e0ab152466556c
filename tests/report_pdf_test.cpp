// The PDF case report and the vector Mohs maps, read back as their reader would: qpdf checks each
// file, pdftotext gives its words, pdfinfo its pages. What must be there comes from the report JSON
// and the case file, not from numbers written here, and a check that is given an altered case or
// report must fail (shown below).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include <nlohmann/json.hpp>

#include "case/case_io.hpp"
#include "cli_run.hpp"
#include "test_support.hpp"
#include "text_format.hpp"

namespace mv {
namespace {

using nlohmann::json;

std::string pdf_text(const std::filesystem::path& pdf) {
  const CliResult r = run_command("pdftotext -layout " + quoted(pdf) + " -");
  EXPECT_EQ(r.code, 0) << r.err;
  return r.out;
}

void expect_qpdf_clean(const std::filesystem::path& pdf) {
  const CliResult r = run_command("qpdf --check " + quoted(pdf));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

int pdf_pages(const std::filesystem::path& pdf) {
  const CliResult r = run_command("pdfinfo " + quoted(pdf));
  std::smatch m;
  return std::regex_search(r.out, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// Runs of spaces and line breaks as one space: a phrase wrapped onto the next line is still found.
std::string collapsed(const std::string& s) { return std::regex_replace(s, std::regex("\\s+"), " "); }

std::string one(const json& v) { return app::fixed(v.get<double>(), 1); }

Case load(const std::string& id) {
  CaseLoad load = load_case_file(test::case_path(id));
  EXPECT_TRUE(load.value.has_value());
  return *load.value;
}

// What a reader must find in the report of `c`: every stage, every block with its clock span, every
// metric; each missing one is named.
std::vector<std::string> missing_from(const std::string& text, const json& r, const Case& c) {
  std::vector<std::string> missing;
  const std::string low = collapsed(lower(text));
  auto need = [&](const std::string& what) {
    if (low.find(collapsed(lower(what))) == std::string::npos) missing.push_back(what);
  };
  need("Case report — " + c.case_id);
  for (const auto& m : r["measurements"]) {
    need(m["label"].get<std::string>());
    need(one(m["x_cm"]) + " × " + one(m["y_cm"]));
    need(one(m["area_cm2"]));
    need(one(m["volume_cm3"]));
  }
  for (const char* method : {"area_xy_percent", "longest_axis_percent", "mean_axes_percent", "volume_percent"})
    need(one(r["reduction"][method]) + "%");
  need("Response category: " + r["response"]["category"].get<std::string>());
  need("(" + one(r["response"]["longest_change_percent"]) + "%)");
  if (r.contains("imatinib")) need(app::fixed(r["imatinib"]["dose_mg_per_day"].get<double>(), 0) + " mg a day");
  for (const auto& f : r["recurrence_context"]["figures"]) need(f["source"].get<std::string>());
  for (const auto& s : r["surgery"]["steps"]) need(s["name"].get<std::string>());
  if (r["surgery"]["closure"].is_object()) need("Closure: " + r["surgery"]["closure"]["method"].get<std::string>());
  const json& mohs = r["mohs"];
  for (const auto& s : mohs["stages"]) need(one(s["depth_mm"]) + " mm");
  need(one(mohs["final_defect_area_cm2"]) + " cm²");
  need(one(mohs["final_defect_extent_x_cm"]) + " × " + one(mohs["final_defect_extent_y_cm"]) + " cm");
  // The hourly margins, in order on the "margin (cm)" row.
  std::string hours = "margin \\(cm\\)";
  for (const auto& h : mohs["final_margin_by_clock_hour_cm"]) hours += "\\s+" + std::regex_replace(one(h["margin_cm"]), std::regex("\\."), "\\.");
  if (!std::regex_search(text, std::regex(hours))) missing.push_back("the hourly margins " + hours);
  // Each block's row of its stage's table: label, then its clock span.
  for (const auto& stage : c.mohs->stages)
    for (const auto& b : stage.blocks) {
      const std::string row = "\\b" + b.label + "\\s+" + app::fixed(b.span.from, 1) + "–" + app::fixed(b.span.to, 1);
      if (!std::regex_search(text, std::regex(std::regex_replace(row, std::regex("\\."), "\\.")))) missing.push_back("block row " + row);
    }
  return missing;
}

json report_json_of(const std::string& args) {
  const CliResult r = run("report " + args);
  EXPECT_EQ(r.code, 0) << r.err;
  return json::parse(r.out);
}

TEST(ReportPdf, HoldsEveryStageBlockAndMetricOnCheckedPages) {
  test::ScratchDir dir;
  const auto pdf = dir.path / "abdomen.pdf";
  const CliResult r = run("report " + quoted(test::case_path("han2009-abdomen")) + " --format pdf --output " + quoted(pdf));
  ASSERT_EQ(r.code, 0) << r.err;
  expect_qpdf_clean(pdf);
  const int pages = pdf_pages(pdf);
  EXPECT_NE(r.out.find(std::to_string(pages) + " pages"), std::string::npos) << r.out;
  EXPECT_GE(pages, 5);  // summary, pictures, surgery, and one page per entry of the Mohs record (3)
  const std::string text = pdf_text(pdf);
  const Case c = load("han2009-abdomen");
  const json report = report_json_of(quoted(test::case_path("han2009-abdomen")));
  const auto missing = missing_from(text, report, c);
  EXPECT_TRUE(missing.empty()) << "missing from the PDF: " << ::testing::PrintToString(missing);
  // Every page says which page of how many, the version and the disclaimer.
  const std::string version = run("--version").out.substr(0, run("--version").out.find('\n'));
  for (int p = 1; p <= pages; ++p) EXPECT_NE(text.find("page " + std::to_string(p) + " of " + std::to_string(pages)), std::string::npos) << p;
  size_t disclaimers = 0, versions = 0;
  for (size_t at = 0; (at = text.find("not a clinical decision", at)) != std::string::npos; ++at) ++disclaimers;
  for (size_t at = 0; (at = text.find(version + " · case", at)) != std::string::npos; ++at) ++versions;
  EXPECT_EQ(disclaimers, static_cast<size_t>(pages));
  EXPECT_EQ(versions, static_cast<size_t>(pages)) << version;
  EXPECT_NE(text.find("Illustrative case"), std::string::npos);
  // No path of the machine it was made on (the case's folder is not the chart's business).
  EXPECT_EQ(text.find(test::asset_dir().string()), std::string::npos);
}

TEST(ReportPdf, TheCheckFailsWhenTheReportOrTheCaseDiffers) {
  test::ScratchDir dir;
  const auto pdf = dir.path / "abdomen.pdf";
  ASSERT_EQ(run("report " + quoted(test::case_path("han2009-abdomen")) + " --format pdf --output " + quoted(pdf)).code, 0);
  const std::string text = pdf_text(pdf);
  const Case c = load("han2009-abdomen");
  const json report = report_json_of(quoted(test::case_path("han2009-abdomen")));
  ASSERT_EQ(missing_from(text, report, c), std::vector<std::string>{});
  // A metric moved by 0.1, a block relabelled, a block's span moved, an hourly margin changed: each is caught.
  json moved = report;
  moved["reduction"]["area_xy_percent"] = report["reduction"]["area_xy_percent"].get<double>() + 0.1;
  EXPECT_EQ(missing_from(text, moved, c).size(), 1u);
  Case relabelled = c;
  relabelled.mohs->stages[0].blocks[1].label = "Q";
  EXPECT_EQ(missing_from(text, report, relabelled).size(), 1u);
  Case shifted = c;
  shifted.mohs->stages[1].blocks[0].span.from += 0.5;
  EXPECT_EQ(missing_from(text, report, shifted).size(), 1u);
  json margin = report;
  margin["mohs"]["final_margin_by_clock_hour_cm"][5]["margin_cm"] = 2.5;
  EXPECT_EQ(missing_from(text, margin, c).size(), 1u);
}

TEST(ReportPdf, ThePlanItsChanceAndItsSourcesAreInTheReport) {
  test::ScratchDir dir;
  const auto pdf = dir.path / "thigh.pdf";
  const std::string args = quoted(test::case_path("han2009-thigh")) + " --plan-margin 2 --seed 7";
  ASSERT_EQ(run("report " + args + " --format pdf --output " + quoted(pdf)).code, 0);
  expect_qpdf_clean(pdf);
  const std::string text = pdf_text(pdf);
  const json report = report_json_of(args);
  const auto missing = missing_from(text, report, load("han2009-thigh"));
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
  const json& chance = report["plan"]["clear_probability"];
  const std::string figure = app::fixed(100.0 * chance["overall"].get<double>(), 1) + "% (95% interval " +
                             app::fixed(100.0 * chance["interval_95"][0].get<double>(), 1) + "–" +
                             app::fixed(100.0 * chance["interval_95"][1].get<double>(), 1) + "%)";
  EXPECT_NE(text.find(figure), std::string::npos) << figure;
  EXPECT_NE(text.find("Seed 7"), std::string::npos);
  EXPECT_NE(text.find("Dawes 1996"), std::string::npos);
  EXPECT_NE(text.find("The plan beside the Mohs defect"), std::string::npos);
  EXPECT_NE(text.find("The planned excision"), std::string::npos);  // its picture
}

TEST(ReportPdf, WithoutOpenGlTheReportSaysItHasNoPictures) {
  test::ScratchDir dir;
  const auto pdf = dir.path / "scalp.pdf";
  // GLFW without a display: the pictures cannot be drawn; the rest of the report can, and says so.
  const CliResult r =
      run("report " + quoted(test::case_path("han2009-scalp")) + " --format pdf --backend glfw --output " + quoted(pdf), "env -u DISPLAY");
  ASSERT_EQ(r.code, 0) << r.err;
  expect_qpdf_clean(pdf);
  const std::string text = pdf_text(pdf);
  EXPECT_NE(text.find("pictures could not be drawn here"), std::string::npos);
  EXPECT_NE(r.err.find("the report has no pictures"), std::string::npos) << r.err;
  const auto missing = missing_from(text, report_json_of(quoted(test::case_path("han2009-scalp"))), load("han2009-scalp"));
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
}

TEST(ReportPdf, UsageErrorsAndAFailedReportLeaveTheOldFile) {
  test::ScratchDir dir;
  const auto c = quoted(test::case_path("han2009-abdomen"));
  CliResult r = run("report " + c + " --format pdf");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--format pdf: needs --output FILE.pdf"), std::string::npos) << r.err;
  r = run("report " + c + " --format docx --output x.docx");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("docx"), std::string::npos) << r.err;
  // An old report stays byte-identical when the new one fails (here: a plan to a plane the abdomen lacks).
  const auto old = dir.path / "report.pdf";
  { std::ofstream(old) << "old report"; }
  r = run("report " + c + " --format pdf --plan-margin 2 --plan-depth periosteum --output " + quoted(old));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--plan-depth"), std::string::npos) << r.err;
  EXPECT_EQ(test::slurp_file(old), "old report");
  // --format json to a file is the JSON stdout would show.
  const auto json_file = dir.path / "report.json";
  ASSERT_EQ(run("report " + c + " --format json --output " + quoted(json_file)).code, 0);
  EXPECT_EQ(json::parse(test::slurp_file(json_file)), report_json_of(c));
}

// Issue 14: the handout, in plain words, on one or two A4 pages, each of its sentences in the PDF.
TEST(Handout, PlainSentencesWithTheCasesNumbersOnTwoA4Pages) {
  test::ScratchDir dir;
  for (const char* id : {"han2009-abdomen", "han2009-thigh", "han2009-ankle", "han2009-scalp"}) {
    const auto pdf = dir.path / (std::string(id) + ".pdf");
    const CliResult r = run("handout " + quoted(test::case_path(id)) + " --plan-margin 2 --output " + quoted(pdf));
    ASSERT_EQ(r.code, 0) << r.err;
    expect_qpdf_clean(pdf);
    const CliResult info = run_command("pdfinfo " + quoted(pdf));
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;
    const int pages = pdf_pages(pdf);
    EXPECT_GE(pages, 1);
    EXPECT_LE(pages, 2) << id;
    std::smatch grade;
    ASSERT_TRUE(std::regex_search(r.out, grade, std::regex(R"(reading grade ([0-9.]+))"))) << r.out;
    EXPECT_LE(std::stod(grade[1]), 8.0) << id;
    const std::string text = collapsed(pdf_text(pdf));
    const json report = report_json_of(quoted(test::case_path(id)) + " --plan-margin 2");
    const auto& first = report["measurements"].front();
    for (const std::string& want :
         {"At your first visit the lump was " + one(first["x_cm"]) + " by " + one(first["y_cm"]) + " cm.",
          "The area shrank by about " + std::to_string(static_cast<int>(std::lround(report["reduction"]["area_xy_percent"].get<double>()))) + "%.",
          "about " + std::to_string(static_cast<int>(std::lround(100.0 * report["plan"]["clear_probability"]["overall"].get<double>()))) + " of 100",
          "The wound from your surgery was about " + one(report["mohs"]["final_defect_extent_x_cm"]) + " by " +
              one(report["mohs"]["final_defect_extent_y_cm"]) + " cm.",
          std::string("A guide, not a promise"), std::string("Illustrative case, not a real patient."), std::string("Reading grade"),
          std::string("Bring this sheet to your next visit.")})
      EXPECT_NE(text.find(collapsed(want)), std::string::npos) << id << ": " << want;
    EXPECT_EQ(text.find(test::asset_dir().string()), std::string::npos);  // no path of this machine
  }
}

TEST(MapFiles, PdfAndSvgMapsHoldTheirTextAndPassQpdf) {
  test::ScratchDir dir;
  const Case c = load("han2009-abdomen");
  for (size_t k = 0; k < c.mohs->stages.size(); ++k) {
    const auto pdf = dir.path / ("map-" + std::to_string(k + 1) + ".pdf");
    const auto svg = dir.path / ("map-" + std::to_string(k + 1) + ".svg");
    for (const auto& f : {pdf, svg})
      ASSERT_EQ(
          run("render " + quoted(test::case_path("han2009-abdomen")) + " --view map --stage " + std::to_string(k + 1) + " --output " + quoted(f))
              .code,
          0);
    expect_qpdf_clean(pdf);
    EXPECT_EQ(pdf_pages(pdf), 1);
    const std::string text = pdf_text(pdf);
    for (const auto& b : c.mohs->stages[k].blocks) {
      const std::string span = app::fixed(b.span.from, 1) + "–" + app::fixed(b.span.to, 1);
      EXPECT_TRUE(std::regex_search(text, std::regex("\\b" + b.label + "\\s+" + std::regex_replace(span, std::regex("\\."), "\\."))))
          << "stage " << k + 1 << " block " << b.label << " " << span;
    }
    // Every clock numeral, as words of the drawing.
    std::set<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.insert(w);
    for (int h = 1; h <= 12; ++h) EXPECT_TRUE(words.count(std::to_string(h))) << "stage " << k + 1 << " numeral " << h;
    const std::string doc = test::slurp_file(svg);
    EXPECT_EQ(doc.rfind("<?xml", 0), 0u);
    EXPECT_NE(doc.find("<svg"), std::string::npos);
    EXPECT_NE(doc.find("</svg>"), std::string::npos);  // whole
  }
}

}  // namespace
}  // namespace mv
