#include "image.hpp"

#include <algorithm>
#include <stdexcept>
#include <unistd.h>

#include <stb_image.h>
#include <stb_image_write.h>

namespace mv::render {

Image read_framebuffer(GLuint fbo, int width, int height) {
  Image img{width, height, std::vector<std::uint8_t>(static_cast<size_t>(width) * height * 4)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> bottom_up(img.rgba.size());
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  const size_t row = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y)
    std::copy_n(bottom_up.data() + (height - 1 - y) * row, row, img.rgba.data() + static_cast<size_t>(y) * row);
  return img;
}

void write_png(const Image& image, const std::filesystem::path& path) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const auto tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(::getpid()));
  if (!stbi_write_png(tmp.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path.string() + ": cannot write the PNG (folder missing or not writable?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path.string() + ": cannot write — " + ec.message());
  }
}

Image read_png(const std::filesystem::path& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (!data) throw std::runtime_error(path.string() + ": cannot read PNG");
  Image img{w, h, std::vector<std::uint8_t>(data, data + static_cast<size_t>(w) * h * 4)};
  stbi_image_free(data);
  return img;
}

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  glGenRenderbuffers(1, &colour_);
  glBindRenderbuffer(GL_RENDERBUFFER, colour_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) throw std::runtime_error("offscreen framebuffer incomplete");
}

OffscreenTarget::~OffscreenTarget() {
  glDeleteFramebuffers(1, &fbo_);
  glDeleteRenderbuffers(1, &colour_);
}

}  // namespace mv::render
