#include "report/report_pdf.hpp"

#include <algorithm>

#include "mohs_map.hpp"
#include "palette.hpp"
#include "report/document_writer.hpp"
#include "report/page_flow.hpp"
#include "text_format.hpp"

namespace mv::app {
namespace {

using nlohmann::json;
using Writer = DocumentWriter;

// A value of the report as text: numbers with `digits` decimals, strings as they are, "–" for none.
std::string text_of(const json& v, int digits = 1) {
  if (v.is_null()) return "–";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return fixed(v.get<double>(), digits);
  return v.dump();
}
std::string at(const json& j, const char* key, int digits = 1) { return j.contains(key) ? text_of(j[key], digits) : "–"; }
std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void case_summary(Writer& w, const ReportDocument& doc) {
  const json& r = *doc.report;
  const Case& c = *doc.c;
  w.flow().add(52.0f, [&, title = "Case report — " + c.case_id](Canvas& cv, float top) {
    cv.text(title, {w.left(), top + 36.0f}, kTitle, kInk, Canvas::Align::Left, true);
  });
  w.paragraph(
      "For the chart. marginviz draws the tumour and the surgery from ruler measurements and the Mohs record; it illustrates and does not "
      "decide. The signed pathology report and the surgeon's Mohs map are the record.",
      kBody, kGrey);
  w.boxed(c.illustrative ? "Illustrative case. " + c.illustrative->note
                         : "No patient identifiers: marginviz case files hold none; the case is named by its id alone.",
          c.illustrative ? kWarn : kGrey);
  json translocation = r.value("translocation", json("not recorded"));
  const std::string transl =
      translocation.is_object()
          ? at(translocation, "status") + (translocation.value("method", "").empty() ? "" : " (" + at(translocation, "method") + ")")
          : text_of(translocation);
  w.pairs({{"Case", c.case_id},
           {"Site", site_spec(c.site).display},
           {"Presentation", at(r, "presentation")},
           {"Histology", at(r, "histology")},
           {"COL1A1–PDGFB / t(17;22)", transl},
           {"Source", c.extra.contains("source") ? text_of(c.extra["source"]) : "–"},
           {"Generated", doc.generated + " by " + doc.version}});
  if (!doc.warnings.empty()) {
    w.subheading("Warnings on this record");
    for (const auto& text : doc.warnings) w.paragraph("• " + text, kBody, kWarn);
  }
}

void measurements(Writer& w, const json& r) {
  w.heading("Measurements");
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : r["measurements"])
    rows.push_back({at(m, "label"), at(m, "date"), at(m, "x_cm") + " × " + at(m, "y_cm"), at(m, "area_cm2"),
                    at(m, "depth_mm") + (m.value("depth_source", "") == "measured" ? "" : " (site default)"), at(m, "exophytic_mm"),
                    at(m, "volume_cm3")});
  w.table({"measurement", "date", "X × Y (cm)", "area (cm²)", "thickness (mm)", "raised (mm)", "volume (cm³)"}, rows,
          {0.17f, 0.13f, 0.15f, 0.13f, 0.17f, 0.12f, 0.13f});
  w.paragraph("Area is the ellipse π/4·X·Y; thickness is the depth below the skin surface; volume is the reconstructed solid's.", kSmall, kGrey);
  if (const json& red = r["reduction"]; red.is_object()) {
    w.subheading("Shrinkage from " + at(red, "from") + " to " + at(red, "to") + ", by each method");
    w.table({"method", "reduction"},
            {{"area (X × Y)", at(red, "area_xy_percent") + "%"},
             {"longest axis", at(red, "longest_axis_percent") + "%"},
             {"mean of the axes", at(red, "mean_axes_percent") + "%"},
             {"volume of the solid", at(red, "volume_percent") + "%"}},
            {0.5f, 0.5f});
    w.paragraph("Area (X × Y): " + at(red, "area_xy_means") + ".", kSmall, kGrey);
  }
  if (const json& resp = r["response"]; resp.is_object()) {
    w.subheading("Response category: " + at(resp, "category"));
    w.pairs({{"Longest diameter",
              at(resp, "longest_before_cm") + " → " + at(resp, "longest_after_cm") + " cm (" + at(resp, "longest_change_percent") + "%)"},
             {"Method", at(resp, "method")},
             {"Thresholds", at(resp, "thresholds")}});
  }
}

void imatinib_and_context(Writer& w, const json& r) {
  if (const json& im = r.value("imatinib", json()); im.is_object()) {
    w.heading("Imatinib course");
    w.pairs({{"Dose", at(im, "dose_mg_per_day", 0) + " mg a day"},
             {"From", at(im, "start")},
             {"To", at(im, "stop")},
             {"Duration", at(im, "duration_days") + " days"}});
  }
  const json& context = r["recurrence_context"];
  if (!context["figures"].empty()) {
    w.heading("Recurrence in published series");
    for (const auto& f : context["figures"]) w.paragraph("• " + capitalised(at(f, "figure")) + " (" + at(f, "source") + ")");
    w.paragraph(capitalised(at(context, "note")) + ".", kSmall, kGrey);
  }
}

void surgery(Writer& w, const ReportDocument& doc) {
  const json& r = *doc.report;
  const json& steps = r["surgery"]["steps"];
  const json& closure = r["surgery"]["closure"];
  if (steps.empty() && closure.is_null()) return;
  w.heading("Surgery, in order");
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  for (const auto& s : steps)
    rows.push_back({std::to_string(++n), capitalised(at(s, "name")), at(s, "date"), s.value("by", "").empty() ? "–" : at(s, "by"), at(s, "note")});
  if (closure.is_object()) rows.push_back({std::to_string(++n), "Closure: " + at(closure, "method"), at(closure, "date"), "–", at(closure, "note")});
  w.table({"", "step", "date", "by", "note"}, rows, {0.05f, 0.27f, 0.12f, 0.18f, 0.38f});
}

// What one entry found, from its blocks: "every block clear", or the open ones.
std::string stage_findings(const MohsStage& stage) {
  std::string open;
  for (const auto& b : stage.blocks)
    for (auto [where, result] : {std::pair{"peripheral", b.peripheral}, {"deep", b.deep}})
      if (result != MarginResult::Clear && result != MarginResult::NotExamined &&
          (std::string(where) == "deep" || takes_periphery(stage.layer_of(b))))
        open += (open.empty() ? "" : "; ") + b.label + " " + where + " " + result_key(result);
  return open.empty() ? "every examined margin clear" : open;
}

void stage_pages(Writer& w, const ReportDocument& doc) {
  const json& r = *doc.report;
  const Case& c = *doc.c;
  if (!c.mohs) return;
  const json& mohs = r["mohs"];
  for (size_t k = 0; k < c.mohs->stages.size(); ++k) {
    const json& st = mohs["stages"][k];
    const MohsStage& stage = c.mohs->stages[k];
    w.flow().page_break();
    w.heading(capitalised(at(st, "name")) + (stage.procedure == Procedure::Excision ? " (not a Mohs stage)" : ""));
    w.pairs({{"Date", stage.date ? stage.date->describe() : "–"},
             {"Found", stage_findings(stage)},
             {"Depth reached", at(st, "depth_mm") + " mm"},
             {"Processing", at(st, "processing") + ", " + at(st, "stain")},
             {"Skin surface it added", at(st, "excised_area_cm2") + " cm²" + (stage.deep_only ? " (a deep-only layer)" : "")},
             {"Defect after it", at(st, "cumulative_defect_area_cm2") + " cm²"}});
    w.map({&c, static_cast<int>(k), k < doc.stage_depth_mm.size() ? doc.stage_depth_mm[k] : std::nullopt, -1});
  }
}

void final_defect(Writer& w, const json& r) {
  const json& m = r.value("mohs", json());
  if (!m.is_object()) return;
  w.heading("The final defect");
  std::string open;
  for (const auto& o : m["open_margins"]) open += (open.empty() ? "" : "; ") + text_of(o);
  w.pairs(
      {{"Margins", m.value("margins_clear", false) ? "clear at every block" : "NOT clear: " + (open.empty() ? std::string("see the stages") : open)},
       {"Cleared by Mohs alone", at(m, "cleared_by_mohs_alone")},
       {"Size", at(m, "final_defect_extent_x_cm") + " × " + at(m, "final_defect_extent_y_cm") + " cm, " + at(m, "final_defect_area_cm2") +
                    " cm² (largest diameter " + at(m, "final_defect_largest_diameter_cm") + " cm)"},
       {"Depth", at(m, "max_depth_mm") + " mm, into the " + at(m, "deepest_layer")},
       {"Defect ÷ clinical area", at(m, "defect_to_clinical_area", 2)},
       {"Entries (stages and excisions)", at(m, "stages_taken")}});
  std::vector<std::string> margins;
  for (const auto& h : m["final_margin_by_clock_hour_cm"]) margins.push_back(at(h, "margin_cm"));
  w.subheading("Margin beyond the clinical edge, by clock hour");
  w.hour_grid({{"margin (cm)", margins}});
  w.paragraph("Largest hourly margin " + at(m, "largest_final_margin_cm") + " cm. 12 o'clock is toward the head.", kSmall, kGrey);
}

void plan(Writer& w, const json& r) {
  const json& p = r.value("plan", json());
  if (!p.is_object()) return;
  const json& chance = p["clear_probability"];
  w.heading("The plan and its chance");
  if (p.contains("warning") && !p["warning"].get<std::string>().empty()) w.boxed(at(p, "warning"), kWarn);
  const json& interval = chance["interval_95"];
  w.pairs(
      {{"Outline", "widened from the " + at(p, "outline_from") + " measurement"},
       {"Depth", "to the " + at(p, "depth") + " (" + at(p, "depth_mm") + " mm), floor on the " + at(p, "floor")},
       {"Size", at(p, "extent_x_cm") + " × " + at(p, "extent_y_cm") + " cm, " + at(p, "area_cm2") + " cm²"},
       {capitalised(at(chance, "means")), fixed(100.0 * chance["overall"].get<double>(), 1) + "% (95% interval " +
                                              fixed(100.0 * interval[0].get<double>(), 1) + "–" + fixed(100.0 * interval[1].get<double>(), 1) + "%)"},
       {"The interval includes", at(chance, "interval_includes")},
       {"Peripheral / deep alone",
        fixed(100.0 * chance["peripheral"].get<double>(), 1) + "% / " + fixed(100.0 * chance["deep"].get<double>(), 1) + "%"},
       {"Model", at(chance, "model")}});
  std::vector<std::string> margin, clear;
  for (const auto& s : p["sectors"]) margin.push_back(at(s, "margin_cm")), clear.push_back(fixed(100.0 * s["clear_probability"].get<double>(), 0));
  w.subheading("By clock hour");
  w.hour_grid({{"margin (cm)", margin}, {"clear (%)", clear}});
  w.paragraph(capitalised(at(p, "sectors_note")) + ".", kSmall, kGrey);
  std::vector<std::vector<std::string>> env;
  for (const auto& e : p["envelopes"])
    env.push_back({fixed(100.0 * e["contains"].get<double>(), 0) + "%", at(e, "margin_beyond_edge_cm", 2) + " cm"});
  w.subheading("How far the tumour reaches");
  w.table({"of virtual patients wholly inside", "margin beyond the edge"}, env, {0.5f, 0.5f});
  w.paragraph(capitalised(at(p, "envelopes_note")) + ".", kSmall, kGrey);
  if (const json& cmp = p.value("compared_with_mohs", json()); cmp.is_object()) {
    w.subheading("The plan beside the Mohs defect");
    std::vector<std::string> planned, taken;
    for (const auto& h : cmp["by_clock_hour"]) planned.push_back(at(h, "plan_margin_cm")), taken.push_back(at(h, "mohs_margin_cm"));
    w.hour_grid({{"plan (cm)", planned}, {"Mohs (cm)", taken}});
    w.paragraph("Plan " + at(cmp, "plan_area_cm2") + " cm² from the " + at(cmp, "plan_outline_from") + " outline; Mohs defect " +
                    at(cmp, "mohs_defect_area_cm2") + " cm², margins from the " + at(cmp, "mohs_margins_from") + " outline.",
                kSmall, kGrey);
  }
  w.subheading("Sources of the model");
  w.paragraph(at(chance, "sources") + ". Seed " + at(chance, "seed") + ".", kSmall, kGrey);
}

}  // namespace

