#pragma once
// A 2D drawing surface for the Mohs map and other CPU drawings, through cairo (shapes) and pango
// (text): the same drawing to an image (the GUI's texture, PNG files, tests), a PDF or an SVG.
// Deterministic for one cairo/pango build: hinting is off, grey anti-aliasing, one font family.
// A PDF has pages as many as new_page() makes, each A4-wide (the report's are A4).
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "image.hpp"

namespace mv::app {

using Rgba = std::array<float, 4>;

class Canvas {
 public:
  enum class Format { Image, Pdf, Svg };
  // `width` × `height` in drawing units: pixels for an image; a PDF page is A4-wide, scaled to fit.
  Canvas(int width, int height, const Rgba& background, Format format = Format::Image);
  ~Canvas();
  Canvas(Canvas&&) noexcept;
  Canvas& operator=(Canvas&&) noexcept;

  void fill_polygon(const std::vector<glm::vec2>& points, const Rgba& colour);
  void stroke(const std::vector<glm::vec2>& points, float width, const Rgba& colour, bool closed = false);
  enum class Align { Left, Centre, Right };
  // Draws one line of text with its baseline at `baseline`; returns its width in drawing units.
  float text(const std::string& utf8, glm::vec2 baseline, float pixel_height, const Rgba& colour, Align align = Align::Left, bool bold = false);
  // The width a line of text would take.
  float text_width(const std::string& utf8, float pixel_height, bool bold = false) const;
  // Text wrapped at `width`, its first line's top at `top_left`; returns the height it took.
  float paragraph(const std::string& utf8, glm::vec2 top_left, float width, float pixel_height, const Rgba& colour, bool bold = false);
  float paragraph_height(const std::string& utf8, float width, float pixel_height, bool bold = false) const;
  // An image (straight RGBA) scaled into the rectangle at `top_left`, `size` drawing units.
  void image(const render::Image& pixels, glm::vec2 top_left, glm::vec2 size);

  // Later drawing is moved to `origin` and scaled by `scale` (a map placed on a report page), until
  // the matching pop_transform.
  void push_transform(glm::vec2 origin, float scale);
  void pop_transform();
  // PDF: ends this page and starts the next, painted with the background.
  void new_page();

  // Image format only: the pixels, straight (not premultiplied) RGBA.
  render::Image image() const;
  // PDF and SVG: ends the document and returns its bytes (the canvas takes no more drawing).
  std::string finish();
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  struct Cairo;
  std::unique_ptr<Cairo> c_;
  int width_ = 0, height_ = 0;
  Rgba background_{};
};

}  // namespace mv::app
