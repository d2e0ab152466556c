#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "camera_controller.hpp"

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
