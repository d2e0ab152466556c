#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include <epoxy/gl.h>
#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

namespace mv::render {

struct TextVertex {
  glm::vec2 pixel;
  glm::vec2 uv;  // uv.x < 0: solid fill
  glm::vec4 colour;
};

// A TrueType font baked at one pixel size into a GL texture (stb_truetype), with layout of
// UTF-8 strings into screen-space quads.
class FontAtlas {
 public:
  FontAtlas(const std::filesystem::path& ttf, float pixel_height);
  ~FontAtlas();
  FontAtlas(const FontAtlas&) = delete;
  FontAtlas& operator=(const FontAtlas&) = delete;

  float line_height() const { return pixel_height_ * 1.25f; }
  float width_of(const std::string& utf8) const;
  // Appends quads for `utf8` with its top-left at `top_left`.
  void layout(const std::string& utf8, glm::vec2 top_left, const glm::vec4& colour, std::vector<TextVertex>& out) const;
  GLuint texture() const { return texture_; }

 private:
  struct Glyph {
    float x0, y0, x1, y1;  // quad relative to the pen on the baseline
    float s0, t0, s1, t1;
    float advance;
  };
  const Glyph* glyph(char32_t cp) const;
  float pixel_height_;
  float ascent_ = 0.0f;
  GLuint texture_ = 0;
  std::unordered_map<char32_t, Glyph> glyphs_;
};

std::u32string decode_utf8(const std::string& s);

}  // namespace mv::render
