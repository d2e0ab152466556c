#include "morph_animation.hpp"

#include <cmath>

#include "common/file_io.hpp"
#include "gif_writer.hpp"
#include "view_frame.hpp"

namespace mv::app {

int write_morph_gif(CaseSession& session, render::Renderer& renderer, ViewMode mode, int width, int height, double seconds,
                    const std::filesystem::path& file) {
  const TimePoint shown = session.time();
  ViewSettings view;
  view.mode = mode;
  render::RenderOptions options = still_quality(render::Renderer::software_gl());
  options.ui_scale = std::max(1.0f, static_cast<float>(height) / 800.0f);
  session.set_time({size_t{0}, 1.0});
  const render::Camera camera = default_camera(session, view);
  render::OffscreenTarget target(width, height);
  SceneAssembler assembler;
  const int frames = std::max(2, static_cast<int>(std::lround(seconds * kMorphFps)));
  std::vector<render::Image> images;
  for (int i = 0; i < frames; ++i) {
    session.set_time({std::nullopt, static_cast<double>(i) / (frames - 1)});
    renderer.render(assembler.build(session, view, camera), width, height, target.fbo(), options);
    images.push_back(target.read());
  }
  session.set_time(shown);
  replace_file_durably(file, encode_gif(images, static_cast<int>(std::lround(100.0 / kMorphFps))));
  return frames;
}

}  // namespace mv::app
