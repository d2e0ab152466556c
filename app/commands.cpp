#include "palette.hpp"
#include "commands.hpp"
#include "case_objects.hpp"
#include "options_table.hpp"
#include "view_frame.hpp"

#include <cmath>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

#include <glm/trigonometric.hpp>

#include "camera_controller.hpp"
#include "case/case_io.hpp"
#include "errors.hpp"
#include "headless.hpp"
#include "phase_timer.hpp"
#include "quick_exit.hpp"
#include "image.hpp"
#include "png_file.hpp"
#include "io/mesh_io.hpp"
#include "print_block.hpp"
#include "reconstruction/timeline.hpp"
#include "common/units.hpp"
#include "clinical/metrics.hpp"
#include "mohs_editing.hpp"
#include "mohs_map.hpp"
#include "mohs_scene.hpp"
#include "clinical/spread/mohs_simulator.hpp"
#include "clinical/teaching.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "paths.hpp"
#include "text_format.hpp"
#include "renderer.hpp"
#include "report/case_report.hpp"
#include "morph_animation.hpp"
#include "report/handout_pdf.hpp"
#include "report/report_export.hpp"
#include "common/file_io.hpp"
#include "case/validation.hpp"

namespace mv::app {

Case load_case_or_throw(const std::filesystem::path& path, std::ostream& warnings) {
  CaseLoad load = load_case_file(path);
  if (!load.value) throw InputError(path.string() + ": invalid case\n" + format_issues(load.issues));
  for (const auto& i : load.issues) warnings << path.string() << ": warning: " << i.text() << "\n";
  return std::move(*load.value);
}

std::pair<int, int> parse_resolution(const std::string& text) {
  int w = 0, h = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d,%d%c", &w, &h, &tail) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192)
    throw InputError("--resolution: \"" + text + "\" — expected W,H with each from 16 to 8192, e.g. 1280,800");
  return {w, h};
}

double parse_clock(const std::string& text) {
  double hour = 0.0;
  int h = 0, m = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d:%d%c", &h, &m, &tail) == 2 && m >= 0 && m < 60) hour = h + m / 60.0;
  else {
    size_t used = 0;
    try {
      hour = std::stod(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != text.size() || used == 0) throw InputError("--section-angle: \"" + text + "\" — expected a clock position such as 3, 4.5 or 10:30");
  }
  if (!(hour >= 0.0 && hour <= 12.0)) throw InputError("--section-angle: \"" + text + "\" — a clock position is from 0 to 12");
  return hour;
}

namespace {

// Places the case and moves to the requested time; bad --at or a lesion that does not fit is input error.
void prepare(CaseSession& session, const Case& c, const std::optional<std::string>& at, std::ostream& err) {
  try {
    session.set_case(c);
    for (const auto& note : session.notes()) err << "marginviz: warning: " << note << "\n";
    if (at) {
      try {
        session.set_time(parse_at(c, *at));
      } catch (const std::invalid_argument& e) {
        throw InputError(std::string("--at: ") + e.what());  // the domain names the value, the CLI its option
      }
    }
  } catch (const PlacementError& e) {
    throw InputError(e.what());
  }
}

// A plan that does not fit the anatomy, or a plane it lacks, is bad input for the plan options.
PlannedExcision planned_or_throw(CaseSession& session, const PlanRequest& r) {
  try {
    return session.plan(r);
  } catch (const PlacementError& e) {
    throw InputError("--plan-margin/--plan-depth: the planned excision cannot be drawn: " + std::string(e.what()));
  }
}
}  // namespace

namespace {

// The Mohs map of one stage, drawn on the CPU: no GL context needed.
int render_map(CaseSession& session, const RenderRequest& r, std::ostream& out) {
  const Case& c = session.current_case();
  const int stages = c.mohs ? static_cast<int>(c.mohs->stages.size()) : 0;
  if (stages == 0) throw InputError("--view map: " + r.case_path.string() + " has no Mohs stages");
  const int stage = r.map_stage.value_or(1);
  if (stage < 1 || stage > stages) throw InputError("--stage: " + std::to_string(stage) + " — the case has stages 1 to " + std::to_string(stages));
  const MohsReconstruction* rec = session.mohs();
  const MapRequest request{&c, stage - 1, rec->stage_depth_mm[static_cast<size_t>(stage - 1)], -1};
  MohsMapLayout layout;
  try {
    layout = save_mohs_map(request, r.output);
  } catch (const std::invalid_argument& e) {
    throw InputError(std::string("--output: ") + e.what());
  }
  out << r.output.string() << ": map of " << stage_name(*c.mohs, static_cast<size_t>(stage - 1)) << " (entry " << stage << "), " << layout.width
      << "x" << layout.height << "\n";
  return 0;
}

void check_through_stage(const Case& c, const ViewSettings& view) {
  if (!view.through_stage) return;
  const int stages = c.mohs ? static_cast<int>(c.mohs->stages.size()) : 0;
  if (*view.through_stage < 1 || *view.through_stage > stages)
    throw InputError("--through-stage: " + std::to_string(*view.through_stage) + " — the case has " +
                     (stages ? "stages 1 to " + std::to_string(stages) : std::string("no Mohs stages")));
}

}  // namespace

render::RenderOptions render_options(const RenderRequest& r) {
  render::RenderOptions options;
  const std::string& aa = r.anti_aliasing;
  if (aa == "auto") options = still_quality(render::Renderer::software_gl());
  options.samples = aa == "msaa" || (aa == "auto" && options.samples > 0) ? r.samples : 0;
  options.fxaa = aa == "fxaa" || (aa == "auto" && options.fxaa && r.samples > 0);  // --samples 0: none
  options.ui_scale = std::max(1.0f, static_cast<float>(r.height) / 800.0f);
  return options;
}

int render_command(const RenderRequest& r, std::ostream& out, std::ostream& err) {
  PhaseTimer timer(r.timings ? &err : nullptr);
  const Case c = load_case_or_throw(r.case_path, err);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  if (r.map_stage) {
    prepare(session, c, r.at, err);
    return render_map(session, r, out);
  }
  check_through_stage(c, r.view);
  if (r.view.mohs && !(c.mohs && !c.mohs->stages.empty()))
    throw InputError("--view " + std::string(r.view.mode == ViewMode::Section ? "mohs-section" : "mohs") + ": " + r.case_path.string() +
                     " has no Mohs stages");
  RenderRequest req = r;
  if (r.view.plan) req.view.plan_request = plan_request(c, r.plan);
  // The anatomy and the reconstruction on a worker while this thread starts OpenGL (both about
  // 0.15 s on llvmpipe): on two cores the whole command is that much shorter.
  auto prepared = std::async(std::launch::async, [&] { prepare(session, c, r.at, err); });
  std::unique_ptr<HeadlessGl> gl;
  std::unique_ptr<render::Renderer> renderer;
  std::unique_ptr<render::OffscreenTarget> target;
  try {
    gl = HeadlessGl::create(r.backend);
    renderer = std::make_unique<render::Renderer>(font_file());
    target = std::make_unique<render::OffscreenTarget>(r.width, r.height);
    renderer->warm_up(r.width, r.height, target->fbo(), render_options(r));
  } catch (...) {
    prepared.get();  // a case error, if there is one, is the more useful message
    throw;
  }
  timer.done("OpenGL context, renderer set-up and warm-up");
  prepared.get();
  timer.done("case and anatomy (in parallel)");
  if (r.view.plan) planned_or_throw(session, req.view.plan_request);
  SceneAssembler assembler;
  CameraController camera;
  camera.reset(default_camera(session, req.view));
  camera.orbit_radians(glm::radians(r.orbit_yaw_deg), glm::radians(r.orbit_pitch_deg));
  camera.dolly(r.zoom);
  const auto scene = assembler.build(session, req.view, camera.camera());
  timer.done("scene");
  renderer->render(scene, r.width, r.height, target->fbo(), render_options(r));
  const auto image = target->read();
  timer.done("drawing");
  save_png(image, r.output);
  timer.done("PNG");
  out << r.output.string() << ": " << r.width << "x" << r.height << " (" << gl->description() << ", " << render::Renderer::gl_description() << ")\n";
  if (r.exit_when_done) exit_without_teardown(0);
  return 0;
}

int export_command(const std::filesystem::path& case_path, const std::filesystem::path& output, const std::optional<std::string>& at, bool split,
                   std::ostream& out, std::ostream& err) {
  MeshFormat format;
  try {
    format = mesh_format_for(output);
  } catch (const MeshIoError& e) {
    throw InputError(e.what());
  }
  const Case c = load_case_or_throw(case_path, err);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, at, err);
  // What the case shows with its Mohs stages (the tissue each took, the final defect, the tumour its
  // positive blocks confirmed, the surface of the final margins), at full anatomical detail.
  ViewSettings view;
  view.mohs = true;
  std::vector<ExportItem> items;
  for (const CaseObject& o : case_objects(session, view, true)) items.push_back({o.name, o.mesh, o.colour});
  if (format == MeshFormat::ThreeMf) {
    const size_t bodies = write_printable_block(session, output);
    out << output.string() << ": " << bodies << " closed bodies (a block of tissue around the lesion, 1:1), unit mm\n";
    return 0;
  }
  if (split) {
    for (const auto& file : export_meshes_split(items, output)) out << file.string() << "\n";
    out << items.size() << " files, one object each, unit " << unit_name(file_unit(format)) << "\n";
    return 0;
  }
  export_meshes(items, output);
  out << output.string() << ": " << items.size() << " objects, unit " << unit_name(file_unit(format)) << "\n";
  return 0;
}

PlanRequest plan_request(const Case& c, const PlanOptions& o) {
  const double margin = o.margin_cm.value_or(kDefaultPlanMarginCm);
  if (const std::string why = range_problem(option("--plan-margin"), margin); !why.empty()) throw InputError("--plan-margin: " + why);
  std::optional<DepthPlane> plane = plane_from_key(o.depth, c.site);
  if (!plane)
    throw InputError("--plan-depth: \"" + o.depth + "\" — not a tissue plane of the " + site_spec(c.site).key +
                     "; expected one of: " + plane_names(c.site));
  if (o.from != "pre" && o.from != "post") throw InputError("--plan-from: \"" + o.from + "\" — expected pre or post");
  PlanRequest r = PlanRequest::uniform(margin, plane);
  r.from_post_treatment = o.from == "post";
  r.seed = o.seed;
  return r;
}

int teach_command(const std::filesystem::path& case_path, const PlanOptions& plan, int scenarios, const std::filesystem::path& csv, std::ostream& out,
                  std::ostream& err) {
  const Case c = load_case_or_throw(case_path, err);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, std::nullopt, err);
  const PlanRequest request = plan_request(c, plan);
  const PlannedExcision excision = planned_or_throw(session, request);
  TeachingTally tally{c.case_id, today_iso(), {}};
  for (int i = 0; i < scenarios; ++i) {
    const TeachingScenario s = draw_scenario(excision, plan.seed + static_cast<std::uint64_t>(i));
    tally.rows.push_back({s.seed, judge(session.site_model(), session.frame(), excision, s), plan_margins_by_hour(request), plan.depth});
  }
  if (!csv.empty()) {
    std::ofstream f(csv);
    if (!(f << tally.csv())) throw std::runtime_error(csv.string() + ": cannot write the tally");
  }
  nlohmann::json j = {{"case_id", c.case_id},
                      {"first_seed", plan.seed},
                      {"scenarios", scenarios},
                      {"margin_cm", request.margin_cm[0]},
                      {"depth", plan.depth},
                      {"cleared", tally.cleared()},
                      {"mean_score", std::round(tally.mean_score() * 10.0) / 10.0}};
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : tally.rows)
    rows.push_back({{"seed", r.seed},
                    {"clear", r.outcome.clear},
                    {"left_behind_hours", r.outcome.left_behind_hours},
                    {"deep_left_behind", r.outcome.deep_left_behind},
                    {"healthy_area_beyond_tumour_cm2", std::round(r.outcome.healthy_area_cm2 * 100.0) / 100.0},
                    {"score", r.outcome.score},
                    {"clearing_margin_cm", std::round(r.outcome.clearing_margin_cm * 100.0) / 100.0},
                    {"reached_plane", r.outcome.reached_plane}});
  j["results"] = rows;
  out << j.dump(2) << "\n";
  return 0;
}

