// Rebuild time of one tumour solid at the GUI's default quality (goal: <= 16 ms, one frame), per
// bundled case, plus the steps around it that the GUI repeats on an edit.
#include <benchmark/benchmark.h>

#include "case_io.hpp"
#include "case_session.hpp"
#include "metrics.hpp"
#include "scene_assembly.hpp"
#include "site_model.hpp"
#include "timeline.hpp"

namespace {

mv::Case load(const std::string& id) {
  auto l = mv::load_case_file(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "cases" / (id + ".json"));
  if (!l.value) throw std::runtime_error(mv::format_issues(l.issues));
  return *l.value;
}

mv::AnatomyLibrary& library() {
  static mv::AnatomyLibrary lib(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
  return lib;
}

void BM_TumourRebuild(benchmark::State& state, std::string id) {
  const mv::Case c = load(id);
  const auto model = library().get(c.site, c.tissue);
  const mv::LesionFrame frame = mv::place_lesion(model->skin, c.lesion);
  double t = 0.0;
  for (auto _ : state) {
    const auto s = mv::tumour_at(c, t);
    benchmark::DoNotOptimize(mv::build_tumour_solid(model->skin, frame, s.shape));
    t = t > 0.99 ? 0.0 : t + 0.01;  // a slider drag: a new shape each time
  }
}

void BM_SceneRebuildAfterTimelineMove(benchmark::State& state) {
  mv::app::CaseSession session(library());
  session.set_case(load("han2009-abdomen"));
  mv::app::SceneAssembler assembler;
  mv::app::ViewSettings view;
  const auto camera = mv::app::default_camera(session, view);
  double t = 0.0;
  for (auto _ : state) {
    session.set_time({std::nullopt, t});
    benchmark::DoNotOptimize(assembler.build(session, view, camera));
    t = t > 0.99 ? 0.0 : t + 0.01;
  }
}

void BM_CaseMetrics(benchmark::State& state) {
  mv::app::CaseSession session(library());
  const mv::Case c = load("han2009-abdomen");
  session.set_case(c);
  for (auto _ : state) benchmark::DoNotOptimize(mv::compute_metrics(c, session.site_model(), session.frame()));
}

void BM_AnatomyLoad(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(mv::load_anatomy_file(mv::Site::Abdomen, std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy" / "abdomen.glb"));
}

BENCHMARK_CAPTURE(BM_TumourRebuild, scalp, std::string("han2009-scalp"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TumourRebuild, abdomen, std::string("han2009-abdomen"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TumourRebuild, thigh, std::string("han2009-thigh"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TumourRebuild, ankle, std::string("han2009-ankle"))->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SceneRebuildAfterTimelineMove)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseMetrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnatomyLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
