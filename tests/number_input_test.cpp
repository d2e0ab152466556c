// The GUI's number widgets, driven through a headless ImGui context as keystrokes would: a typed
// "1e999" (infinity) never reaches the case (it could not be saved or autosaved), a number does.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include <imgui.h>

#include "gui/number_input.hpp"

namespace mv::app {
namespace {

class NumberInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // One frame with the widget focused for typing; returns what the widget returned.
  template <class Widget>
  bool frame(Widget&& widget, const std::string& typed = "") {
    for (char ch : typed) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(ch));
    ImGui::NewFrame();
    ImGui::Begin("case");
    if (first_) ImGui::SetKeyboardFocusHere();
    first_ = false;
    const bool changed = widget();
    ImGui::End();
    ImGui::Render();
    return changed;
  }
  // In a fresh context, focuses the widget, then types `text` into it (replacing the selected
  // value) over a few frames.
  template <class Widget>
  bool type(Widget&& widget, const std::string& text) {
    TearDown();
    SetUp();
    first_ = true;
    bool changed = false;
    for (int i = 0; i < 3; ++i) changed |= frame(widget);
    changed |= frame(widget, text);
    for (int i = 0; i < 2; ++i) changed |= frame(widget);
    return changed;
  }
  bool first_ = true;
};

TEST_F(NumberInputTest, TypedNumberIsTaken) {
  double x = 4.8;
  EXPECT_TRUE(type([&] { return input_number("X", x, "%.2f"); }, "2.5"));
  EXPECT_DOUBLE_EQ(x, 2.5);
}

TEST_F(NumberInputTest, InfinityIsRefusedAndTheValueKept) {
  // ImGui's number filter keeps letters out ("nan", "inf"), but reads "1e999" as infinity.
  for (const std::string text : {"1e999", "-1e999", "nan"}) {
    SCOPED_TRACE(text);
    double x = 4.8;
    EXPECT_FALSE(type([&] { return input_number("X", x, "%.2f"); }, text));
    EXPECT_EQ(x, 4.8);
  }
}

TEST_F(NumberInputTest, DragBoxKeepsTypedValuesInItsRange) {
  // Ctrl+click (or focus) turns a drag box into a text field; what is typed is clamped to the range.
  double margin = 1.0;
  auto drag = [&] { return drag_number("margin", margin, 0.05f, 0.1, 10.0, "%.2f cm"); };
  EXPECT_TRUE(type(drag, "1e999"));
  EXPECT_EQ(margin, 10.0);
  EXPECT_TRUE(type(drag, "2.25"));
  EXPECT_DOUBLE_EQ(margin, 2.25);
}

}  // namespace
}  // namespace mv::app
