#include "glfw_window.hpp"

#include <iostream>
#include <stdexcept>

#include <GLFW/glfw3.h>

namespace mv::app {

GlfwWindow::GlfwWindow(int width, int height, bool visible, const std::string& no_display) {
  glfwSetErrorCallback([](int, const char* msg) { std::cerr << "GLFW: " << msg << "\n"; });
  if (!glfwInit()) throw std::runtime_error(no_display);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  handle = glfwCreateWindow(width, height, "marginviz", nullptr, nullptr);
  if (!handle) {
    glfwTerminate();
    throw std::runtime_error("could not open an OpenGL 3.3 core window");
  }
  glfwMakeContextCurrent(handle);
}

GlfwWindow::~GlfwWindow() {
  glfwDestroyWindow(handle);
  glfwTerminate();
}

}  // namespace mv::app
