// Issue 9 (6): texts in the view never cover each other, the legend stays compact, and red means
// one thing. Pure layout and scene assembly: no OpenGL.
#include <gtest/gtest.h>

#include <cmath>

#include "case_session.hpp"
#include "palette.hpp"
#include "paths.hpp"
#include "scene_assembly.hpp"
#include "test_support.hpp"
#include "text_layout.hpp"

namespace mv {
namespace {

using render::Corner;
using render::TextBox;

TEST(TextLayout, BlocksInOneCornerStackAndLabelsGiveWay) {
  // The plan's and the Mohs summary both go top right, as in a Mohs case with the plan shown.
  const std::vector<Corner> corners{Corner::TopRight, Corner::TopRight, Corner::TopLeft, Corner::BottomLeft};
  const std::vector<glm::vec2> sizes{{300, 120}, {280, 90}, {320, 60}, {260, 200}};
  const auto at = render::stack_corner_blocks(corners, sizes, {1280, 800}, 8, 6);
  std::vector<TextBox> boxes;
  for (size_t i = 0; i < at.size(); ++i) boxes.push_back({at[i], at[i] + sizes[i]});
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(boxes[i].overlaps(boxes[j])) << i << " and " << j;
  EXPECT_FLOAT_EQ(boxes[0].max.x, 1272.0f);  // against the right edge
  EXPECT_FLOAT_EQ(boxes[3].max.y, 792.0f);   // against the bottom

  // Three labels on one spot (a clock mark on a dimension label, zoomed out): the second moves
  // down clear of the first, a fourth with nowhere to go is left out.
  const TextBox a{{100, 100}, {160, 120}};
  const auto placed = render::place_labels({a, a, a, a});
  ASSERT_TRUE(placed[0] && placed[1] && placed[2]);
  EXPECT_FALSE(placed[1]->overlaps(*placed[0]));
  EXPECT_FALSE(placed[2]->overlaps(*placed[1]));
  EXPECT_FALSE(placed[3]);
  const TextBox far{{400, 100}, {460, 120}};
  EXPECT_EQ(render::place_labels({a, far})[1]->min.y, 100.0f);  // one that covers nothing stays put
}

// The Mohs view of the abdomen (three steps: stage 1, the resection, stage 2) with an open block and
// the plan shown: the legend is at most 10 lines, and red is used only for what is not clear.
TEST(TextLayout, CompactLegendAndOneMeaningForRed) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  app::CaseSession session(library);
  Case c = test::load_bundled("han2009-abdomen");
  c.mohs->stages[0].blocks[3].peripheral = MarginResult::Positive;
  session.set_case(c);
  app::ViewSettings view;
  view.mohs = true;
  view.plan = true;
  app::SceneAssembler assembler;
  const render::Scene scene = assembler.build(session, view, app::default_camera(session, view));
  const render::OverlayText* legend = nullptr;
  for (const auto& o : scene.overlays)
    if (o.corner == Corner::BottomLeft) legend = &o;
  ASSERT_TRUE(legend);
  EXPECT_LE(legend->lines.size(), 10u);
  auto near = [](const std::array<float, 4>& a, const std::array<float, 4>& b) {
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 0.15f;
  };
  for (size_t i = 0; i < legend->swatches.size(); ++i) {
    const std::string& line = legend->lines[i];
    const bool says_not_clear = line.rfind("not clear", 0) == 0 || line.rfind("positive margin", 0) == 0;
    EXPECT_EQ(near(legend->swatches[i], app::palette::kNotClear), says_not_clear) << line;
  }
  for (int k = 0; k < 5; ++k) EXPECT_FALSE(near(app::palette::stage(k), app::palette::kNotClear)) << k;
}

// Issue 10: hiding the legend (--no-legend, the GUI's toggle) never removes the disclaimer.
TEST(TextLayout, TheDisclaimerStaysWithoutTheLegend) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  app::CaseSession session(library);
  session.set_case(test::load_bundled("han2009-thigh"));
  app::ViewSettings view;
  view.plan = true;
  view.legend = false;
  app::SceneAssembler assembler;
  const render::Scene scene = assembler.build(session, view, app::default_camera(session, view));
  std::string text;
  for (const auto& o : scene.overlays)
    for (const auto& l : o.lines) text += l + "\n";
  EXPECT_NE(text.find("not for clinical decisions"), std::string::npos) << text;
  EXPECT_NE(text.find("Illustrative reconstruction"), std::string::npos) << text;
  EXPECT_EQ(text.find("Chance this single excision"), std::string::npos) << text;  // the legend itself is hidden
}

}  // namespace
}  // namespace mv
