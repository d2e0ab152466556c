#include "report/handout_pdf.hpp"

#include <ctime>

#include "camera_controller.hpp"
#include "clinical/counselling.hpp"
#include "clinical/metrics.hpp"
#include "common/file_io.hpp"
#include "report/document_writer.hpp"
#include "scene_assembly.hpp"
#include "text_format.hpp"
#include "view_frame.hpp"

namespace mv::app {
namespace {

constexpr Rgba kCleared{0.16f, 0.5f, 0.32f, 1.0f};  // the icon array's "removed by one operation"

std::string today() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
  return text;
}

struct Pictures {
  std::vector<ReportFigure> before_after;
  std::optional<ReportFigure> body, wound;
};

// Before and after from one camera (the one that frames the last measurement), the body, the wound.
Pictures draw_pictures(CaseSession& s, const std::optional<PlanRequest>& plan, render::Renderer& renderer) {
  const Case& c = s.current_case();
  const TimePoint shown = s.time();
  render::RenderOptions options = still_quality(render::Renderer::software_gl());
  SceneAssembler assembler;
  auto shot = [&](const ViewSettings& v, const render::Camera& cam, int w, int h) {
    render::OffscreenTarget t(w, h);
    renderer.render(assembler.build(s, v, cam), w, h, t.fbo(), options);
    return t.read();
  };
  Pictures p;
  ViewSettings plain;
  plain.labels = false;
  plain.ghost = false;
  plain.legend = false;  // the captions say what each shows; the disclaimer stays on every picture
  const render::Camera close = default_camera(s, plain);
  for (size_t k : {size_t{0}, c.measurements.size() - 1}) {
    if (c.measurements.size() < 2 && k > 0) break;
    s.set_time({k, 1.0});
    const auto& m = c.measurements[k];
    p.before_after.push_back({"",
                              (k == 0 ? "First visit" : "Before surgery") + std::string(", ") + m.date.describe() + ": " + fixed(m.x_cm, 1) + " by " +
                                  fixed(m.y_cm, 1) + " cm",
                              shot(plain, close, 1200, 900)});
  }
  s.set_time(shown);
  ViewSettings body = plain;
  body.mode = ViewMode::Body;
  p.body = ReportFigure{"", "Where it is: the ringed spot (a model body, not yours)", shot(body, default_camera(s, body), 900, 1200)};
  ViewSettings wound = plain;
  wound.mohs = c.mohs && !c.mohs->stages.empty();
  wound.plan = !wound.mohs && plan;
  if (plan) wound.plan_request = *plan;
  if (wound.mohs || wound.plan)
    p.wound = ReportFigure{"", wound.mohs ? "The wound from your surgery, on the model" : "The planned wound, on the model",
                           shot(wound, default_camera(s, wound), 1500, 900)};
  return p;
}

}  // namespace

HandoutWritten write_handout_pdf(CaseSession& s, const std::optional<PlanRequest>& plan, render::Renderer* renderer,
                                 const std::filesystem::path& file) {
  const Case& c = s.current_case();
  const CaseMetrics metrics = metrics_of(c, s.measurement_solids());
  const PlannedExcision* planned = plan ? &s.plan(*plan) : nullptr;
  const CounsellingText text = counselling_text(c, metrics, c.mohs && !c.mohs->stages.empty() ? s.mohs() : nullptr, planned);
  HandoutWritten out;
  out.grade = flesch_kincaid_grade(text.all_text());
  Pictures pictures;
  try {
    if (!renderer) throw std::runtime_error("no OpenGL here");
    pictures = draw_pictures(s, plan, *renderer);
  } catch (const std::exception& e) {
    out.pictures_problem = e.what();
  }

  const PageGeometry g;
  Canvas canvas(static_cast<int>(g.width), static_cast<int>(g.height), kWhite, Canvas::Format::Pdf);
  DocumentWriter w(canvas);
  w.flow().add(52.0f, [&](Canvas& cv, float top) { cv.text(text.title, {w.left(), top + 36.0f}, 30.0f, kInk, Canvas::Align::Left, true); });
  w.paragraph("For you to take home. Made " + today() + " for case " + c.case_id + ".", kBody, kGrey);
  if (!out.pictures_problem.empty()) w.paragraph("The pictures could not be drawn on this computer.", kBody, kWarn);
  // Where it is, then before and after, in one row.
  std::vector<ReportFigure> first_row;
  if (pictures.body) first_row.push_back(*pictures.body);
  first_row.insert(first_row.end(), pictures.before_after.begin(), pictures.before_after.end());
  w.figure_row(first_row, 330.0f);
  for (const auto& section : text.sections) {
    w.heading(section.heading);
    w.paragraph(section.text(), 19.0f);
    if (section.heading == "The wound") {
      if (pictures.wound) w.figure_row({*pictures.wound}, 380.0f);
      if (text.chance) {
        w.heading("Your chances, as 100 people");
        w.icon_array(text.chance->of_100, kCleared, text.chance->sentence + " " + text.chance->range_sentence);
        w.paragraph(text.chance->source, kSmall, kGrey);
      }
    }
  }
  w.heading("Words on this sheet");
  std::vector<std::pair<std::string, std::string>> glossary(text.glossary.begin(), text.glossary.end());
  w.pairs(glossary);
  w.heading("Where the numbers come from");
  w.paragraph(
      "The scar guess: a line scar is about 3 to 4 times as long as the wound is wide (Tilleman 2013). Most people expect their scar to be "
      "smaller than it turns out (Fix 2020). The chance: a model of eight published studies of DFSP surgery. The example cases: Han 2009.",
      kSmall, kGrey);
  const std::string grade = "Reading grade (Flesch-Kincaid) " + fixed(out.grade, 1) + ".";
  w.flow().draw(canvas, [&](Canvas& cv, int page, int pages) {
    const float y = g.height - g.bottom + 38.0f;
    cv.stroke({{g.left, y - 24.0f}, {g.width - g.right, y - 24.0f}}, 0.8f, kRule);
    cv.text("A guide, not a promise: made by marginviz " + std::string(MARGINVIZ_VERSION) + " from ruler measurements. " +
                (c.illustrative ? "Illustrative case, not a real patient." : "No names are kept."),
            {g.left, y}, kSmall, kGrey);
    cv.text("page " + std::to_string(page) + " of " + std::to_string(pages), {g.width - g.right, y}, kSmall, kGrey, Canvas::Align::Right);
    cv.text(grade, {g.left, y + 22.0f}, kSmall, kGrey);
  });
  out.pages = w.flow().pages();
  replace_file_durably(file, canvas.finish());
  return out;
}

}  // namespace mv::app
