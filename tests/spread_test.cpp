// The spread model v2 (docs/model.md): the fit reproduces the figures it was fitted to, every view
// counts the same virtual patients (report = teaching = simulator), depth follows the tissue
// column, the recorded thickness and the site group, and the simulator is reproducible.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <numeric>

#include "clinical/plan.hpp"
#include "clinical/spread/literature.hpp"
#include "clinical/spread/mohs_simulator.hpp"
#include "clinical/spread/spread_fit.hpp"
#include "clinical/teaching.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

struct Placed {
  Case c;
  SiteModel model;
  LesionFrame frame;
  explicit Placed(Case k)
      : c(std::move(k)),
        model(load_anatomy_file(c.site, test::asset_dir() / "anatomy" / anatomy_file_name(c.site))),
        frame(place_lesion(model.skin, c.lesion)) {}
  explicit Placed(const std::string& id) : Placed(test::load_bundled(id)) {}
  PlannedExcision plan(double margin, DepthPlane plane, bool post = false) const {
    PlanRequest r = PlanRequest::uniform(margin, plane);
    r.from_post_treatment = post;
    return plan_excision(c, model, frame, r);
  }
};

// The series' own figure under each posterior draw.
std::vector<std::vector<double>> figure_per_draw(const spread::Datum& d) {
  const auto& m = spread::fitted_model();
  std::vector<std::vector<double>> out;
  for (size_t i = 0; i < m.draws.size(); ++i) {
    const size_t s = static_cast<size_t>(d.series);
    out.push_back(spread::model_figure(d, m.draws[i], m.series_reach_shift[i][s], m.series_ln_sigma_shift[i][s], m.series_depth_shift[i][s]));
  }
  return out;
}

// ... averaged over the posterior: what the fit says that series showed.
std::vector<double> fitted_figure(const spread::Datum& d) {
  const auto per_draw = figure_per_draw(d);
  std::vector<double> mean(per_draw.front().size(), 0.0);
  for (const auto& f : per_draw)
    for (size_t k = 0; k < f.size(); ++k) mean[k] += f[k] / static_cast<double>(per_draw.size());
  return mean;
}

// The Monte Carlo standard error of that average (batch means over 20 batches of consecutive
// draws, which keeps the chains' autocorrelation in): how far another run of the sampler could move it.
double fitted_figure_mcse(const spread::Datum& d, size_t k) {
  const auto per_draw = figure_per_draw(d);
  const size_t batches = 20, size = per_draw.size() / batches;
  std::vector<double> means(batches, 0.0);
  for (size_t b = 0; b < batches; ++b)
    for (size_t i = 0; i < size; ++i) means[b] += per_draw[b * size + i][k] / static_cast<double>(size);
  double mean = 0.0, var = 0.0;
  for (double x : means) mean += x / batches;
  for (double x : means) var += (x - mean) * (x - mean) / (batches - 1);
  return std::sqrt(var / batches);
}

// Each fitted figure within its stated tolerance (docs/model.md §4): a share within 5 points or,
// where the series is too small for that (its binomial standard error is larger), within one
// standard error; a mean number of stages within two standard errors of the mean.
TEST(SpreadFit, ReproducesEachFittedFigureWithinItsTolerance) {
  int checked = 0;
  for (const auto& d : spread::literature()) {
    const auto observed = spread::observed_figure(d);
    const auto fitted = fitted_figure(d);
    for (size_t k = 0; k < observed.size(); ++k) {
      if (d.kind == spread::DatumKind::ReachAtLeast || d.kind == spread::DatumKind::ImatinibCleared) continue;  // single events: residuals only
      if (d.kind == spread::DatumKind::MeanStages && k > 0) continue;  // the clearance margin follows from the stages
      const double se = d.kind == spread::DatumKind::MeanStages ? 2.0 * std::sqrt(fitted[2] / d.n)
                                                                : std::max(0.05, std::sqrt(observed[k] * (1.0 - observed[k]) / d.n));
      EXPECT_NEAR(fitted[k], observed[k], se) << d.id << " [" << k << "]";
      ++checked;
    }
  }
  EXPECT_GE(checked, 12);
  // Dawes 1996 at 1, 2 and 2.5 cm within the 5-point floor itself, up to the sampler's own
  // error (two Monte Carlo standard errors; about 1 point at 1 cm with 400 kept draws).
  const auto& dawes = spread::literature().front();
  ASSERT_EQ(dawes.id, "dawes-bins");
  const auto f = fitted_figure(dawes), o = spread::observed_figure(dawes);
  for (size_t k : {0u, 2u, 3u}) {
    const double mcse = fitted_figure_mcse(dawes, k);
    EXPECT_LT(mcse, 0.02) << "the fit's draws are too few or too correlated to judge it";
    EXPECT_NEAR(f[k], o[k], 0.05 + 2.0 * mcse) << dawes.margins_cm[k] << " cm, Monte Carlo error " << mcse;
  }
}

