#include "image.hpp"

#include <algorithm>
#include <stdexcept>

#include <stb_image.h>
#include <zlib.h>

namespace mv::render {

Image read_framebuffer(GLuint fbo, int width, int height) {
  Image img{width, height, std::vector<std::uint8_t>(static_cast<size_t>(width) * height * 4)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<std::uint8_t> bottom_up(img.rgba.size());
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  const size_t row = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y) std::copy_n(bottom_up.data() + (height - 1 - y) * row, row, img.rgba.data() + static_cast<size_t>(y) * row);
  return img;
}

namespace {

void put_be32(std::string& out, std::uint32_t v) {
  for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  const size_t start = out.size();
  out.append(type, 4);
  out += data;
  put_be32(out, static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(out.size() - start))));
}

}  // namespace

// RGBA8 PNG with zlib: each row "Up"-filtered, deflated run-length. About 6x faster than
// stb_image_write (which tries every filter and uses its own deflate) and smaller for our renders.
std::string encode_png(const Image& image) {
  const size_t row = static_cast<size_t>(image.width) * 4;
  std::vector<std::uint8_t> filtered(static_cast<size_t>(image.height) * (row + 1));
  for (int y = 0; y < image.height; ++y) {
    std::uint8_t* out = filtered.data() + static_cast<size_t>(y) * (row + 1);
    const std::uint8_t* cur = image.rgba.data() + static_cast<size_t>(y) * row;
    const std::uint8_t* above = y > 0 ? cur - row : nullptr;  // (found by UBSan: cur[i - row] wrapped)
    out[0] = 2;                                               // Up
    for (size_t i = 0; i < row; ++i) out[1 + i] = static_cast<std::uint8_t>(cur[i] - (above ? above[i] : 0));
  }
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) throw std::runtime_error("PNG: zlib would not start");
  std::string idat(deflateBound(&zs, static_cast<uLong>(filtered.size())), '\0');
  zs.next_in = filtered.data();
  zs.avail_in = static_cast<uInt>(filtered.size());
  zs.next_out = reinterpret_cast<Bytef*>(idat.data());
  zs.avail_out = static_cast<uInt>(idat.size());
  const int rc = deflate(&zs, Z_FINISH);
  idat.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("PNG: compression failed");
  std::string header;
  put_be32(header, static_cast<std::uint32_t>(image.width));
  put_be32(header, static_cast<std::uint32_t>(image.height));
  header += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", idat);
  put_chunk(png, "IEND", {});
  return png;
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
