#pragma once
// A headless OpenGL context (EGL) and a 1280×800 target for the frame benchmarks; `ok` is false
// where no context can be made (the benchmarks then skip).
#include <memory>

#include "egl_context.hpp"
#include "image.hpp"

namespace mv::bench {

inline constexpr int kWidth = 1280, kHeight = 800;
inline constexpr const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

struct BenchGl {
  std::unique_ptr<render::EglContext> context;
  std::unique_ptr<render::OffscreenTarget> target;
  bool ok = false;
  BenchGl() {
    try {
      context = render::EglContext::create();
      target = std::make_unique<render::OffscreenTarget>(kWidth, kHeight);
      ok = true;
    } catch (const std::exception&) {
    }
  }
};

}  // namespace mv::bench