ReportPdf report_pdf(const ReportDocument& doc) {
  const PageGeometry g;
  Canvas canvas(static_cast<int>(g.width), static_cast<int>(g.height), kWhite, Canvas::Format::Pdf);
  Writer w(canvas);
  case_summary(w, doc);
  measurements(w, *doc.report);
  imatinib_and_context(w, *doc.report);
  if (!doc.figures.empty() || !doc.figures_note.empty()) {
    w.heading("Pictures");
    if (!doc.figures_note.empty()) w.paragraph(doc.figures_note, kBody, kWarn);
    for (const auto& f : doc.figures) w.figure(f);
  }
  surgery(w, doc);
  final_defect(w, *doc.report);
  plan(w, *doc.report);
  stage_pages(w, doc);
  const std::string disclaimer = "Illustration for discussion, not a clinical decision. " +
                                 std::string(doc.c->illustrative ? "Illustrative case, not patient data." : "No patient identifiers.");
  w.flow().draw(canvas, [&](Canvas& cv, int page, int pages) {
    const float y = g.height - g.bottom + 38.0f;
    cv.stroke({{g.left, y - 24.0f}, {g.width - g.right, y - 24.0f}}, 0.8f, kRule);
    cv.text(doc.version + " · case " + doc.c->case_id + " · generated " + doc.generated, {g.left, y}, kSmall, kGrey);
    cv.text("page " + std::to_string(page) + " of " + std::to_string(pages), {g.width - g.right, y}, kSmall, kGrey, Canvas::Align::Right);
    cv.text(disclaimer, {g.left, y + 22.0f}, kSmall, kGrey);
  });
  return {canvas.finish(), w.flow().pages()};
}

}  // namespace mv::app
