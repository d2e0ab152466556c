#include "egl_context.hpp"

#include <stdexcept>
#include <vector>

#include <epoxy/egl.h>

namespace mv::render {
namespace {

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif

bool has_extension(EGLDisplay dpy, const char* name) { return epoxy_has_egl_extension(dpy, name); }

struct Candidate {
  EGLDisplay display;
  const char* name;
};

std::vector<Candidate> candidate_displays() {
  std::vector<Candidate> out;
  if (has_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
    if (EGLDisplay d = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr); d != EGL_NO_DISPLAY)
      out.push_back({d, "EGL surfaceless"});
  if (has_extension(EGL_NO_DISPLAY, "EGL_EXT_platform_device") && has_extension(EGL_NO_DISPLAY, "EGL_EXT_device_enumeration")) {
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    if (eglQueryDevicesEXT(8, devices, &count))
      for (EGLint i = 0; i < count; ++i)
        if (EGLDisplay d = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr); d != EGL_NO_DISPLAY)
          out.push_back({d, "EGL device"});
  }
  if (EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY); d != EGL_NO_DISPLAY) out.push_back({d, "EGL default display"});
  return out;
}

}  // namespace

std::unique_ptr<EglContext> EglContext::create() {
  std::string failures;
  for (const auto& c : candidate_displays()) {
    EGLint major = 0, minor = 0;
    if (!eglInitialize(c.display, &major, &minor)) {
      failures += std::string(c.name) + ": eglInitialize failed; ";
      continue;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
      failures += std::string(c.name) + ": no desktop OpenGL; ";
      continue;
    }
    const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint n = 0;
    eglChooseConfig(c.display, config_attribs, &config, 1, &n);
    const EGLint ctx_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                  EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext ctx = eglCreateContext(c.display, n > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctx_attribs);
    if (ctx == EGL_NO_CONTEXT) {
      failures += std::string(c.name) + ": no OpenGL 3.3 core context; ";
      continue;
    }
    if (!eglMakeCurrent(c.display, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
      eglDestroyContext(c.display, ctx);
      failures += std::string(c.name) + ": cannot make a surfaceless context current; ";
      continue;
    }
    std::unique_ptr<EglContext> out(new EglContext());
    out->display_ = c.display;
    out->context_ = ctx;
    out->platform_ = c.name;
    return out;
  }
  throw std::runtime_error("no headless OpenGL 3.3 context: " + (failures.empty() ? std::string("no EGL display") : failures));
}

void EglContext::make_current() {
  eglMakeCurrent(static_cast<EGLDisplay>(display_), EGL_NO_SURFACE, EGL_NO_SURFACE, static_cast<EGLContext>(context_));
}

EglContext::~EglContext() {
  auto dpy = static_cast<EGLDisplay>(display_);
  eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(dpy, static_cast<EGLContext>(context_));
}

}  // namespace mv::render
