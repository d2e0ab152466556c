// The project's own distributions (mesh/common/random.hpp): right in law, and the same numbers
// from the same seed on every standard library.
#include <gtest/gtest.h>
#include <algorithm>
#include <array>
#include <numeric>
#include <random>
#include <vector>
#include "common/random.hpp"

namespace mv::random {
namespace {

TEST(Random, StandardNormalHasMeanZeroAndVarianceOne) {
  std::mt19937_64 rng(7);
  StandardNormal normal;
  const int n = 200000;
  double sum = 0, sum2 = 0, beyond2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = normal(rng);
    sum += z, sum2 += z * z, beyond2 += std::abs(z) > 1.959964;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);         // 4.5 standard errors
  EXPECT_NEAR(sum2 / n, 1.0, 0.015);       // 4.7 standard errors
  EXPECT_NEAR(beyond2 / n, 0.05, 0.0025);  // two-sided 5% tail, 5 standard errors
}

TEST(Random, UniformIsOnTheHalfOpenUnitInterval) {
  SplitMix64 rng(1);
  double lo = 1, hi = 0, sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const double u = uniform01(rng);
    lo = std::min(lo, u), hi = std::max(hi, u), sum += u;
  }
  EXPECT_GE(lo, 0.0);
  EXPECT_LT(hi, 1.0);
  EXPECT_NEAR(sum / 100000, 0.5, 0.005);
}

TEST(Random, BelowIsUnbiasedForASizeThatDoesNotDivideTheRange) {
  std::mt19937_64 rng(3);
  std::array<int, 7> counts{};
  const int n = 70000;
  for (int i = 0; i < n; ++i) ++counts[below(rng, 7)];
  double chi2 = 0;
  for (int c : counts) chi2 += (c - n / 7.0) * (c - n / 7.0) / (n / 7.0);
  EXPECT_LT(chi2, 22.5);  // 6 degrees of freedom: p = 0.001
}

TEST(Random, ShuffleGivesEveryOrderOfThree) {
  SplitMix64 rng(11);
  std::array<int, 6> seen{};
  for (int i = 0; i < 6000; ++i) {
    std::array<int, 3> v{0, 1, 2};
    shuffle(v.begin(), v.end(), rng);
    ++seen[static_cast<size_t>(v[0] * 2 + (v[1] > v[2] ? 1 : 0))];
  }
  for (int c : seen) EXPECT_NEAR(c, 1000, 120);  // each of 6 orders (4 standard errors)
}

// Pinned: if these move, every figure of the model moves with them (refit, docs/model.md §10).
TEST(Random, TheSameSeedGivesTheSameNumbersEverywhere) {
  std::mt19937_64 rng(20091996);
  StandardNormal normal;
  const std::array<double, 3> z{normal(rng), normal(rng), normal(rng)};
  SplitMix64 s(20091996);
  std::vector<int> order(5);
  std::iota(order.begin(), order.end(), 0);
  shuffle(order.begin(), order.end(), s);
  EXPECT_EQ(order, (std::vector<int>{0, 4, 3, 1, 2}));
  EXPECT_DOUBLE_EQ(z[0], 0.43070567009884897);
  EXPECT_DOUBLE_EQ(z[1], 0.50314283245388636);
  EXPECT_DOUBLE_EQ(z[2], 0.91839216186854533);
}

}  // namespace
}  // namespace mv::random
