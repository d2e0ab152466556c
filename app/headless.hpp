#pragma once
#include <functional>
#include <memory>
#include <string>

namespace mv::app {

// An OpenGL 3.3 core context for rendering without a visible window. "egl" needs no X server;
// "glfw" opens a hidden window on the current display; "auto" tries EGL, then GLFW.
class HeadlessGl {
 public:
  virtual ~HeadlessGl() = default;
  virtual std::string description() const = 0;
  static std::unique_ptr<HeadlessGl> create(const std::string& backend);
};

}  // namespace mv::app