// A changed datum moves the fit: the likelihood is about the data, not a constant.
TEST(SpreadFit, TheLikelihoodFollowsTheData) {
  auto data = spread::literature();
  const spread::FitPoint centre = spread::prior_centre();
  const double base = spread::log_likelihood(centre, data);
  data.front().counts = {2, 4, 5, 4, 9, 2};  // Dawes' small reaches moved to 2.5-3 cm
  EXPECT_LT(spread::log_likelihood(centre, data), base - 5.0);
}

// Report and teaching sample the same virtual patients: over 2,000 hidden tumours the share a
// plan clears is the report's chance within 3 points, from either outline, on every bundled case.
TEST(SpreadModel, ReportAndTeachingAgree) {
  double largest = 0.0;
  for (const char* id : {"han2009-abdomen", "han2009-thigh", "han2009-scalp", "han2009-ankle"}) {
    const Placed p(id);
    for (bool post : {false, true})
      for (double margin : {1.0, 2.0, 3.0, 4.0}) {
        PlannedExcision plan;
        try {
          plan = p.plan(margin, DepthPlane::Fascia, post);
        } catch (const PlacementError&) {
          continue;  // the ankle's 4-cm plan runs off its anatomy (documented in docs/model.md §9)
        }
        int cleared = 0;
        for (std::uint64_t seed = 0; seed < 2000; ++seed) cleared += clears(plan, draw_scenario(plan, 5000 + seed));
        EXPECT_NEAR(cleared / 2000.0, plan.clearance.overall, 0.03) << id << (post ? " post " : " pre ") << margin << " cm";
        largest = std::max(largest, std::abs(cleared / 2000.0 - plan.clearance.overall));
      }
  }
  std::cout << "largest difference between teaching and the report: " << 100.0 * largest << " points\n";
}

// The simulator with a single stage is the plan's chance; its distributions sum to 1; the same
// seed gives the same answer.
TEST(SpreadModel, SimulatorAgreesWithThePlanAndIsReproducible) {
  const Placed p("han2009-scalp");
  const PlannedExcision plan = p.plan(2.0, DepthPlane::Fascia);
  const auto& ctx = plan.spread->context();
  spread::MohsProtocol single;
  single.first_margin_cm = 2.0;
  single.max_stages = 1;
  single.plane_depths_mm = spread::plane_depths_from(plan.column, p.c.site, DepthPlane::Fascia);
  const auto one = spread::simulate_mohs(ctx, single, 50, 400, 11);
  EXPECT_NEAR(one.clear_after[0], plan.clearance.overall, 0.03);

  spread::MohsProtocol mohs = single;
  mohs.first_margin_cm = 1.0;
  mohs.max_stages = 8;
  const auto a = spread::simulate_mohs(ctx, mohs, 40, 100, 3), b = spread::simulate_mohs(ctx, mohs, 40, 100, 3);
  EXPECT_EQ(spread::simulation_json(a, mohs).dump(), spread::simulation_json(b, mohs).dump());
  EXPECT_NEAR(std::accumulate(a.stage_share.begin(), a.stage_share.end(), 0.0) + a.not_cleared, 1.0, 1e-9);
  EXPECT_NEAR(a.clear_after.back() + a.not_cleared, 1.0, 1e-9);
  for (size_t k = 1; k < a.clear_after.size(); ++k) EXPECT_GE(a.clear_after[k], a.clear_after[k - 1]);
  EXPECT_GE(a.stages_mean, 1.0);
  EXPECT_LE(a.stages_mean_series.low, a.stages_mean);
  EXPECT_GE(a.stages_mean_series.high, a.stages_mean);
  EXPECT_GE(a.margin_mean, mohs.first_margin_cm);
  EXPECT_GT(a.ratio_median, 1.0);
  const auto other = spread::simulate_mohs(ctx, mohs, 40, 100, 4);
  EXPECT_NE(spread::simulation_json(a, mohs).dump(), spread::simulation_json(other, mohs).dump());
}