int simulate_command(const SimulateOptions& o, std::ostream& out, std::ostream& err) {
  const Case c = load_case_or_throw(o.case_path, err);
  for (auto [name, v] : {std::pair{"--first-margin", o.first_margin_cm}, {"--next-margin", o.next_margin_cm}})
    if (const std::string why = range_problem(option(name), v); !why.empty()) throw InputError(std::string(name) + ": " + why);
  const std::optional<DepthPlane> plane = plane_from_key(o.depth, c.site);
  if (!plane)
    throw InputError("--depth: \"" + o.depth + "\" — not a tissue plane of the " + site_spec(c.site).key +
                     "; expected one of: " + plane_names(c.site));
  if (o.from != "pre" && o.from != "post") throw InputError("--plan-from: \"" + o.from + "\" — expected pre or post");
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, std::nullopt, err);
  const TissueColumn column = tissue_column(session.site_model(), session.frame(), tissue_of(c));
  spread::MohsProtocol protocol;
  protocol.first_margin_cm = o.first_margin_cm;
  protocol.next_margin_cm = o.next_margin_cm;
  protocol.first_plane = plane_key(*plane);
  protocol.max_stages = o.max_stages;
  protocol.from_post_treatment = o.from == "post";
  try {
    protocol.plane_depths_mm = spread::plane_depths_from(column, c.site, *plane);
  } catch (const PlacementError& e) {
    throw InputError("--depth: " + std::string(e.what()));
  }
  const auto ctx = spread::SpreadContext::of(c, column, plan_sample_angles());
  nlohmann::json j = {{"case_id", c.case_id}};
  j.update(spread::simulation_json(spread::simulate_mohs(ctx, protocol, o.patients, o.series, o.seed), protocol));
  if (protocol.from_post_treatment && c.measurements.size() > 1)
    j["warning"] = "Measured from the post-treatment outline: imatinib shrinkage does not yet justify smaller margins (Ugurel 2014)";
  out << j.dump(2) << "\n";
  return 0;
}

