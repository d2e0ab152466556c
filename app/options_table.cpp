#include "options_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "clinical/plan.hpp"
#include "clinical/spread/mohs_simulator.hpp"
#include "case/validation.hpp"

namespace mv::app {

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> list{
      {"render", "Render a case headless to PNG"},
      {"export", "Export the scene's meshes: .glb (metres), .stl/.ply/.obj (millimetres); .3mf: a block of tissue to print"},
      {"report", "The case's metrics as JSON (docs/report-format.md), or the report for the chart as a PDF"},
      {"handout", "The patient's handout as a PDF: plain words, pictures, the chance as 100 people"},
      {"animate", "The tumour morphing from the first measurement to the last, as an animated GIF"},
      {"teach", "Judge a margin plan against hidden tumours drawn from the model (reproducible from --seed)"},
      {"simulate", "Simulate Mohs surgery on virtual patients of the spread model; prints JSON (docs/report-format.md)"},
      {"validate", "Check a case file; every problem is listed"},
  };
  return list;
}

bool is_subcommand(std::string_view word) {
  const auto& all = subcommands();
  return std::any_of(all.begin(), all.end(), [&](const Subcommand& s) { return s.name == word; });
}

namespace {

using Names = std::vector<std::string>;
const Names kAll{"render", "export", "report", "handout", "animate", "teach", "simulate", "validate"};
const Names kPlanning{"render", "report", "handout", "teach"};

std::vector<OptionSpec> build_table() {
  const double margin_max = limits::kMaxPlanMarginCm;
  const std::string seed = std::to_string(kDefaultPlanSeed);
  const spread::MohsProtocol protocol;  // the simulator's own defaults
  return {
      {"case", "CASE", "", NAN, NAN, "", {}, "Case file (JSON)", kAll, "File → Open", true},
      {"--output",
       "FILE",
       "",
       NAN,
       NAN,
       "",
       {},
       "File to write: PNG for render (a map also .svg or .pdf); .glb, .stl, .ply, .obj or .3mf (a printable block) for export; the PDF for report "
       "--format pdf and handout; the GIF for animate",
       {"render", "export", "report", "handout", "animate"},
       "File → Export report (PDF)"},
      {"--format",
       "FORMAT",
       "",
       NAN,
       NAN,
       "json",
       {"json", "pdf"},
       "json (on stdout, or to --output) or pdf (the report for the chart, to --output)",
       {"report"},
       "File → Export report (PDF)"},
      {"--resolution", "W,H", "px", NAN, NAN, "1280,800", {}, "Width,height in pixels (animate: 800,500 unless given)", {"render", "animate"}, ""},
      {"--seconds", "S", "s", 0.5, 30.0, "3", {}, "How long the morph runs, at 15 frames a second", {"animate"}, ""},
      {"--split", "", "", NAN, NAN, "", {}, "One file per object, named after it (STL and PLY hold one nameless mesh each)", {"export"}, ""},
      {"--at",
       "LABEL|FRACTION",
       "",
       NAN,
       NAN,
       "",
       {},
       "Measurement label, or a fraction 0..1 of the way from the first to the last (default: the last)",
       {"render", "export"},
       "Timeline slider"},
      {"--view",
       "VIEW",
       "",
       NAN,
       NAN,
       "3d",
       {"3d", "section", "mohs", "mohs-section", "map", "plan", "plan-section", "body"},
       "3d, section, mohs (the Mohs stages in 3D), mohs-section, map (a stage's Mohs map), plan, plan-section or body (the whole body, the lesion "
       "ringed); animate takes 3d or section",
       {"render", "animate"},
       "View panel"},
      {"--through-stage",
       "N",
       "",
       1,
       50,
       "",
       {},
       "With --view mohs or mohs-section: show stages 1 to N (default: all)",
       {"render"},
       "Mohs panel: through stage"},
      {"--stage", "N", "", 1, 50, "1", {}, "With --view map: which stage's map (1-based)", {"render"}, "Mohs panel: stage tabs"},
      {"--section-angle",
       "CLOCK",
       "o'clock",
       NAN,
       NAN,
       "3",
       {},
       "Clock axis of the section cut (3 = the 3-9 axis; 4.5 and 10:30 allowed)",
       {"render"},
       "View panel: cut along"},
      {"--skin-opacity", "0..1", "", 0.0, 1.0, "0.35", {}, "Opacity of the skin in the 3D views", {"render"}, "View panel: skin opacity"},
      {"--backend",
       "BACKEND",
       "",
       NAN,
       NAN,
       "auto",
       {"auto", "egl", "glfw"},
       "auto (EGL, then a hidden GLFW window), egl (no X server) or glfw",
       {"render", "report", "handout", "animate"},
       ""},
      {"--anti-aliasing",
       "AA",
       "",
       NAN,
       NAN,
       "auto",
       {"auto", "msaa", "fxaa", "none"},
       "auto (4x MSAA on a GPU, FXAA on software GL, as the GUI's still view), msaa, fxaa or none",
       {"render"},
       ""},
      {"--samples", "N", "", 0, 16, "4", {}, "MSAA samples where MSAA is used (0 = no anti-aliasing)", {"render"}, ""},
      {"--zoom", "F", "", 0.05, 20.0, "1", {}, "Closer (>1) or farther (<1) than the default framing", {"render"}, "mouse wheel"},
      {"--orbit-yaw", "DEG", "°", -360.0, 360.0, "0", {}, "Turn the default view left/right", {"render"}, "left-drag"},
      {"--orbit-pitch", "DEG", "°", -360.0, 360.0, "0", {}, "Turn the default view up/down", {"render"}, "left-drag"},
      {"--no-labels", "", "", NAN, NAN, "", {}, "Hide dimension lines and clock marks", {"render"}, "View panel: labels"},
      {"--ruler",
       "",
       "",
       NAN,
       NAN,
       "",
       {},
       "The counselling ruler on the skin beside the lump (cm along the skin) in place of the dimension lines",
       {"render"},
       "counselling view (C)"},
      {"--no-legend", "", "", NAN, NAN, "", {}, "Hide the title, legend and notes (the disclaimer stays)", {"render"}, "View panel: legend"},
      {"--no-ghost", "", "", NAN, NAN, "", {}, "Hide the pre-treatment outline", {"render"}, "View panel: ghost"},
      {"--timings", "", "", NAN, NAN, "", {}, "Print how long each phase took (stderr)", {"render"}, ""},
      {"--plan-margin",
       "CM",
       "cm",
       0.0,
       margin_max,
       "",
       {},
       "Peripheral margin beyond the clinical edge, every clock hour (render: with --view plan)",
       kPlanning,
       "Planning panel: plan margin"},
      {"--plan-depth",
       "PLANE",
       "",
       NAN,
       NAN,
       "fascia",
       {},
       "Deep plane: subcutis, fascia (galea on the scalp), muscle or periosteum",
       kPlanning,
       "Planning panel: deep plane"},
      {"--plan-from",
       "FROM",
       "",
       NAN,
       NAN,
       "pre",
       {"pre", "post"},
       "Outline widened: pre (pre-treatment, Ugurel 2014) or post",
       {"render", "report", "handout", "teach", "simulate"},
       "Planning panel: widen the outline"},
      {"--seed",
       "N",
       "",
       NAN,
       NAN,
       seed,
       {},
       "Seed of the simulated centres (reported with every figure)",
       {"render", "report", "handout", "teach", "simulate"},
       "Planning panel: seed"},
      {"--scenarios", "N", "", 1, 10000, "10", {}, "How many hidden tumours", {"teach"}, "Planning panel: teaching, one at a time"},
      {"--csv", "FILE", "", NAN, NAN, "", {}, "Write the tally as CSV", {"teach"}, "Planning panel: teaching, export tally"},
      {"--first-margin",
       "CM",
       "cm",
       0.0,
       margin_max,
       "",
       {},
       "First stage's margin beyond the clinical edge",
       {"simulate"},
       "Planning panel: first-stage margin",
       true},
      {"--next-margin",
       "CM",
       "cm",
       0.0,
       margin_max,
       number_text(protocol.next_margin_cm),
       {},
       "Each later stage's margin, in the positive sectors only",
       {"simulate"},
       "Planning panel: later-stage margin"},
      {"--depth",
       "PLANE",
       "",
       NAN,
       NAN,
       "fascia",
       {},
       "First stage's deep plane; later stages go one plane deeper where the deep margin is positive",
       {"simulate"},
       "Planning panel: deep plane"},
      {"--patients", "N", "", 1, 100000, "200", {}, "Patients in each simulated series", {"simulate"}, ""},
      {"--series", "S", "", 10, 2000, "400", {}, "Simulated series (centres)", {"simulate"}, ""},
      {"--max-stages",
       "K",
       "",
       1,
       50,
       std::to_string(protocol.max_stages),
       {},
       "Last stage of the protocol (1: a single excision)",
       {"simulate"},
       "Planning panel: at most … stages"},
  };
}

}  // namespace

const std::vector<OptionSpec>& option_table() {
  static const std::vector<OptionSpec> table = build_table();
  return table;
}

std::string range_problem(const OptionSpec& o, double v) {
  if (!o.has_range() || (v >= o.min && v <= o.max)) return "";
  return number_text(v) + " — must be from " + number_text(o.min) + " to " + number_text(o.max) + (o.unit.empty() ? "" : " (" + o.unit + ")");
}

const OptionSpec& option(std::string_view name) {
  for (const auto& o : option_table())
    if (o.name == name) return o;
  throw std::logic_error("no option " + std::string(name) + " in the options table");
}

}  // namespace mv::app
