#include "canvas.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace mv::app {
namespace {

constexpr double kA4WidthPt = 595.28;
constexpr const char* kFamily = "DejaVu Sans";  // Debian fonts-dejavu-core (scripts/setup.sh)

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, const Rgba& c) { cairo_set_source_rgba(cr, c[0], c[1], c[2], c[3]); }

}  // namespace

struct Canvas::Cairo {
  Format format = Format::Image;
  std::string bytes;  // the vector document as cairo writes it
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  ~Cairo() {
    if (layout) g_object_unref(layout);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }
  void wrap_at(float width) const {
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  void unwrap() const { pango_layout_set_width(layout, -1); }
  // A layout for one line whose ascent + descent is about `pixel_height` (DejaVu Sans: 1.16 em).
  PangoLayout* line(const std::string& utf8, float pixel_height, bool bold) const {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, pixel_height * 0.86 * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, utf8.c_str(), static_cast<int>(utf8.size()));
    return layout;
  }
};

Canvas::Canvas(int width, int height, const Rgba& background, Format format)
    : c_(std::make_unique<Cairo>()), width_(width), height_(height), background_(background) {
  c_->format = format;
  const double scale = format == Format::Pdf ? kA4WidthPt / width : 1.0;
  switch (format) {
    case Format::Image:
      c_->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
      break;
    case Format::Pdf:
      c_->surface = cairo_pdf_surface_create_for_stream(append, &c_->bytes, width * scale, height * scale);
      cairo_pdf_surface_set_metadata(c_->surface, CAIRO_PDF_METADATA_CREATOR, "marginviz");
      break;
    case Format::Svg:
      c_->surface = cairo_svg_surface_create_for_stream(append, &c_->bytes, width, height);
      break;
  }
  if (cairo_surface_status(c_->surface) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot create a drawing surface");
  c_->cr = cairo_create(c_->surface);
  cairo_scale(c_->cr, scale, scale);
  set_colour(c_->cr, background);
  cairo_paint(c_->cr);
  c_->layout = pango_cairo_create_layout(c_->cr);
  // The same glyph shapes on every machine with this build: no hinting, grey anti-aliasing.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(pango_layout_get_context(c_->layout), options);
  cairo_font_options_destroy(options);
  pango_layout_context_changed(c_->layout);
}

Canvas::~Canvas() = default;
Canvas::Canvas(Canvas&&) noexcept = default;
Canvas& Canvas::operator=(Canvas&&) noexcept = default;

void Canvas::fill_polygon(const std::vector<glm::vec2>& points, const Rgba& colour) {
  if (points.size() < 3) return;
  cairo_t* cr = c_->cr;
  cairo_new_path(cr);
  for (const auto& p : points) cairo_line_to(cr, p.x, p.y);
  cairo_close_path(cr);
  set_colour(cr, colour);
  cairo_fill(cr);
}

void Canvas::stroke(const std::vector<glm::vec2>& points, float width, const Rgba& colour, bool closed) {
  if (points.size() < 2) return;
  cairo_t* cr = c_->cr;
  cairo_new_path(cr);
  for (const auto& p : points) cairo_line_to(cr, p.x, p.y);
  if (closed) cairo_close_path(cr);
  cairo_set_line_width(cr, width);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, closed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  set_colour(cr, colour);
  cairo_stroke(cr);
}

float Canvas::text_width(const std::string& utf8, float pixel_height, bool bold) const {
  PangoRectangle logical;
  pango_layout_get_extents(c_->line(utf8, pixel_height, bold), nullptr, &logical);
  return static_cast<float>(logical.width) / PANGO_SCALE;
}

float Canvas::text(const std::string& utf8, glm::vec2 baseline, float pixel_height, const Rgba& colour, Align align, bool bold) {
  PangoLayout* layout = c_->line(utf8, pixel_height, bold);
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const double w = static_cast<double>(logical.width) / PANGO_SCALE;
  const double x = align == Align::Left ? baseline.x : align == Align::Centre ? baseline.x - w / 2.0 : baseline.x - w;
  cairo_move_to(c_->cr, x, baseline.y - static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE);
  set_colour(c_->cr, colour);
  pango_cairo_show_layout(c_->cr, layout);
  return static_cast<float>(w);
}

float Canvas::paragraph_height(const std::string& utf8, float width, float pixel_height, bool bold) const {
  c_->line(utf8, pixel_height, bold);
  c_->wrap_at(width);
  PangoRectangle logical;
  pango_layout_get_extents(c_->layout, nullptr, &logical);
  c_->unwrap();
  return static_cast<float>(logical.height) / PANGO_SCALE;
}

float Canvas::paragraph(const std::string& utf8, glm::vec2 top_left, float width, float pixel_height, const Rgba& colour, bool bold) {
  c_->line(utf8, pixel_height, bold);
  c_->wrap_at(width);
  PangoRectangle logical;
  pango_layout_get_extents(c_->layout, nullptr, &logical);
  cairo_move_to(c_->cr, top_left.x, top_left.y);
  set_colour(c_->cr, colour);
  pango_cairo_show_layout(c_->cr, c_->layout);
  c_->unwrap();
  return static_cast<float>(logical.height) / PANGO_SCALE;
}

void Canvas::image(const render::Image& pixels, glm::vec2 top_left, glm::vec2 size) {
  if (pixels.width <= 0 || pixels.height <= 0) return;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels.width, pixels.height);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < pixels.height; ++y)
    for (int x = 0; x < pixels.width; ++x) {
      const std::uint8_t* p = &pixels.rgba[(static_cast<size_t>(y) * pixels.width + x) * 4];
      *reinterpret_cast<std::uint32_t*>(data + static_cast<size_t>(y) * stride + static_cast<size_t>(x) * 4) =
          (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | std::uint32_t{p[2]};
    }
  cairo_surface_mark_dirty(surface);
  cairo_t* cr = c_->cr;
  cairo_save(cr);
  cairo_translate(cr, top_left.x, top_left.y);
  cairo_scale(cr, size.x / pixels.width, size.y / pixels.height);
  cairo_set_source_surface(cr, surface, 0.0, 0.0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_rectangle(cr, 0.0, 0.0, pixels.width, pixels.height);
  cairo_fill(cr);
  cairo_restore(cr);
  cairo_surface_destroy(surface);
}

void Canvas::push_transform(glm::vec2 origin, float scale) {
  cairo_save(c_->cr);
  cairo_translate(c_->cr, origin.x, origin.y);
  cairo_scale(c_->cr, scale, scale);
  pango_cairo_update_layout(c_->cr, c_->layout);
}

void Canvas::pop_transform() {
  cairo_restore(c_->cr);
  pango_cairo_update_layout(c_->cr, c_->layout);
}

void Canvas::new_page() {
  if (c_->format != Format::Pdf) throw std::logic_error("Canvas::new_page: only a PDF has pages");
  cairo_show_page(c_->cr);
  set_colour(c_->cr, background_);
  cairo_paint(c_->cr);
}

render::Image Canvas::image() const {
  if (c_->format != Format::Image) throw std::logic_error("Canvas::image: not an image canvas");
  cairo_surface_flush(c_->surface);
  const unsigned char* data = cairo_image_surface_get_data(c_->surface);
  const int stride = cairo_image_surface_get_stride(c_->surface);
  render::Image out{width_, height_, std::vector<std::uint8_t>(static_cast<size_t>(width_) * height_ * 4)};
  for (int y = 0; y < height_; ++y)
    for (int x = 0; x < width_; ++x) {
      // Cairo's ARGB32 is premultiplied, in native-endian 32-bit words.
      const std::uint32_t v = *reinterpret_cast<const std::uint32_t*>(data + static_cast<size_t>(y) * stride + static_cast<size_t>(x) * 4);
      const unsigned a = v >> 24, r = (v >> 16) & 255u, g = (v >> 8) & 255u, b = v & 255u;
      std::uint8_t* p = &out.rgba[(static_cast<size_t>(y) * width_ + x) * 4];
      auto straight = [a](unsigned c) { return static_cast<std::uint8_t>(a == 0 ? 0 : std::min(255u, (c * 255u + a / 2u) / a)); };
      p[0] = straight(r), p[1] = straight(g), p[2] = straight(b), p[3] = static_cast<std::uint8_t>(a);
    }
  return out;
}

std::string Canvas::finish() {
  if (c_->format == Format::Image) throw std::logic_error("Canvas::finish: an image canvas has no document");
  cairo_show_page(c_->cr);
  cairo_surface_finish(c_->surface);
  if (cairo_surface_status(c_->surface) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("the drawing could not be written");
  return std::move(c_->bytes);
}

}  // namespace mv::app
