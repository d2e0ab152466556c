#pragma once
// The 3D view's frame as the GUI draws it: the scene assembled from the session, the renderer,
// and the interactive quality (full quality when still; cheaper while the view moves).
#include <filesystem>

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
  double assembly_ms = 0.0;      // scene assembly (CPU), part of the call
  float resolution_scale = 1.0f; // of the view's pixels drawn
  int samples = 0;
};

class ViewFrame {
 public:
  explicit ViewFrame(std::filesystem::path font_file) : renderer_(std::move(font_file)) {}
  FrameParts draw(CaseSession& session, const ViewSettings& view, const render::Camera& camera, int width, int height, GLuint fbo,
                  const FrameRequest& request);
  void forget() { assembler_ = SceneAssembler(); }
  render::Renderer& renderer() { return renderer_; }
  const render::Scene& scene() const { return scene_; }

 private:
  render::Renderer renderer_;
  SceneAssembler assembler_;
  render::Scene scene_;
};

}  // namespace mv::app
