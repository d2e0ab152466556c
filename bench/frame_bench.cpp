// Frame time of the full scene at 1280×800 (goal: ≤ 16.7 ms on Mesa llvmpipe), for the demo case
// and for a 1-million-triangle surface scan, rendered headless through EGL as the GUI draws it
// (4× MSAA, transparency, labels). Skipped when no OpenGL context can be made.
#include <benchmark/benchmark.h>

#include <memory>
#include <numbers>

#include "case/case_io.hpp"
#include "case_session.hpp"
#include "bench_gl.hpp"
#include "egl_context.hpp"
#include "image.hpp"
#include "renderer.hpp"
#include "scene_assembly.hpp"
#include "geometry/tube_grid.hpp"

namespace {

struct Gl : mv::bench::BenchGl {
  std::unique_ptr<mv::render::Renderer> renderer;
  Gl() {
    if (ok) renderer = std::make_unique<mv::render::Renderer>(mv::bench::kFont);
  }
};

Gl& gl() {
  static Gl g;
  return g;
}

void render_frames(benchmark::State& state, mv::app::CaseSession& session, int samples = 4) {
  if (!gl().ok) {
    state.SkipWithError("no OpenGL context");
    return;
  }
  mv::app::SceneAssembler assembler;
  mv::app::ViewSettings view;
  const auto camera = mv::app::default_camera(session, view);
  const auto scene = assembler.build(session, view, camera);
  mv::render::RenderOptions options;
  options.samples = samples;
  gl().renderer->render(scene, 1280, 800, gl().target->fbo(), options);  // upload outside the timing
  for (auto _ : state) {
    gl().renderer->render(scene, 1280, 800, gl().target->fbo(), options);
    glFinish();
  }
}

void BM_FrameDemoCase(benchmark::State& state) {
  static mv::AnatomyLibrary library(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
  mv::app::CaseSession session(library);
  session.set_case(*mv::load_case_file(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "cases" / "han2009-abdomen.json").value);
  render_frames(state, session);
}

// A head-sized sphere of about a million triangles standing in for a patient's scan.

void BM_FrameMillionTriangleScan(benchmark::State& state, int samples) {
  static std::shared_ptr<mv::SiteModel> model;
  if (!model) {
    mv::TubeGrid g{700, 720, {}, glm::dvec3(0, 90, 0), glm::dvec3(0, -90, 0)};
    for (int i = 0; i < g.rows; ++i)
      for (int j = 0; j < g.cols; ++j) {
        const double phi = std::numbers::pi * (i + 1) / (g.rows + 1), th = 2.0 * std::numbers::pi * j / g.cols;
        g.points.push_back({90.0 * std::sin(phi) * std::sin(th), 90.0 * std::cos(phi), 90.0 * std::sin(phi) * std::cos(th)});
      }
    model = std::make_shared<mv::SiteModel>(mv::anatomy_from_scan(mv::Site::Scalp, g.surface(), {}));
  }
  state.counters["skin_triangles"] = static_cast<double>(model->anatomy.skin().triangles.size());
  // The session reads the scan through the library; here the model is handed over directly.
  static mv::AnatomyLibrary library(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
  mv::app::CaseSession session(library);
  mv::Case c = *mv::load_case_file(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "cases" / "han2009-scalp.json").value;
  c.lesion = {};
  session.set_case_on(c, model);
  render_frames(state, session, samples);
}

void BM_FrameDemoCaseNoMsaa(benchmark::State& state) {
  static mv::AnatomyLibrary library(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
  mv::app::CaseSession session(library);
  session.set_case(*mv::load_case_file(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "cases" / "han2009-abdomen.json").value);
  render_frames(state, session, 0);
}

BENCHMARK(BM_FrameDemoCase)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_FrameDemoCaseNoMsaa)->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK_CAPTURE(BM_FrameMillionTriangleScan, msaa4, 4)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK_CAPTURE(BM_FrameMillionTriangleScan, no_msaa, 0)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
