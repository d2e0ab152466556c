#include "view_frame.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace mv::app {

using Clock = std::chrono::steady_clock;

render::RenderOptions still_quality(bool software_gl) {
  render::RenderOptions o;
  o.samples = software_gl ? 0 : 4;
  o.fxaa = software_gl;
  return o;
}

void ViewFrame::forget() {
  assembler_ = SceneAssembler();
  scene_ = nullptr;
  last_.reset();
}

FrameParts ViewFrame::draw(CaseSession& session, const ViewSettings& view, const render::Camera& camera, int width, int height, GLuint fbo,
                           const FrameRequest& request) {
  FrameParts parts;
  const auto t0 = Clock::now();
  scene_ = &assembler_.build(session, view, camera, request.moving);
  parts.assembly_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!software_) software_ = render::Renderer::software_gl();
  render::RenderOptions options = still_quality(*software_);
  if (request.moving) {
    options.samples = 0;
    options.fxaa = false;
    options.resolution_scale = std::round(moving_scale_ * 16.0f) / 16.0f;  // in steps: the targets are not remade every frame
    options.coarse = true;
  }
  options.ui_scale = request.ui_scale;
  options.dest_x = request.dest_x;
  options.dest_y = request.dest_y;
  parts.resolution_scale = options.resolution_scale;
  const FrameKey key{assembler_.generation(), camera, width, height, fbo, options};
  if (last_ == key) {
    renderer_.present_again(fbo);
    parts.redrawn = false;
    return parts;
  }
  last_.reset();  // if drawing throws, the next frame draws again
  const auto t1 = Clock::now();
  renderer_.render(*scene_, width, height, fbo, options);
  if (request.moving) {
    // Scale the pixel count by the time over the goal (time goes with pixels on software GL),
    // half-way each frame so that one slow frame does not make the next blurry.
    glFinish();
    const double ms = std::max(1.0, std::chrono::duration<double, std::milli>(Clock::now() - t1).count());
    const double wanted = moving_scale_ * std::sqrt(kMovingFrameGoalMs / ms);
    moving_scale_ = static_cast<float>(std::clamp(0.5 * (moving_scale_ + wanted), 0.25, 1.0));
  }
  last_ = key;
  return parts;
}

}  // namespace mv::app
