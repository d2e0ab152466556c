#pragma once
#include <memory>
#include <string>

namespace mv::render {

// An OpenGL 3.3 core context with no window and no X server: EGL on Mesa's surfaceless
// platform, else an EGL device (NVIDIA), else the default display. Current on creation.
class EglContext {
 public:
  // Throws std::runtime_error saying which step failed.
  static std::unique_ptr<EglContext> create();
  ~EglContext();
  void make_current();
  const std::string& platform() const { return platform_; }

 private:
  EglContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
  std::string platform_;
};

}  // namespace mv::render
