// The GUI's own path, per frame: the edit carried into the geometry, the scene assembled from the
// session (not a prebuilt scene), the upload of what changed and the drawing at 1280×800, as
// GuiApp does it. Counters: before_draw_ms (edit + assembly, the CPU cost the goal of ≤ 16 ms is
// about) and draw_ms (renderer and glFinish). Skipped when no OpenGL context can be made.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>

#include "case/case_io.hpp"
#include "case_session.hpp"
#include "camera_controller.hpp"
#include "bench_gl.hpp"
#include "image.hpp"
#include "clinical/metrics.hpp"
#include "renderer.hpp"
#include "scene_assembly.hpp"
#include "view_frame.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using mv::bench::kHeight;
using mv::bench::kWidth;

struct Gl : mv::bench::BenchGl {
  std::unique_ptr<mv::app::ViewFrame> frame;
  Gl() {
    if (ok) frame = std::make_unique<mv::app::ViewFrame>(mv::bench::kFont);
  }
};

Gl& gl() {
  static Gl g;
  return g;
}

mv::AnatomyLibrary& library() {
  static mv::AnatomyLibrary lib(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
  return lib;
}

mv::Case demo_case() { return *mv::load_case_file(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "cases" / "han2009-abdomen.json").value; }

enum class Change { Nothing, Camera, Measurement, MohsBlock, PlanMargin };

// One GUI frame after `change`, timed in two parts.
void gui_frames(benchmark::State& state, Change change) {
  if (!gl().ok) {
    state.SkipWithError("no OpenGL context");
    return;
  }
  mv::app::CaseSession session(library());
  mv::Case c = demo_case();
  session.set_case(c);
  mv::app::ViewSettings view;
  view.mohs = change == Change::MohsBlock;
  view.plan = change == Change::PlanMargin;
  mv::app::CameraController camera;
  camera.reset(mv::app::default_camera(session, view));
  mv::app::ViewFrame& frame = *gl().frame;
  frame.forget();  // each benchmark starts as a newly opened case does
  const bool moving = change != Change::Nothing;
  frame.draw(session, view, camera.camera(), kWidth, kHeight, gl().target->fbo(), {false});  // first frame outside the timing
  glFinish();
  double before_draw = 0.0, draw = 0.0;
  int i = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    const double sign = (i++ % 2) ? -1.0 : 1.0;
    switch (change) {
      case Change::Nothing:
        break;
      case Change::Camera:
        camera.orbit({8.0f * static_cast<float>(sign), 0.0f});
        break;
      case Change::Measurement:
        c.measurements.back().x_cm += 0.1 * sign;
        session.set_case(c);
        benchmark::DoNotOptimize(mv::metrics_of(session.current_case(), session.measurement_solids()));  // as the GUI refreshes its metrics
        break;
      case Change::MohsBlock: {
        auto& block = c.mohs->stages.front().blocks.front();
        block.peripheral = block.peripheral == mv::MarginResult::Positive ? mv::MarginResult::Clear : mv::MarginResult::Positive;
        session.set_case(c);
        benchmark::DoNotOptimize(mv::metrics_of(session.current_case(), session.measurement_solids()));  // as the GUI refreshes its metrics
        break;
      }
      case Change::PlanMargin:
        for (auto& m : view.plan_request.margin_cm) m += 0.1 * sign;
        break;
    }
    const auto t1 = Clock::now();
    const auto parts = frame.draw(session, view, camera.camera(), kWidth, kHeight, gl().target->fbo(), {moving});
    glFinish();
    const auto t2 = Clock::now();
    before_draw += std::chrono::duration<double, std::milli>(t1 - t0).count() + parts.assembly_ms;
    draw += std::chrono::duration<double, std::milli>(t2 - t1).count() - parts.assembly_ms;
    if (parts.resolution_scale < 1.0f) state.counters["resolution_scale"] = parts.resolution_scale;
  }
  state.counters["before_draw_ms"] = before_draw / static_cast<double>(state.iterations());
  state.counters["draw_ms"] = draw / static_cast<double>(state.iterations());
}

void BM_GuiNothingChanged(benchmark::State& s) { gui_frames(s, Change::Nothing); }
void BM_GuiCameraMove(benchmark::State& s) { gui_frames(s, Change::Camera); }
void BM_GuiMeasurementEdit(benchmark::State& s) { gui_frames(s, Change::Measurement); }
void BM_GuiMohsBlockChange(benchmark::State& s) { gui_frames(s, Change::MohsBlock); }
void BM_GuiPlanMarginChange(benchmark::State& s) { gui_frames(s, Change::PlanMargin); }

BENCHMARK(BM_GuiNothingChanged)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_GuiCameraMove)->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_GuiMeasurementEdit)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_GuiMohsBlockChange)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_GuiPlanMarginChange)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
