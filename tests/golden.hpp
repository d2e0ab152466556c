#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "image.hpp"
#include "png_file.hpp"
#include "test_support.hpp"

namespace mv::test {

// Compares with tests/golden/NAME.png; MARGINVIZ_UPDATE_GOLDEN=1 rewrites the baseline. A failing
// or missing baseline leaves the actual image beside the test binary for a person to inspect.
inline void expect_matches_golden(const render::Image& actual, const std::string& name) {
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
  // Tolerance: llvmpipe versions differ in rasterisation and rounding at edges. A mean channel
  // difference of 1.5/255 and 1% of pixels off by more than 40/255 allow that, and still catch
  // a missing layer, a moved lesion or a broken transparency pass (each changes far more).
  double sum = 0.0;
  size_t far = 0;
  for (size_t i = 0; i < actual.rgba.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) {
      const int d = std::abs(int(actual.rgba[i + c]) - int(expected.rgba[i + c]));
      sum += d;
      worst = std::max(worst, d);
    }
    far += worst > 40;
  }
  const size_t pixels = actual.rgba.size() / 4;
  const double mean = sum / (3.0 * pixels);
  const double far_fraction = static_cast<double>(far) / pixels;
  if (mean > 1.5 || far_fraction > 0.01) app::save_png(actual, actual_path);
  EXPECT_LE(mean, 1.5) << name << ": actual image at " << actual_path;
  EXPECT_LE(far_fraction, 0.01) << name << ": actual image at " << actual_path;
}

}  // namespace mv::test