// Depth is read on the tissue column: planes at the same depth give the same chance; a tumour
// recorded deeper than a plane cannot be cleared there; head and neck tumours go deeper.
TEST(SpreadModel, DepthFollowsTheColumnTheThicknessAndTheSite) {
  const Placed scalp("han2009-scalp");
  const PlannedExcision galea = scalp.plan(2.0, DepthPlane::Fascia), periosteum = scalp.plan(2.0, DepthPlane::Periosteum);
  ASSERT_NEAR(galea.depth_mm, periosteum.depth_mm, 1e-9);
  EXPECT_DOUBLE_EQ(galea.clearance.deep, periosteum.clearance.deep);
  EXPECT_DOUBLE_EQ(galea.clearance.overall, periosteum.clearance.overall);

  Case deep = test::load_bundled("han2009-thigh");
  for (auto& m : deep.measurements) m.thickness_mm = 30.0;  // below the thigh's fascia (11.9 mm) at both visits
  const Placed thick(deep);
  EXPECT_EQ(thick.plan(2.0, DepthPlane::Fascia).clearance.deep, 0.0);
  EXPECT_EQ(thick.plan(2.0, DepthPlane::Fascia).clearance.overall, 0.0);
  EXPECT_GT(Placed("han2009-thigh").plan(2.0, DepthPlane::Muscle).clearance.deep, 0.0);

  // Gassenmaier 2021: 93% of trunk/limb tumours above the fascia, 14% on the head and neck; the
  // model's new-centre prediction keeps that order and most of that gap.
  const auto& m = spread::fitted_model();
  double tl = 0.0, hn = 0.0;
  for (const auto& d : m.draws)
    tl += spread::depth_shares(d, false, 0.0)[0] / m.draws.size(), hn += spread::depth_shares(d, true, 0.0)[0] / m.draws.size();
  EXPECT_GT(tl, 0.75);
  EXPECT_LT(hn, 0.40);
  EXPECT_GT(tl - hn, 0.4);
}

// Imatinib is one stated assumption: planning from the shrunken outline clears less than from the
// original, but not never (Han 2009's abdominal stage, 2 cm around the shrunken tumour, cleared).
TEST(SpreadModel, ImatinibMixtureAllowsTheHanAbdominalStage) {
  const Placed abdomen("han2009-abdomen");
  const PlannedExcision pre = abdomen.plan(2.0, DepthPlane::Muscle), post = abdomen.plan(2.0, DepthPlane::Muscle, true);
  EXPECT_LT(post.clearance.peripheral, pre.clearance.peripheral);
  EXPECT_GT(post.clearance.peripheral, 0.2);
  // Intervals include the spread between centres: wide, and around the chance.
  EXPECT_LT(pre.clearance.low, pre.clearance.overall);
  EXPECT_GT(pre.clearance.high, pre.clearance.overall);
  EXPECT_GT(pre.clearance.high - pre.clearance.low, 0.2);
  // Envelopes hold the whole tumour in their share: 50% < 80% < 95%, and the plan's own curve at
  // the 80% envelope's margin (periphery only at the deepest plane) near 80%.
  ASSERT_EQ(pre.envelopes.size(), 3u);
  EXPECT_LT(pre.envelopes[0].margin_cm, pre.envelopes[1].margin_cm);
  EXPECT_LT(pre.envelopes[1].margin_cm, pre.envelopes[2].margin_cm);
  const PlannedExcision at80 = abdomen.plan(pre.envelopes[1].margin_cm, DepthPlane::Muscle);
  EXPECT_NEAR(at80.clearance.peripheral, 0.8, 0.02);
}

// Review of issue 10: a thickness recorded at one visit only is not "0 at the other" (no spurious
// imatinib mixture, no lost depth); a tiny later margin cannot overflow the stage count.
TEST(SpreadModel, AThicknessRecordedOnceAndATinyLaterMarginAreHandled) {
  Case c = test::load_bundled("han2009-thigh");
  c.measurements.back() = c.measurements.front();
  c.measurements.back().label = "preoperative";
  c.measurements.back().thickness_mm.reset();
  const Placed p(c);
  const PlannedExcision plan = p.plan(2.0, DepthPlane::Fascia);
  const auto& ctx = plan.spread->context();
  EXPECT_FALSE(ctx.treated);
  EXPECT_EQ(ctx.post_thickness_mm, 12.0);
  spread::MohsProtocol tiny;
  tiny.first_margin_cm = 0.5;
  tiny.next_margin_cm = 0.001;
  tiny.plane_depths_mm = spread::plane_depths_from(plan.column, c.site, DepthPlane::Fascia);
  const auto r = spread::simulate_mohs(ctx, tiny, 20, 50, 9);
  EXPECT_NEAR(std::accumulate(r.stage_share.begin(), r.stage_share.end(), 0.0) + r.not_cleared, 1.0, 1e-9);
  EXPECT_GT(r.area_q1, 0.0);
  EXPECT_GE(r.margin_mean, 0.5);
}

// Head and neck tumours reach further at the same size (Serra-Guillén 2021, as a prior).
TEST(SpreadModel, HeadAndNeckReachFurther) {
  const auto& m = spread::fitted_model();
  double tl = 0.0, hn = 0.0;
  for (const auto& d : m.draws) {
    tl += spread::reach_cdf(d, {false, 3.0, false}, {}, 2.0) / m.draws.size();
    hn += spread::reach_cdf(d, {true, 3.0, false}, {}, 2.0) / m.draws.size();
  }
  EXPECT_LT(hn, tl);
}

}  // namespace
}  // namespace mv
