#include "font_atlas.hpp"

#include <cmath>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <stb_rect_pack.h>
#include <stb_truetype.h>

namespace mv::render {

std::u32string decode_utf8(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size()) {
      out.push_back(U'?');
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : (c & (0x3F >> extra));
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(extra) + 1;
  }
  return out;
}

FontAtlas::FontAtlas(const std::filesystem::path& ttf, float pixel_height) : pixel_height_(pixel_height) {
  std::ifstream in(ttf, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open font " + ttf.string() + " (install fonts-dejavu-core)");
  const std::vector<unsigned char> font((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  // Latin-1 plus the symbols our labels use: — ≤ ≥ → ± and the minus sign.
  static const int extra_cps[] = {0x2014, 0x2013, 0x2264, 0x2265, 0x2192, 0x2212, 0x2248, 0x2022};
  constexpr int kLatin = 224;  // 32..255
  std::vector<stbtt_packedchar> latin(kLatin), extra(std::size(extra_cps));
  stbtt_pack_range ranges[2] = {};
  ranges[0].font_size = pixel_height;
  ranges[0].first_unicode_codepoint_in_range = 32;
  ranges[0].num_chars = kLatin;
  ranges[0].chardata_for_range = latin.data();
  ranges[1].font_size = pixel_height;
  ranges[1].array_of_unicode_codepoints = const_cast<int*>(extra_cps);
  ranges[1].num_chars = static_cast<int>(std::size(extra_cps));
  ranges[1].chardata_for_range = extra.data();

  const int size = pixel_height > 40.0f ? 2048 : 1024;
  std::vector<unsigned char> pixels(static_cast<size_t>(size) * size);
  stbtt_pack_context pc;
  if (!stbtt_PackBegin(&pc, pixels.data(), size, size, 0, 1, nullptr)) throw std::runtime_error("font atlas: pack failed");
  stbtt_PackSetOversampling(&pc, 2, 2);
  const int packed = stbtt_PackFontRanges(&pc, font.data(), 0, ranges, 2);
  stbtt_PackEnd(&pc);
  if (!packed) throw std::runtime_error("font atlas: glyphs do not fit");

  stbtt_fontinfo info;
  stbtt_InitFont(&info, font.data(), stbtt_GetFontOffsetForIndex(font.data(), 0));
  int asc = 0, desc = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &asc, &desc, &gap);
  ascent_ = static_cast<float>(asc) * stbtt_ScaleForPixelHeight(&info, pixel_height);

  auto add = [&](char32_t cp, const stbtt_packedchar& pcd) {
    float x = 0, y = 0;
    stbtt_aligned_quad q;
    stbtt_GetPackedQuad(&pcd, size, size, 0, &x, &y, &q, 0);
    glyphs_[cp] = {q.x0, q.y0, q.x1, q.y1, q.s0, q.t0, q.s1, q.t1, pcd.xadvance};
  };
  for (int i = 0; i < kLatin; ++i) add(static_cast<char32_t>(32 + i), latin[static_cast<size_t>(i)]);
  for (size_t i = 0; i < std::size(extra_cps); ++i) add(static_cast<char32_t>(extra_cps[i]), extra[i]);

  glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, size, size, 0, GL_RED, GL_UNSIGNED_BYTE, pixels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

FontAtlas::~FontAtlas() {
  if (texture_) glDeleteTextures(1, &texture_);
}

const FontAtlas::Glyph* FontAtlas::glyph(char32_t cp) const {
  auto it = glyphs_.find(cp);
  if (it == glyphs_.end()) it = glyphs_.find(U'?');
  return it == glyphs_.end() ? nullptr : &it->second;
}

float FontAtlas::width_of(const std::string& utf8) const {
  float w = 0.0f;
  for (char32_t cp : decode_utf8(utf8))
    if (const Glyph* g = glyph(cp)) w += g->advance;
  return w;
}

void FontAtlas::layout(const std::string& utf8, glm::vec2 top_left, const glm::vec4& colour, std::vector<TextVertex>& out) const {
  float pen_x = std::round(top_left.x);
  const float baseline = std::round(top_left.y + ascent_);
  for (char32_t cp : decode_utf8(utf8)) {
    const Glyph* g = glyph(cp);
    if (!g) continue;
    const float x0 = pen_x + g->x0, x1 = pen_x + g->x1, y0 = baseline + g->y0, y1 = baseline + g->y1;
    const TextVertex a{{x0, y0}, {g->s0, g->t0}, colour}, b{{x1, y0}, {g->s1, g->t0}, colour};
    const TextVertex c{{x1, y1}, {g->s1, g->t1}, colour}, d{{x0, y1}, {g->s0, g->t1}, colour};
    out.insert(out.end(), {a, b, c, a, c, d});
    pen_x += g->advance;
  }
}

}  // namespace mv::render
