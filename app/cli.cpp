#include "cli.hpp"

#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "errors.hpp"
#include "gui/gui_app.hpp"
#include "options_table.hpp"
#include "paths.hpp"
#include "case/validation.hpp"

namespace mv::app {
namespace {

// "Peripheral margin … (cm, 0 to 10)": the table's help with its unit and range.
std::string describe(const OptionSpec& o) {
  std::string extra = o.unit;
  if (o.has_range()) extra += (extra.empty() ? "" : ", ") + number_text(o.min) + " to " + number_text(o.max);
  return o.help + (extra.empty() ? "" : " (" + extra + ")");
}

// The table's range, with the message the commands give for the same mistake.
CLI::Validator range_check(const OptionSpec& o) {
  return CLI::Validator(
      [&o](std::string& text) -> std::string {
        double v = 0.0;
        size_t used = 0;
        try {
          v = std::stod(text, &used);
        } catch (const std::exception&) {
          return "\"" + text + "\" — expected a number";
        }
        return used == text.size() ? range_problem(o, v) : "\"" + text + "\" — expected a number";
      },
      number_text(o.min) + " to " + number_text(o.max));
}

// The option `name` of the table on `cmd`, bound to `target`, with the table's checks and default.
template <class T>
CLI::Option* add(CLI::App* cmd, std::string_view name, T& target) {
  const OptionSpec& o = option(name);
  CLI::Option* opt = cmd->add_option(o.name == "--output" ? "--output,-o" : o.name, target, describe(o));
  if (o.has_range()) opt->check(range_check(o));
  if (!o.choices.empty()) opt->check(CLI::IsMember(o.choices));
  if (!o.default_text.empty()) opt->default_val(o.default_text);
  if (o.required) opt->required();
  return opt;
}

CLI::Option* add_flag(CLI::App* cmd, std::string_view name, bool& target) { return cmd->add_flag(std::string(name), target, describe(option(name))); }

CLI::App* add_subcommand(CLI::App& app, std::string_view name) {
  for (const auto& s : subcommands())
    if (s.name == name) return app.add_subcommand(std::string(name), std::string(s.summary));
  throw std::logic_error("no subcommand " + std::string(name));
}

int run_subcommands(int argc, char** argv) {
  CLI::App app{"marginviz — DFSP tumour and margin reconstruction from ruler measurements (illustration, not clinical decisions)"};
  app.set_version_flag("--version", std::string("marginviz ") + MARGINVIZ_VERSION);
  app.require_subcommand(1, 1);
  app.failure_message([](const CLI::App*, const CLI::Error& e) { return "marginviz: " + std::string(e.what()) + " (see --help)\n"; });
  // Planning options, shared by report, render --view plan and teach.
  auto add_plan_options = [](CLI::App* cmd, PlanOptions& o) {
    add(cmd, "--plan-margin", o.margin_cm);
    add(cmd, "--plan-depth", o.depth);
    add(cmd, "--plan-from", o.from);
    add(cmd, "--seed", o.seed);
  };

  RenderRequest rr;
  std::string resolution, view, section, at_render;
  auto* render = add_subcommand(app, "render");
  add(render, "case", rr.case_path);
  add(render, "--output", rr.output)->required();
  add(render, "--resolution", resolution);
  add(render, "--at", at_render);
  add(render, "--view", view);
  int through_stage = -1, map_stage = 1;
  add(render, "--through-stage", through_stage);
  add(render, "--stage", map_stage);
  add(render, "--section-angle", section);
  add(render, "--skin-opacity", rr.view.skin_opacity);
  add(render, "--backend", rr.backend);
  add(render, "--anti-aliasing", rr.anti_aliasing);
  add(render, "--samples", rr.samples);
  add(render, "--zoom", rr.zoom);
  add(render, "--orbit-yaw", rr.orbit_yaw_deg);
  add(render, "--orbit-pitch", rr.orbit_pitch_deg);
  add_plan_options(render, rr.plan);
  bool no_labels = false, no_legend = false, no_ghost = false;
  add_flag(render, "--no-labels", no_labels);
  add_flag(render, "--ruler", rr.view.counselling);
  add_flag(render, "--no-legend", no_legend);
  add_flag(render, "--no-ghost", no_ghost);
  add_flag(render, "--timings", rr.timings);

  std::filesystem::path export_case, export_output;
  std::string at_export;
  auto* exp = add_subcommand(app, "export");
  add(exp, "case", export_case);
  add(exp, "--output", export_output)->required();
  add(exp, "--at", at_export);
  bool split = false;
  add_flag(exp, "--split", split);

  ReportOptions report_options;
  auto* report = add_subcommand(app, "report");
  add(report, "case", report_options.case_path);
  add(report, "--format", report_options.format);
  add(report, "--output", report_options.output);
  add(report, "--backend", report_options.backend);
  add_plan_options(report, report_options.plan);

  ReportOptions handout_options;
  handout_options.format = "pdf";
  auto* handout = add_subcommand(app, "handout");
  add(handout, "case", handout_options.case_path);
  add(handout, "--output", handout_options.output)->required();
  add(handout, "--backend", handout_options.backend);
  add_plan_options(handout, handout_options.plan);

  AnimateOptions anim;
  std::string anim_resolution = "800,500";
  auto* animate = add_subcommand(app, "animate");
  add(animate, "case", anim.case_path);
  add(animate, "--output", anim.output)->required();
  add(animate, "--resolution", anim_resolution)->default_val("800,500");
  add(animate, "--seconds", anim.seconds);
  add(animate, "--view", anim.view);
  add(animate, "--backend", anim.backend);

  std::filesystem::path teach_case, teach_csv;
  PlanOptions teach_plan;
  int scenarios = 0;
  auto* teach = add_subcommand(app, "teach");
  add(teach, "case", teach_case);
  add(teach, "--scenarios", scenarios);
  add(teach, "--csv", teach_csv);
  add_plan_options(teach, teach_plan);

  SimulateOptions sim;
  auto* simulate = add_subcommand(app, "simulate");
  add(simulate, "case", sim.case_path);
  add(simulate, "--first-margin", sim.first_margin_cm);
  add(simulate, "--next-margin", sim.next_margin_cm);
  add(simulate, "--depth", sim.depth);
  add(simulate, "--plan-from", sim.from);
  add(simulate, "--patients", sim.patients);
  add(simulate, "--series", sim.series);
  add(simulate, "--max-stages", sim.max_stages);
  add(simulate, "--seed", sim.seed);

  std::filesystem::path validate_case;
  auto* validate = add_subcommand(app, "validate");
  add(validate, "case", validate_case);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*render) {
    std::tie(rr.width, rr.height) = parse_resolution(resolution);
    rr.view.mode = (view == "section" || view == "mohs-section" || view == "plan-section") ? ViewMode::Section
                   : view == "body"                                                        ? ViewMode::Body
                                                                                           : ViewMode::ThreeD;
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
  if (*exp)
    return export_command(export_case, export_output, at_export.empty() ? std::nullopt : std::optional(at_export), split, std::cout, std::cerr);
  if (*report) {
    if (report_options.format == "pdf" && report_options.output.empty()) throw InputError("--format pdf: needs --output FILE.pdf");
    return report_command(report_options, std::cout, std::cerr);
  }
  if (*handout) return handout_command(handout_options, std::cout, std::cerr);
  if (*animate) {
    std::tie(anim.width, anim.height) = parse_resolution(anim_resolution);
    if (anim.view != "3d" && anim.view != "section") throw InputError("--view: \"" + anim.view + "\" — animate takes 3d or section");
    return animate_command(anim, std::cout, std::cerr);
  }
  if (*teach) return teach_command(teach_case, teach_plan, scenarios, teach_csv, std::cout, std::cerr);
  if (*simulate) return simulate_command(sim, std::cout, std::cerr);
  return validate_command(validate_case, std::cout, std::cerr);
}

int run_gui_from_args(int argc, char** argv) {
  std::string names;
  for (const auto& sub : subcommands()) names += (names.empty() ? "" : ", ") + std::string(sub.name);
  CLI::App app{"marginviz — opens CASE (the bundled demo case when none is given) in the desktop app.\nSubcommands: " + names +
               " (see marginviz SUBCOMMAND --help)"};
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