namespace {
// The warnings written as "FILE: warning: TEXT" lines, as their texts.
std::vector<std::string> warning_texts(const std::string& lines) {
  std::vector<std::string> out;
  std::istringstream in(lines);
  for (std::string line; std::getline(in, line);)
    if (const auto at = line.find("warning: "); at != std::string::npos) out.push_back(line.substr(at + 9));
  return out;
}
}  // namespace

int report_command(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  std::ostringstream warned;
  const Case c = load_case_or_throw(o.case_path, warned);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, std::nullopt, warned);
  err << warned.str();
  // A plan on the command line, or else the one saved with the case.
  std::optional<PlanRequest> plan = report_plan(c, o.plan.margin_cm ? std::optional(plan_request(c, o.plan)) : std::nullopt);
  if (plan) plan->seed = o.plan.seed;
  if (o.format == "json") {
    const nlohmann::json report = case_report_json(session, plan);
    if (o.output.empty()) out << report.dump(2) << "\n";
    else {
      replace_file_durably(o.output, report.dump(2) + "\n");
      out << o.output.string() << ": report (JSON)\n";
    }
    return 0;
  }
  ReportRequest request{plan, nullptr, "", warning_texts(warned.str())};
  std::unique_ptr<HeadlessGl> gl;
  std::unique_ptr<render::Renderer> renderer;
  try {
    gl = HeadlessGl::create(o.backend);
    renderer = std::make_unique<render::Renderer>(font_file());
    request.renderer = renderer.get();
  } catch (const std::exception& e) {
    request.no_pictures_because = e.what();
  }
  const ReportWritten written = write_report_pdf(session, request, o.output);
  if (!written.pictures_problem.empty()) err << "marginviz: warning: the report has no pictures: " << written.pictures_problem << "\n";
  out << o.output.string() << ": report, " << written.pages << (written.pages == 1 ? " page" : " pages") << "\n";
  exit_without_teardown(0);
  return 0;
}

