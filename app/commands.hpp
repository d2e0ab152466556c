#pragma once
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "clinical/plan.hpp"
#include "scene_assembly.hpp"
#include "clinical/spread/mohs_simulator.hpp"

namespace mv::app {

// Loads and validates a case file; warnings go to `warnings`. Throws InputError listing every
// problem when the case has errors.
Case load_case_or_throw(const std::filesystem::path& path, std::ostream& warnings);

// --plan-margin / --plan-depth / --plan-from / --seed, shared by report, render and teach.
struct PlanOptions {
  std::optional<double> margin_cm;
  std::string depth = "fascia";
  std::string from = "pre";
  std::uint64_t seed = kDefaultPlanSeed;
};
// Builds the request, checking each value against the case's site; throws InputError.
PlanRequest plan_request(const Case& c, const PlanOptions& o);

struct RenderRequest {
  std::filesystem::path case_path, output;
  int width = 1280, height = 800;
  std::optional<std::string> at;  // label or fraction; default: the last measurement
  ViewSettings view;
  std::string backend = "auto";
  // auto: 4× MSAA on a GPU, FXAA on software GL (view_frame.hpp); msaa (with `samples`), fxaa or none.
  std::string anti_aliasing = "auto";
  int samples = 4;
  float zoom = 1.0f;             // 2 = twice as close as the default framing
  float orbit_yaw_deg = 0.0f;    // turns the default view about the screen's vertical axis
  float orbit_pitch_deg = 0.0f;  // then about its horizontal axis
  std::optional<int> map_stage;  // 1-based: draw this stage's Mohs map instead of the 3D scene
  PlanOptions plan;              // with view.plan
  bool timings = false;          // print each phase's time to stderr
  bool exit_when_done = false;   // the process ends right after the PNG is written (the CLI)
};

int render_command(const RenderRequest& r, std::ostream& out, std::ostream& err);
int export_command(const std::filesystem::path& case_path, const std::filesystem::path& output, const std::optional<std::string>& at, bool split,
                   std::ostream& out, std::ostream& err);
struct ReportOptions {
  std::filesystem::path case_path, output;  // output empty: the JSON on stdout
  std::string format = "json";              // or "pdf" (docs/report-format.md, "The PDF report")
  PlanOptions plan;
  std::string backend = "auto";  // OpenGL for the PDF's pictures (HeadlessGl)
};
int report_command(const ReportOptions& o, std::ostream& out, std::ostream& err);
// marginviz handout: the patient's handout (report/handout_pdf.hpp); `o.format` is ignored.
int handout_command(const ReportOptions& o, std::ostream& out, std::ostream& err);
int teach_command(const std::filesystem::path& case_path, const PlanOptions& plan, int scenarios, const std::filesystem::path& csv, std::ostream& out,
                  std::ostream& err);
// marginviz simulate: Mohs surgery on virtual patients of the spread model (docs/report-format.md).
struct SimulateOptions {
  std::filesystem::path case_path;
  double first_margin_cm = spread::MohsProtocol{}.first_margin_cm;
  double next_margin_cm = spread::MohsProtocol{}.next_margin_cm;
  std::string depth = "fascia";
  std::string from = "pre";
  int patients = 200;  // per simulated series
  int series = 400;    // one per posterior draw of the fit
  int max_stages = spread::MohsProtocol{}.max_stages;
  std::uint64_t seed = kDefaultPlanSeed;
};
int simulate_command(const SimulateOptions& o, std::ostream& out, std::ostream& err);
// marginviz animate: the morph from the first measurement to the last (docs/report-format.md).
struct AnimateOptions {
  std::filesystem::path case_path, output;
  int width = 800, height = 500;
  double seconds = 3.0;
  std::string view = "3d";
  std::string backend = "auto";
};
int animate_command(const AnimateOptions& o, std::ostream& out, std::ostream& err);
int validate_command(const std::filesystem::path& case_path, std::ostream& out, std::ostream& err);

// Parses "W,H" (e.g. "1280,800"); throws InputError.
std::pair<int, int> parse_resolution(const std::string& text);
// Parses a clock position "3", "4.5" or "10:30"; throws InputError.
double parse_clock(const std::string& text);

}  // namespace mv::app
