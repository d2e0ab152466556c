#include "gif_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <gif_lib.h>

namespace mv::app {
namespace {

int append(GifFileType* gif, const GifByteType* data, int length) {
  static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<size_t>(length));
  return length;
}

// The pixels mapped to the frame's table with Floyd-Steinberg error diffusion: a smooth shading
// stays smooth instead of breaking into the bands a 256-colour table makes. The nearest colour of
// each 5-bit RGB cell is found once per frame.
void dither(const render::Image& frame, const GifColorType* table, int colours, std::vector<GifByteType>& index) {
  std::vector<std::int16_t> nearest(32 * 32 * 32, -1);
  auto lookup = [&](int r, int g, int b) {
    const int cell = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
    if (nearest[static_cast<size_t>(cell)] < 0) {
      int best = 0, best_d = 1 << 30;
      const int cr = (r & ~7) + 4, cg = (g & ~7) + 4, cb = (b & ~7) + 4;
      for (int i = 0; i < colours; ++i) {
        const int dr = table[i].Red - cr, dg = table[i].Green - cg, db = table[i].Blue - cb;
        if (const int d = dr * dr + dg * dg + db * db; d < best_d) best_d = d, best = i;
      }
      nearest[static_cast<size_t>(cell)] = static_cast<std::int16_t>(best);
    }
    return nearest[static_cast<size_t>(cell)];
  };
  const int w = frame.width, h = frame.height;
  std::vector<float> err_now(static_cast<size_t>(w + 2) * 3, 0.0f), err_next(err_now.size(), 0.0f);
  for (int y = 0; y < h; ++y) {
    std::fill(err_next.begin(), err_next.end(), 0.0f);
    for (int x = 0; x < w; ++x) {
      const size_t p = static_cast<size_t>(y) * w + x;
      int want[3];
      for (int k = 0; k < 3; ++k)
        want[k] = std::clamp(static_cast<int>(std::lround(frame.rgba[4 * p + k] + err_now[static_cast<size_t>(x + 1) * 3 + k])), 0, 255);
      const int i = lookup(want[0], want[1], want[2]);
      index[p] = static_cast<GifByteType>(i);
      const int got[3] = {table[i].Red, table[i].Green, table[i].Blue};
      for (int k = 0; k < 3; ++k) {
        const float e = static_cast<float>(want[k] - got[k]);
        err_now[static_cast<size_t>(x + 2) * 3 + k] += e * 7.0f / 16.0f;
        err_next[static_cast<size_t>(x) * 3 + k] += e * 3.0f / 16.0f;
        err_next[static_cast<size_t>(x + 1) * 3 + k] += e * 5.0f / 16.0f;
        err_next[static_cast<size_t>(x + 2) * 3 + k] += e * 1.0f / 16.0f;
      }
    }
    std::swap(err_now, err_next);
  }
}

void check(int status, const char* what) {
  if (status != GIF_OK) throw std::runtime_error(std::string("GIF: ") + what + " failed");
}

}  // namespace

std::string encode_gif(const std::vector<render::Image>& frames, int delay_cs) {
  if (frames.empty()) throw std::invalid_argument("encode_gif: no frames");
  const int w = frames.front().width, h = frames.front().height;
  std::string bytes;
  int error = 0;
  GifFileType* gif = EGifOpen(&bytes, append, &error);
  if (!gif) throw std::runtime_error(std::string("GIF: ") + GifErrorString(error));
  try {
    EGifSetGifVersion(gif, true);
    check(EGifPutScreenDesc(gif, w, h, 8, 0, nullptr), "screen");
    // NETSCAPE2.0: loop forever.
    check(EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), "loop");
    check(EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"), "loop");
    const unsigned char loop[3] = {1, 0, 0};
    check(EGifPutExtensionBlock(gif, 3, loop), "loop");
    check(EGifPutExtensionTrailer(gif), "loop");
    const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
    std::vector<GifByteType> r(n), g(n), b(n), index(n);
    for (const auto& frame : frames) {
      if (frame.width != w || frame.height != h) throw std::invalid_argument("encode_gif: frames differ in size");
      for (size_t i = 0; i < n; ++i) r[i] = frame.rgba[4 * i], g[i] = frame.rgba[4 * i + 1], b[i] = frame.rgba[4 * i + 2];
      int colours = 256;
      GifColorType table[256];
      check(GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &colours, r.data(), g.data(), b.data(), index.data(), table),
            "quantise");
      dither(frame, table, colours, index);
      const unsigned char control[4] = {0, static_cast<unsigned char>(delay_cs & 0xff), static_cast<unsigned char>((delay_cs >> 8) & 0xff), 0};
      check(EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, control), "frame delay");
      ColorMapObject* map = GifMakeMapObject(256, table);
      const int placed = EGifPutImageDesc(gif, 0, 0, w, h, false, map);
      GifFreeMapObject(map);
      check(placed, "frame");
      for (int y = 0; y < h; ++y) check(EGifPutLine(gif, index.data() + static_cast<size_t>(y) * w, w), "pixels");
    }
  } catch (...) {
    EGifCloseFile(gif, &error);
    throw;
  }
  if (EGifCloseFile(gif, &error) != GIF_OK) throw std::runtime_error(std::string("GIF: ") + GifErrorString(error));
  return bytes;
}

}  // namespace mv::app
