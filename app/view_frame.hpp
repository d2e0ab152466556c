#pragma once
// The 3D view's frame as the GUI draws it: the scene assembled from the session (only what
// changed), the renderer (only what changed uploaded), and the interactive quality: while the view
// moves, a resolution that keeps a frame near 50 ms on software GL; when still, full resolution
// with anti-aliasing. A frame whose scene, camera and quality are the last one's is not drawn again.
#include <filesystem>
#include <optional>

#include <epoxy/gl.h>

#include "case_session.hpp"
#include "renderer.hpp"
#include "scene_assembly.hpp"

namespace mv::app {

struct FrameRequest {
  bool moving = false;  // the camera or an edit is in motion: keep the frame fast
  float ui_scale = 1.0f;
  int dest_x = 0, dest_y = 0;
};

struct FrameParts {
  double assembly_ms = 0.0;       // scene assembly (CPU), part of the call
  float resolution_scale = 1.0f;  // of the view's pixels drawn
  bool redrawn = true;            // false: the last frame was shown again
};

// The still frame's anti-aliasing: 4× MSAA on a GPU, FXAA on software GL (where MSAA triples a
// frame); the same rule serves `render --anti-aliasing auto`.
render::RenderOptions still_quality(bool software_gl);

class ViewFrame {
 public:
  static constexpr double kMovingFrameGoalMs = 50.0;
  explicit ViewFrame(std::filesystem::path font_file) : renderer_(std::move(font_file)) {}
  FrameParts draw(CaseSession& session, const ViewSettings& view, const render::Camera& camera, int width, int height, GLuint fbo,
                  const FrameRequest& request);
  void forget();  // a newly opened case: nothing of the last one is reused
  // The renderer drew something else in between (a screenshot): the next frame is drawn anew.
  void redraw_next() { last_.reset(); }
  render::Renderer& renderer() { return renderer_; }
  const render::Renderer& renderer() const { return renderer_; }
  const render::Scene& scene() const { return *scene_; }
  bool has_scene() const { return scene_ != nullptr; }
  float moving_scale() const { return moving_scale_; }

 private:
  struct FrameKey {
    unsigned generation = 0;
    render::Camera camera;
    int width = 0, height = 0;
    GLuint fbo = 0;
    render::RenderOptions options;
    bool operator==(const FrameKey&) const = default;
  };
  render::Renderer renderer_;
  SceneAssembler assembler_;
  const render::Scene* scene_ = nullptr;
  std::optional<FrameKey> last_;
  std::optional<bool> software_;
  float moving_scale_ = 0.6f;  // adapted from frame to frame while moving
};

}  // namespace mv::app
