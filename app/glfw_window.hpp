#pragma once
#include <string>

struct GLFWwindow;

namespace mv::app {

// GLFW started with one OpenGL 3.3 core window, current on this thread; the desktop app's window
// and the hidden window of `render --backend glfw` alike. Throws std::runtime_error with `no_display`
// when GLFW cannot start.
class GlfwWindow {
 public:
  GlfwWindow(int width, int height, bool visible, const std::string& no_display);
  ~GlfwWindow();
  GlfwWindow(const GlfwWindow&) = delete;
  GlfwWindow& operator=(const GlfwWindow&) = delete;
  GLFWwindow* handle = nullptr;
};

}  // namespace mv::app
