#include "view_frame.hpp"

#include <chrono>

namespace mv::app {

FrameParts ViewFrame::draw(CaseSession& session, const ViewSettings& view, const render::Camera& camera, int width, int height, GLuint fbo,
                           const FrameRequest& request) {
  FrameParts parts;
  const auto t0 = std::chrono::steady_clock::now();
  scene_ = assembler_.build(session, view, camera);
  parts.assembly_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  render::RenderOptions options;
  options.samples = parts.samples = request.moving ? 0 : 4;
  options.ui_scale = request.ui_scale;
  options.dest_x = request.dest_x;
  options.dest_y = request.dest_y;
  renderer_.render(scene_, width, height, fbo, options);
  return parts;
}

}  // namespace mv::app
