// Rebuild time of each solid the GUI rebuilds on an edit, at its default quality (goal: <= 16 ms,
// one frame): the tumour, the Mohs stages, the planned excision; per bundled case. Plus the steps
// around them that the GUI repeats.
#include <benchmark/benchmark.h>

#include "case/case_io.hpp"
#include "case_session.hpp"
#include "clinical/metrics.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "clinical/plan.hpp"
#include "clinical/plan.hpp"
#include "scene_assembly.hpp"
#include "anatomy/site_model.hpp"
#include "reconstruction/timeline.hpp"

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

// Every stage of the case's Mohs record, rebuilt after an edit of a stage (margin, depth, a block).
void BM_MohsStagesRebuild(benchmark::State& state, std::string id) {
  const mv::Case c = load(id);
  const auto model = library().get(c.site, c.tissue);
  const mv::LesionFrame frame = mv::place_lesion(model->skin, c.lesion);
  for (auto _ : state) benchmark::DoNotOptimize(mv::reconstruct_mohs(c, *model, frame));
  state.counters["stages"] = static_cast<double>(c.mohs ? c.mohs->stages.size() : 0);
}

// The planned excision at the GUI's default (2 cm to fascia), rebuilt as a margin slider drags:
// the widened outline, the defect solid and the Monte Carlo chance of clear margins; the tissue
// column and extension envelopes come from the previous plan, as in the GUI (CaseSession::plan).
void BM_PlanRebuild(benchmark::State& state, std::string id) {
  const mv::Case c = load(id);
  const auto model = library().get(c.site, c.tissue);
  const mv::LesionFrame frame = mv::place_lesion(model->skin, c.lesion);
  double margin = 2.0;
  auto previous = mv::plan_excision(c, *model, frame, mv::PlanRequest::uniform(margin, mv::DepthPlane::Fascia));
  for (auto _ : state) {
    margin = margin > 2.9 ? 2.0 : margin + 0.05;
    previous = mv::plan_excision(c, *model, frame, mv::PlanRequest::uniform(margin, mv::DepthPlane::Fascia), &previous);
  }
}

// A plan from nothing (a case opened, or the plan view first shown).
void BM_PlanFirstBuild(benchmark::State& state) {
  const mv::Case c = load("han2009-abdomen");
  const auto model = library().get(c.site, c.tissue);
  const mv::LesionFrame frame = mv::place_lesion(model->skin, c.lesion);
  for (auto _ : state) benchmark::DoNotOptimize(mv::plan_excision(c, *model, frame, mv::PlanRequest::uniform(2.0, mv::DepthPlane::Fascia)));
}

// The chance this single excision clears, alone: counted over the case's simulated centres on every plan rebuild.
void BM_ClearanceEstimate(benchmark::State& state) {
  const mv::Case c = load("han2009-abdomen");
  const auto model = library().get(c.site, c.tissue);
  const mv::LesionFrame frame = mv::place_lesion(model->skin, c.lesion);
  const mv::PlannedExcision plan = mv::plan_excision(c, *model, frame, mv::PlanRequest::uniform(2.0, mv::DepthPlane::Fascia));
  for (auto _ : state) benchmark::DoNotOptimize(plan.spread->estimate(plan.region.radius_mm, plan.depth_mm));
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
  for (auto _ : state)
    benchmark::DoNotOptimize(
        mv::load_anatomy_file(mv::Site::Abdomen, std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy" / "abdomen.glb"));
}

// Issue 13: a region of the whole body from its committed grids, layered at load (goal ≤ 150 ms),
// and the whole body for its view.
void BM_RegionLoad(benchmark::State& state, mv::Site site) {
  const auto file = std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy" / mv::anatomy_file_name(site);
  for (auto _ : state) benchmark::DoNotOptimize(mv::load_anatomy_file(site, file));
}
void BM_WholeBodyLoad(benchmark::State& state) {
  for (auto _ : state) {
    mv::AnatomyLibrary library(std::filesystem::path(MARGINVIZ_SOURCE_DIR) / "assets" / "anatomy");
    benchmark::DoNotOptimize(library.body());
  }
}
[[maybe_unused]] const bool regions_registered = [] {
  for (const auto& spec : mv::all_sites())
    if (mv::from_whole_body(spec.site))
      benchmark::RegisterBenchmark(("BM_RegionLoad/" + spec.key).c_str(), BM_RegionLoad, spec.site)->Unit(benchmark::kMillisecond);
  return true;
}();

// Each per-case benchmark on each bundled case: BM_TumourRebuild/scalp, …
[[maybe_unused]] const bool per_case_registered = [] {
  using PerCase = void (*)(benchmark::State&, std::string);
  const std::pair<const char*, PerCase> benchmarks[] = {
      {"BM_TumourRebuild", BM_TumourRebuild}, {"BM_MohsStagesRebuild", BM_MohsStagesRebuild}, {"BM_PlanRebuild", BM_PlanRebuild}};
  for (const auto& [name, run] : benchmarks)
    for (const char* site : {"scalp", "abdomen", "thigh", "ankle"})
      benchmark::RegisterBenchmark((std::string(name) + "/" + site).c_str(), run, std::string("han2009-") + site)->Unit(benchmark::kMillisecond);
  return true;
}();
BENCHMARK(BM_PlanFirstBuild)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClearanceEstimate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SceneRebuildAfterTimelineMove)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaseMetrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AnatomyLoad)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WholeBodyLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
