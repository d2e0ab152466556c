#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "camera_controller.hpp"
#include "gui/double_click.hpp"

namespace mv {
namespace {

render::Camera home() {
  render::Camera c;
  c.target = {0, 0, 0};
  c.eye = {0, 0, 300};
  c.up = {0, 1, 0};
  return c;
}

TEST(CameraController, OrbitKeepsDistanceAndTarget) {
  app::CameraController cc;
  cc.reset(home());
  cc.orbit({120.0f, -40.0f});
  EXPECT_NEAR(glm::length(cc.camera().eye - cc.camera().target), 300.0f, 1e-3f);
  EXPECT_NEAR(glm::length(cc.camera().target), 0.0f, 1e-6f);
  EXPECT_GT(glm::length(cc.camera().eye - home().eye), 10.0f);
  cc.go_home();
  EXPECT_NEAR(glm::length(cc.camera().eye - home().eye), 0.0f, 1e-6f);
}

TEST(CameraController, ZoomPanRecentre) {
  app::CameraController cc;
  cc.reset(home());
  cc.zoom(2.0f);
  EXPECT_LT(glm::length(cc.camera().eye - cc.camera().target), 300.0f);
  cc.pan({100.0f, 0.0f}, 800.0f);
  EXPECT_LT(cc.camera().target.x, 0.0f);  // dragging right moves the scene right: the camera goes left
  cc.recentre({10.0f, 20.0f, 30.0f});
  EXPECT_NEAR(glm::length(cc.camera().target - glm::vec3(10, 20, 30)), 0.0f, 1e-5f);
}

}  // namespace
}  // namespace mv

namespace mv {
namespace {

// Issue 9 (10): orbiting never takes the eye under the skin at the lesion (normal +Z here), and
// the presets look from the named side at the same target and distance.
TEST(CameraController, OrbitStaysOutsideTheSkinAndPresetsLookFromTheirSide) {
  app::CameraController cc;
  cc.reset(home());
  cc.keep_outside({0.0f, 0.0f, 1.0f});
  for (int i = 0; i < 100; ++i) cc.orbit({0.0f, -40.0f});  // keep dragging downwards
  const glm::vec3 dir = glm::normalize(cc.camera().eye - cc.camera().target);
  EXPECT_GT(dir.z, 0.0f) << "the eye went under the skin";
  EXPECT_NEAR(glm::length(cc.camera().eye - cc.camera().target), 300.0f, 1e-2f);
  cc.keep_outside({0.0f, 0.0f, 0.0f});  // section views may pass through
  for (int i = 0; i < 100; ++i) cc.orbit({0.0f, -40.0f});
  cc.reset(home());
  cc.view_from(app::ViewPreset::Left);
  EXPECT_NEAR(cc.camera().eye.x, 300.0f, 1e-3f);  // the patient's left is +X
  cc.view_from(app::ViewPreset::Superior);
  EXPECT_NEAR(cc.camera().eye.y, 300.0f, 1e-3f);
  EXPECT_NEAR(std::abs(glm::dot(cc.camera().up, glm::vec3(0, 1, 0))), 0.0f, 1e-6f);  // up is not the view direction
  cc.view_from(app::ViewPreset::Posterior);
  EXPECT_NEAR(cc.camera().eye.z, -300.0f, 1e-3f);
}

// Issue 9 (10): two presses 0.35 s apart are a double click although the frames between them were
// slow (ImGui's 0.30 s window missed them); far apart in time or space they are not.
TEST(DoubleClick, JudgedFromThePressTimes) {
  app::DoubleClick d;
  EXPECT_FALSE(d.press(10.0, 100, 100));
  EXPECT_TRUE(d.press(10.35, 102, 101));
  EXPECT_FALSE(d.press(10.5, 102, 101));  // a third press starts afresh
  EXPECT_FALSE(d.press(11.2, 102, 101));  // 0.7 s later
  EXPECT_FALSE(d.press(11.3, 140, 101));  // moved 38 px
}

}  // namespace
}  // namespace mv
