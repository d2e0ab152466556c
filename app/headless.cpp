#include "headless.hpp"

#include <stdexcept>

#include "egl_context.hpp"
#include "glfw_window.hpp"

namespace mv::app {
namespace {

class EglHeadless : public HeadlessGl {
 public:
  EglHeadless() : ctx_(render::EglContext::create()) {}
  std::string description() const override { return ctx_->platform(); }

 private:
  std::unique_ptr<render::EglContext> ctx_;
};

class GlfwHeadless : public HeadlessGl {
 public:
  GlfwHeadless() : window_(64, 64, false, "GLFW could not start (no display? set DISPLAY or use --backend egl)") {}
  std::string description() const override { return "GLFW hidden window"; }

 private:
  GlfwWindow window_;
};

}  // namespace

std::unique_ptr<HeadlessGl> HeadlessGl::create(const std::string& backend) {
  if (backend == "egl") return std::make_unique<EglHeadless>();
  if (backend == "glfw") return std::make_unique<GlfwHeadless>();
  if (backend != "auto") throw std::invalid_argument("--backend: \"" + backend + "\" — expected auto, egl or glfw");
  try {
    return std::make_unique<EglHeadless>();
  } catch (const std::exception& egl_error) {
    try {
      return std::make_unique<GlfwHeadless>();
    } catch (const std::exception& glfw_error) {
      throw std::runtime_error(std::string("no OpenGL for headless rendering: ") + egl_error.what() + "; " + glfw_error.what());
    }
  }
}

}  // namespace mv::app
