#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "image.hpp"
#include "png_file.hpp"
#include "test_support.hpp"

namespace mv::test {

// How far an image may stray from its baseline: a mean channel difference (of 255), and a share of
// pixels off by more than `far_level` in some channel. Exact unless a test says why not.
struct GoldenTolerance {
  double mean = 0.0;
  double far_fraction = 0.0;
  int far_level = 0;
};
inline constexpr GoldenTolerance kExact{};
// OpenGL on llvmpipe: deterministic for one Mesa build (CI's and ours: 0 pixels differ), but
// other Mesa versions round and rasterise edges differently. This admits edge noise and still
// catches a missing layer, a moved lesion or a broken transparency pass (each changes far more).
inline constexpr GoldenTolerance kAcrossMesaVersions{0.5, 0.005, 40};

// How far an image is from another, or from tests/golden/NAME.png (a different size is as far as can be).
struct GoldenDifference {
  double mean = 0.0, far_fraction = 0.0;
  bool within(const GoldenTolerance& t) const { return mean <= t.mean && far_fraction <= t.far_fraction; }
};
inline GoldenDifference image_difference(const render::Image& actual, const render::Image& expected, const GoldenTolerance& tolerance) {
  if (expected.width != actual.width || expected.height != actual.height) return {255.0, 1.0};
  double sum = 0.0;
  size_t far = 0;
  for (size_t i = 0; i < actual.rgba.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = std::abs(int(actual.rgba[i + c]) - int(expected.rgba[i + c]));
      sum += d;
      worst = std::max(worst, d);
    }
    far += worst > tolerance.far_level;
  }
  const size_t pixels = actual.rgba.size() / 4;
  return {sum / (3.0 * pixels), static_cast<double>(far) / pixels};
}
inline GoldenDifference golden_difference(const render::Image& actual, const std::string& name, const GoldenTolerance& tolerance = kExact) {
  return image_difference(actual, render::read_png(test::source_dir() / "tests" / "golden" / (name + ".png")), tolerance);
}

// Compares with tests/golden/NAME.png; MARGINVIZ_UPDATE_GOLDEN=1 rewrites the baseline. A failing
// or missing baseline leaves the actual image beside the test binary for a person to inspect.
inline void expect_matches_golden(const render::Image& actual, const std::string& name, const GoldenTolerance& tolerance = kExact) {
  const auto golden = test::source_dir() / "tests" / "golden" / (name + ".png");
  const char* update = std::getenv("MARGINVIZ_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    app::save_png(actual, golden);
    return;
  }
  const auto actual_path = std::filesystem::current_path() / (name + ".actual.png");
  if (!std::filesystem::exists(golden)) {
    app::save_png(actual, actual_path);
    FAIL() << "no baseline " << golden << "; actual image written to " << actual_path;
  }
  const render::Image expected = render::read_png(golden);
  ASSERT_EQ(expected.width, actual.width);
  ASSERT_EQ(expected.height, actual.height);
  const GoldenDifference d = image_difference(actual, expected, tolerance);
  const double mean = d.mean, far_fraction = d.far_fraction;
  if (mean > tolerance.mean || far_fraction > tolerance.far_fraction) app::save_png(actual, actual_path);
  EXPECT_LE(mean, tolerance.mean) << name << ": actual image at " << actual_path;
  EXPECT_LE(far_fraction, tolerance.far_fraction) << name << ": actual image at " << actual_path;
}

}  // namespace mv::test
