#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <epoxy/gl.h>

namespace mv::render {

// RGBA8 pixels, top row first.
struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
};

// Reads the colour of framebuffer `fbo` (bottom-up in GL) into a top-down image.
Image read_framebuffer(GLuint fbo, int width, int height);

// The PNG file's bytes (RGBA, 8 bits per channel); the app saves them (app/png_file.hpp).
std::string encode_png(const Image& image);
Image read_png(const std::filesystem::path& path);  // throws when unreadable

// An RGBA8 colour target to render headless images into.
class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  GLuint fbo() const { return fbo_; }
  Image read() const { return read_framebuffer(fbo_, width_, height_); }

 private:
  int width_, height_;
  GLuint fbo_ = 0, colour_ = 0;
};

}  // namespace mv::render
