#include "headless.hpp"

#include <stdexcept>

#include <GLFW/glfw3.h>

#include "egl_context.hpp"

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
  GlfwHeadless() {
    if (!glfwInit()) throw std::runtime_error("GLFW could not start (no display? set DISPLAY or use --backend egl)");
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    window_ = glfwCreateWindow(64, 64, "marginviz", nullptr, nullptr);
    if (!window_) {
      glfwTerminate();
      throw std::runtime_error("GLFW could not create an OpenGL 3.3 core context");
    }
    glfwMakeContextCurrent(window_);
  }
  ~GlfwHeadless() override {
    glfwDestroyWindow(window_);
    glfwTerminate();
  }
  std::string description() const override { return "GLFW hidden window"; }

 private:
  GLFWwindow* window_ = nullptr;
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