int handout_command(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  const Case c = load_case_or_throw(o.case_path, err);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, std::nullopt, err);
  std::optional<PlanRequest> plan = report_plan(c, o.plan.margin_cm ? std::optional(plan_request(c, o.plan)) : std::nullopt);
  if (plan) {
    plan->seed = o.plan.seed;
    planned_or_throw(session, *plan);
  }
  std::unique_ptr<HeadlessGl> gl;
  std::unique_ptr<render::Renderer> renderer;
  try {
    gl = HeadlessGl::create(o.backend);
    renderer = std::make_unique<render::Renderer>(font_file());
  } catch (const std::exception& e) {
    err << "marginviz: warning: the handout has no pictures: " << e.what() << "\n";
  }
  const HandoutWritten written = write_handout_pdf(session, plan, renderer.get(), o.output);
  out << o.output.string() << ": handout, " << written.pages << (written.pages == 1 ? " page" : " pages") << ", reading grade "
      << fixed(written.grade, 1) << "\n";
  exit_without_teardown(0);
  return 0;
}

int animate_command(const AnimateOptions& o, std::ostream& out, std::ostream& err) {
  const Case c = load_case_or_throw(o.case_path, err);
  if (c.measurements.size() < 2) throw InputError(o.case_path.string() + ": one measurement — nothing to morph between");
  if (const std::string why = range_problem(option("--seconds"), o.seconds); !why.empty()) throw InputError("--seconds: " + why);
  AnatomyLibrary library(anatomy_dir());
  CaseSession session(library);
  prepare(session, c, std::nullopt, err);
  const auto gl = HeadlessGl::create(o.backend);
  render::Renderer renderer(font_file());
  const int frames =
      write_morph_gif(session, renderer, o.view == "section" ? ViewMode::Section : ViewMode::ThreeD, o.width, o.height, o.seconds, o.output);
  out << o.output.string() << ": " << frames << " frames, " << o.width << "x" << o.height << ", " << fixed(o.seconds, 1) << " s\n";
  exit_without_teardown(0);
  return 0;
}

int validate_command(const std::filesystem::path& case_path, std::ostream& out, std::ostream& err) {
  const CaseLoad load = load_case_file(case_path);
  for (const auto& i : load.issues)
    err << case_path.string() << ": " << (i.severity == Severity::Error ? "error: " : "warning: ") << i.text() << "\n";
  if (!load.value) return 2;
  // A case can be valid JSON and still not fit its anatomy.
  try {
    AnatomyLibrary library(anatomy_dir());
    CaseSession session(library);
    session.set_case(*load.value);
    for (const auto& note : session.notes()) err << case_path.string() << ": warning: " << note << "\n";
  } catch (const PlacementError& e) {
    err << case_path.string() << ": error: " << e.what() << "\n";
    return 2;
  }
  out << case_path.string() << ": valid" << (load.issues.empty() ? "" : " (with warnings)") << "\n";
  return 0;
}

}  // namespace mv::app
