#include "cli.hpp"

#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "errors.hpp"
#include "gui/gui_app.hpp"
#include "paths.hpp"

namespace mv::app {
namespace {

bool is_subcommand(std::string_view s) {
  return s == "render" || s == "export" || s == "report" || s == "validate" || s == "teach" || s == "simulate";
}

int run_subcommands(int argc, char** argv) {
  CLI::App app{"marginviz — DFSP tumour and margin reconstruction from ruler measurements (illustration, not clinical decisions)"};
  app.require_subcommand(1, 1);
  // Planning options, shared by report, render --view plan and teach.
  auto add_plan_options = [](CLI::App* cmd, PlanOptions& o, bool margin_required) {
    auto* m = cmd->add_option("--plan-margin", o.margin_cm, "Peripheral margin beyond the clinical edge (cm), every clock hour");
    if (margin_required) m->required();
    cmd->add_option("--plan-depth", o.depth, "Deep plane: subcutis, fascia (galea on the scalp), muscle or periosteum")->capture_default_str();
    cmd->add_option("--plan-from", o.from, "Outline widened: pre (pre-treatment, default: Ugurel 2014) or post")->capture_default_str();
    cmd->add_option("--seed", o.seed, "Monte Carlo seed (reported)")->capture_default_str();
  };

  RenderRequest rr;
  std::string resolution = "1280,800", view = "3d", section = "3", at_render;
  auto* render = app.add_subcommand("render", "Render a case headless to PNG");
  render->add_option("case", rr.case_path, "Case file (JSON)")->required();
  render->add_option("--output,-o", rr.output, "PNG file to write")->required();
  render->add_option("--resolution", resolution, "Width,height in pixels")->capture_default_str();
  render->add_option("--at", at_render, "Measurement label, or a fraction 0..1 of the way from the first to the last");
  render->add_option("--view", view, "3d, section, mohs (the Mohs stages in 3D), mohs-section, map (a stage's Mohs map), plan or plan-section")
      ->check(CLI::IsMember({"3d", "section", "mohs", "mohs-section", "map", "plan", "plan-section"}))
      ->capture_default_str();
  int through_stage = -1, map_stage = 1;
  render->add_option("--through-stage", through_stage, "With --view mohs: show stages 1 to N (default: all)");
  render->add_option("--stage", map_stage, "With --view map: which stage's map (1-based)")->capture_default_str();
  render->add_option("--section-angle", section, "Clock axis of the section cut (3 = the 3-9 axis; 10:30 allowed)")->capture_default_str();
  render->add_option("--skin-opacity", rr.view.skin_opacity, "Opacity of the skin in the 3D view, 0..1")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  render->add_option("--backend", rr.backend, "auto, egl (no X server) or glfw")->check(CLI::IsMember({"auto", "egl", "glfw"}))->capture_default_str();
  render->add_option("--anti-aliasing", rr.anti_aliasing, "auto (4x MSAA on a GPU, FXAA on software GL), msaa, fxaa or none")
      ->check(CLI::IsMember({"auto", "msaa", "fxaa", "none"}))->capture_default_str();
  render->add_option("--samples", rr.samples, "MSAA samples where MSAA is used (0 = no anti-aliasing)")->check(CLI::Range(0, 16))->capture_default_str();
  render->add_option("--zoom", rr.zoom, "Closer (>1) or farther (<1) than the default framing")->check(CLI::Range(0.05, 20.0))->capture_default_str();
  render->add_option("--orbit-yaw", rr.orbit_yaw_deg, "Turn the default view left/right (degrees)")->check(CLI::Range(-360.0, 360.0));
  render->add_option("--orbit-pitch", rr.orbit_pitch_deg, "Turn the default view up/down (degrees)")->check(CLI::Range(-360.0, 360.0));
  add_plan_options(render, rr.plan, false);
  bool no_labels = false, no_legend = false, no_ghost = false;
  render->add_flag("--no-labels", no_labels, "Hide dimension lines and clock marks");
  render->add_flag("--no-legend", no_legend, "Hide the title, legend and notes");
  render->add_flag("--no-ghost", no_ghost, "Hide the pre-treatment outline");
  render->add_flag("--timings", rr.timings, "Print how long each phase took (stderr)");

  std::filesystem::path export_case, export_output;
  std::string at_export;
  auto* exp = app.add_subcommand("export", "Export the scene's meshes: .glb (metres), .stl/.ply/.obj (millimetres)");
  exp->add_option("case", export_case, "Case file (JSON)")->required();
  exp->add_option("--output,-o", export_output, "Mesh file: .glb, .stl, .ply or .obj")->required();
  exp->add_option("--at", at_export, "Measurement label, or a fraction 0..1");

  std::filesystem::path report_case;
  PlanOptions report_plan;
  auto* report = app.add_subcommand("report", "Print the case's metrics as JSON (docs/report-format.md)");
  report->add_option("case", report_case, "Case file (JSON)")->required();
  add_plan_options(report, report_plan, false);

  std::filesystem::path teach_case, teach_csv;
  PlanOptions teach_plan;
  int scenarios = 10;
  auto* teach = app.add_subcommand("teach", "Judge a margin plan against hidden tumours drawn from the model (reproducible from --seed)");
  teach->add_option("--case", teach_case, "Case file (JSON)")->required();
  teach->add_option("--scenarios", scenarios, "How many hidden tumours")->check(CLI::Range(1, 10000))->capture_default_str();
  teach->add_option("--csv", teach_csv, "Write the tally as CSV");
  add_plan_options(teach, teach_plan, false);

  SimulateOptions sim;
  auto* simulate = app.add_subcommand("simulate", "Simulate Mohs surgery on virtual patients of the spread model; prints JSON (docs/report-format.md)");
  simulate->add_option("case", sim.case_path, "Case file (JSON)")->required();
  simulate->add_option("--first-margin", sim.first_margin_cm, "First stage's margin beyond the clinical edge (cm)")->required();
  simulate->add_option("--next-margin", sim.next_margin_cm, "Each later stage's margin, in the positive sectors only (cm)")->capture_default_str();
  simulate->add_option("--depth", sim.depth, "First stage's deep plane; later stages go one plane deeper where the deep margin is positive")->capture_default_str();
  simulate->add_option("--plan-from", sim.from, "Clinical edge: pre (pre-treatment outline, default) or post")->capture_default_str();
  simulate->add_option("--patients", sim.patients, "Patients in each simulated series")->check(CLI::Range(1, 100000))->capture_default_str();
  simulate->add_option("--series", sim.series, "Simulated series (centres)")->check(CLI::Range(10, 2000))->capture_default_str();
  simulate->add_option("--max-stages", sim.max_stages, "Last stage of the protocol (1: a single excision)")->check(CLI::Range(1, 50))->capture_default_str();
  simulate->add_option("--seed", sim.seed, "Simulation seed (reported)")->capture_default_str();

  std::filesystem::path validate_case;
  auto* validate = app.add_subcommand("validate", "Check a case file; every problem is listed");
  validate->add_option("case", validate_case, "Case file (JSON)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*render) {
    std::tie(rr.width, rr.height) = parse_resolution(resolution);
    rr.view.mode = (view == "section" || view == "mohs-section" || view == "plan-section") ? ViewMode::Section : ViewMode::ThreeD;
    rr.view.plan = view == "plan" || view == "plan-section";
    if (rr.view.plan && !rr.plan.margin_cm) throw InputError("--view " + view + ": needs --plan-margin CM");
    for (const char* opt : {"--plan-margin", "--plan-depth", "--plan-from", "--seed"})
      if (!rr.view.plan && render->count(opt)) throw InputError(std::string(opt) + ": goes with --view plan or plan-section");
    rr.view.mohs = view == "mohs" || view == "mohs-section";
    if (render->count("--through-stage")) {
      if (!rr.view.mohs) throw InputError("--through-stage: goes with --view mohs or mohs-section");
      rr.view.through_stage = through_stage;
    }
    if (render->count("--stage") && view != "map") throw InputError("--stage: goes with --view map");
    if (view == "map") rr.map_stage = map_stage;
    rr.view.section_clock = parse_clock(section);
    rr.view.labels = !no_labels;
    rr.view.legend = !no_legend;
    rr.view.ghost = !no_ghost;
    if (!at_render.empty()) rr.at = at_render;
    rr.exit_when_done = true;
    return render_command(rr, std::cout, std::cerr);
  }
  if (*exp) return export_command(export_case, export_output, at_export.empty() ? std::nullopt : std::optional(at_export), std::cout, std::cerr);
  if (*report) return report_command(report_case, report_plan, std::cout, std::cerr);
  if (*teach) return teach_command(teach_case, teach_plan, scenarios, teach_csv, std::cout, std::cerr);
  if (*simulate) return simulate_command(sim, std::cout, std::cerr);
  return validate_command(validate_case, std::cout, std::cerr);
}

int run_gui_from_args(int argc, char** argv) {
  CLI::App app{"marginviz — opens CASE (the bundled demo case when none is given) in the desktop app.\n"
               "Subcommands: render, export, report, teach, simulate, validate (see marginviz SUBCOMMAND --help)"};
  app.set_version_flag("--version", std::string("marginviz ") + MARGINVIZ_VERSION);
  std::filesystem::path case_path = demo_case_path();
  app.add_option("case", case_path, "Case file (JSON)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return run_gui(case_path);
}

}  // namespace

int run(int argc, char** argv) {
  try {
    if (argc > 1 && is_subcommand(argv[1])) return run_subcommands(argc, argv);
    return run_gui_from_args(argc, argv);
  } catch (const InputError& e) {
    std::cerr << "marginviz: " << e.what() << (std::string_view(e.what()).ends_with("\n") ? "" : "\n");
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "marginviz: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace mv::app
