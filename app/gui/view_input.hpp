#pragma once
// The mouse over the 3D view: orbit, pan, zoom, a double click to re-centre, the ruler, placing the
// lesion by a click, the Mohs block under the cursor; and what is drawn over the view for them
// (the orientation marker, the ruler's path and its reading).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <imgui.h>

#include "double_click.hpp"
#include "gui_state.hpp"
#include "reconstruction/skin_ruler.hpp"
#include "view_frame.hpp"

namespace mv::app {

// Where the 3D view lies in the window (window units, as ImGui's), and the framebuffer's pixels
// per unit.
struct ViewArea {
  float left = 0.0f, top = 0.0f, bottom = 0.0f;  // the sidebar's width, the menu's and the status bar's heights
  float window_w = 0.0f, window_h = 0.0f;
  float px = 1.0f;
};

class ViewInput {
 public:
  using Say = std::function<void(std::string)>;  // a message the user must see
  ViewInput(GuiState& state, ViewFrame& view_frame, Say say) : state_(state), view_frame_(view_frame), say_(std::move(say)) {}

  // A left press from GLFW's callback, with its own time: a double click re-centres the view on the
  // next frame (unless a panel takes the mouse then).
  void press(double t, double x, double y);
  // The Mohs block under the mouse (outlined in the view and on the map).
  void hover_block(const ViewArea& area);
  // This frame's mouse over the view.
  void handle_mouse(const ViewArea& area);
  void draw_decorations(const ViewArea& area, float scale) const;

  bool ruler_mode() const { return ruler_mode_; }
  void toggle_ruler();
  void stop_ruler();

 private:
  std::optional<glm::vec3> pick_at(const ViewArea& area, const ImVec2& at) const;
  std::optional<ImVec2> to_screen(const ViewArea& area, const glm::vec3& p) const;
  void place_lesion_at(const glm::vec3& p);
  void place_lesion_on_body(const glm::vec3& p);
  void draw_orientation_marker(const ViewArea& area, float scale) const;
  void draw_ruler(const ViewArea& area, float scale) const;

  GuiState& state_;
  ViewFrame& view_frame_;
  Say say_;
  DoubleClick double_click_;
  std::optional<glm::vec2> pending_recentre_;  // window position of a double click
  bool ruler_mode_ = false;
  std::vector<glm::vec3> ruler_points_;
  std::optional<SkinDistance> ruler_;
};

}  // namespace mv::app
