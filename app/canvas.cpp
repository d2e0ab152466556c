#include "canvas.hpp"

#include <map>
#include <mutex>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <glm/geometric.hpp>
#include <stb_truetype.h>

#include "font_atlas.hpp"

namespace mv::app {

namespace {
std::mutex font_mutex;
std::map<std::filesystem::path, std::shared_ptr<const std::vector<unsigned char>>> fonts;
int reads = 0;

// The bytes of a TrueType file, read once: the Mohs map is redrawn on every edit and hover.
std::shared_ptr<const std::vector<unsigned char>> font_bytes(const std::filesystem::path& file) {
  std::lock_guard lock(font_mutex);
  auto& slot = fonts[file];
  if (!slot) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      fonts.erase(file);
      throw std::runtime_error("cannot open font " + file.string());
    }
    slot = std::make_shared<const std::vector<unsigned char>>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ++reads;
  }
  return slot;
}
}  // namespace

int Canvas::font_reads() {
  std::lock_guard lock(font_mutex);
  return reads;
}

Canvas::Canvas(int width, int height, const Rgba& bg, const std::filesystem::path& font_file) {
  image_ = {width, height, std::vector<std::uint8_t>(static_cast<size_t>(width) * height * 4)};
  for (size_t i = 0; i < image_.rgba.size(); i += 4)
    for (int c = 0; c < 4; ++c) image_.rgba[i + c] = static_cast<std::uint8_t>(std::lround(std::clamp(bg[c], 0.0f, 1.0f) * 255.0f));
  font_ = font_bytes(font_file);
}

void Canvas::blend(int x, int y, const Rgba& c, float coverage) {
  if (x < 0 || y < 0 || x >= image_.width || y >= image_.height || coverage <= 0.0f) return;
  const float a = std::min(1.0f, coverage) * c[3];
  std::uint8_t* p = &image_.rgba[(static_cast<size_t>(y) * image_.width + x) * 4];
  for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(p[k] * (1.0f - a) + c[k] * 255.0f * a));
  p[3] = static_cast<std::uint8_t>(std::lround(std::min(255.0f, p[3] + 255.0f * a)));
}

// Scanline fill with 4 sub-rows per pixel and exact horizontal coverage (even-odd rule).
void Canvas::fill_polygon(const std::vector<glm::vec2>& pts, const Rgba& colour) {
  if (pts.size() < 3) return;
  float min_y = pts[0].y, max_y = pts[0].y;
  for (const auto& p : pts) min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  const int y0 = std::max(0, static_cast<int>(std::floor(min_y))), y1 = std::min(image_.height - 1, static_cast<int>(std::ceil(max_y)));
  std::vector<float> coverage(static_cast<size_t>(image_.width));
  std::vector<float> xs;
  constexpr int kSub = 4;
  for (int y = y0; y <= y1; ++y) {
    std::fill(coverage.begin(), coverage.end(), 0.0f);
    for (int s = 0; s < kSub; ++s) {
      const float sy = static_cast<float>(y) + (static_cast<float>(s) + 0.5f) / kSub;
      xs.clear();
      for (size_t i = 0; i < pts.size(); ++i) {
        const glm::vec2 a = pts[i], b = pts[(i + 1) % pts.size()];
        if ((a.y <= sy) != (b.y <= sy)) xs.push_back(a.x + (sy - a.y) / (b.y - a.y) * (b.x - a.x));
      }
      std::sort(xs.begin(), xs.end());
      for (size_t k = 0; k + 1 < xs.size(); k += 2) {
        const float xa = std::max(0.0f, xs[k]), xb = std::min(static_cast<float>(image_.width), xs[k + 1]);
        for (int x = static_cast<int>(std::floor(xa)); x < static_cast<int>(std::ceil(xb)); ++x) {
          const float overlap = std::min(xb, static_cast<float>(x + 1)) - std::max(xa, static_cast<float>(x));
          if (overlap > 0.0f) coverage[static_cast<size_t>(x)] += overlap / kSub;
        }
      }
    }
    for (int x = 0; x < image_.width; ++x) blend(x, y, colour, coverage[static_cast<size_t>(x)]);
  }
}

void Canvas::stroke(const std::vector<glm::vec2>& pts, float width, const Rgba& colour, bool closed) {
  const size_t n = pts.size();
  if (n < 2) return;
  const float h = width / 2.0f;
  // One polygon for the whole line (its outline offset to both sides), so overlaps do not darken.
  std::vector<glm::vec2> left, right;
  for (size_t i = 0; i < n; ++i) {
    auto dir = [&](size_t a, size_t b) {
      const glm::vec2 d = pts[b % n] - pts[a % n];
      const float len = glm::length(d);
      return len > 1e-6f ? d / len : glm::vec2(1.0f, 0.0f);
    };
    glm::vec2 t;
    if (!closed && i == 0) t = dir(0, 1);
    else if (!closed && i == n - 1)
      t = dir(n - 2, n - 1);
    else
      t = glm::normalize(dir((i + n - 1), i) + dir(i, i + 1) + glm::vec2(1e-6f));
    const glm::vec2 normal{-t.y, t.x};
    left.push_back(pts[i] + normal * h);
    right.push_back(pts[i] - normal * h);
  }
  if (closed) {
    left.push_back(left.front());
    right.push_back(right.front());
  }
  if (closed) {
    // A ring: fill outer and inner outlines as one even-odd polygon via a bridge.
    std::vector<glm::vec2> ring(left.begin(), left.end());
    ring.insert(ring.end(), right.rbegin(), right.rend());
    fill_polygon(ring, colour);
    return;
  }
  std::vector<glm::vec2> poly(left.begin(), left.end());
  poly.insert(poly.end(), right.rbegin(), right.rend());
  fill_polygon(poly, colour);
}

float Canvas::text(const std::string& utf8, glm::vec2 baseline, float px, const Rgba& colour, Align align) {
  stbtt_fontinfo info;
  if (!stbtt_InitFont(&info, font_->data(), stbtt_GetFontOffsetForIndex(font_->data(), 0))) return 0.0f;
  const float scale = stbtt_ScaleForPixelHeight(&info, px);
  const std::u32string cps = render::decode_utf8(utf8);
  float width = 0.0f;
  for (char32_t cp : cps) {
    int adv = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&info, static_cast<int>(cp), &adv, &lsb);
    width += adv * scale;
  }
  float x = baseline.x - (align == Align::Centre ? width / 2.0f : align == Align::Right ? width : 0.0f);
  for (char32_t cp : cps) {
    int adv = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&info, static_cast<int>(cp), &adv, &lsb);
    const float shift = x - std::floor(x);
    int w = 0, h = 0, xoff = 0, yoff = 0;
    unsigned char* bmp = stbtt_GetCodepointBitmapSubpixel(&info, scale, scale, shift, 0.0f, static_cast<int>(cp), &w, &h, &xoff, &yoff);
    const int ox = static_cast<int>(std::floor(x)) + xoff, oy = static_cast<int>(std::round(baseline.y)) + yoff;
    for (int j = 0; j < h; ++j)
      for (int i = 0; i < w; ++i) blend(ox + i, oy + j, colour, bmp[j * w + i] / 255.0f);
    stbtt_FreeBitmap(bmp, nullptr);
    x += adv * scale;
  }
  return width;
}

}  // namespace mv::app
