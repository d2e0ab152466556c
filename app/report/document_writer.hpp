#pragma once
// A document laid out as pieces down A4 pages (PageFlow), measured with the canvas they are drawn
// on: headings, paragraphs, boxed notes, tables, key-value pairs, clock-hour grids, pictures and
// Mohs maps. The case report and the patient's handout are both written with it.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "canvas.hpp"
#include "mohs_map.hpp"
#include "palette.hpp"
#include "report/page_flow.hpp"
#include "report/report_figures.hpp"

namespace mv::app {

// The documents' type sizes (drawing units, 1 = 0.21 mm) and their few colours beside the map's ink.
using palette::map::kGrey, palette::map::kInk;
inline constexpr Rgba kWhite{1.0f, 1.0f, 1.0f, 1.0f}, kRule{0.78f, 0.78f, 0.8f, 1.0f}, kBand{0.95f, 0.95f, 0.93f, 1.0f};
inline constexpr Rgba kWarn{0.62f, 0.2f, 0.08f, 1.0f};
inline constexpr float kTitle = 34.0f, kHeading = 25.0f, kSub = 20.0f, kBody = 17.0f, kSmall = 14.5f;

// The document as pieces on a page flow, measured with the canvas they will be drawn on.
class DocumentWriter {
 public:
  explicit DocumentWriter(Canvas& canvas) : cv_(canvas), flow_(PageGeometry{}) {}
  Canvas& canvas() { return cv_; }
  PageFlow& flow() { return flow_; }
  float left() const { return flow_.geometry().left; }
  float width() const { return flow_.geometry().content_width(); }

  void heading(const std::string& text) {
    flow_.space(18.0f);
    const float h = cv_.paragraph_height(text, width(), kHeading, true) + 10.0f;
    flow_.add(
        h + 8.0f,
        [=, this](Canvas& cv, float top) {
          cv.paragraph(text, {left(), top}, width(), kHeading, kInk, true);
          cv.stroke({{left(), top + h - 4.0f}, {left() + width(), top + h - 4.0f}}, 1.2f, kRule);
        },
        true);
  }
  void subheading(const std::string& text) {
    flow_.space(8.0f);
    const float h = cv_.paragraph_height(text, width(), kSub, true) + 6.0f;
    flow_.add(
        h,
        [=, this](Canvas& cv, float top) {
          cv.paragraph(text, {left(), top}, width(), kSub, kInk, true);
        },
        true);
  }
  void paragraph(const std::string& text, float size = kBody, const Rgba& colour = kInk, bool bold = false) {
    const float h = cv_.paragraph_height(text, width(), size, bold) + 6.0f;
    flow_.add(h, [=, this](Canvas& cv, float top) { cv.paragraph(text, {left(), top}, width(), size, colour, bold); });
  }
  // A boxed note (the disclaimer, an illustrative case, a warning).
  void boxed(const std::string& text, const Rgba& colour) {
    const float pad = 12.0f, h = cv_.paragraph_height(text, width() - 2.0f * pad, kBody) + 2.0f * pad;
    flow_.add(h + 8.0f, [=, this](Canvas& cv, float top) {
      const std::vector<glm::vec2> box{{left(), top}, {left() + width(), top}, {left() + width(), top + h}, {left(), top + h}};
      cv.fill_polygon(box, kBand);
      cv.stroke(box, 1.5f, colour, true);
      cv.paragraph(text, {left() + pad, top + pad}, width() - 2.0f * pad, kBody, colour);
    });
  }
  // Rows of cells under column headings; `widths` are fractions of the content width.
  void table(const std::vector<std::string>& heads, const std::vector<std::vector<std::string>>& rows, const std::vector<float>& widths) {
    auto row_piece = [&](const std::vector<std::string>& cells, bool head) {
      float h = 0.0f;
      for (size_t k = 0; k < cells.size(); ++k) h = std::max(h, cv_.paragraph_height(cells[k], widths[k] * width() - 8.0f, kBody, head));
      h += 8.0f;
      flow_.add(
          h,
          [=, this](Canvas& cv, float top) {
            float x = left();
            for (size_t k = 0; k < cells.size(); ++k) {
              cv.paragraph(cells[k], {x, top + 3.0f}, widths[k] * width() - 8.0f, kBody, head ? kGrey : kInk, head);
              x += widths[k] * width();
            }
            cv.stroke({{left(), top + h}, {left() + width(), top + h}}, head ? 1.2f : 0.6f, kRule);
          },
          head);
    };
    row_piece(heads, true);
    for (const auto& r : rows) row_piece(r, false);
    flow_.space(6.0f);
  }
  // Two columns: what, and its value.
  void pairs(const std::vector<std::pair<std::string, std::string>>& rows) {
    for (const auto& row : rows) {
      const std::string key = row.first, value = row.second;  // named copies: a lambda cannot capture a structured binding (clang 14)
      const float kw = 0.3f * width(), vw = width() - kw;
      const float h = std::max(cv_.paragraph_height(key, kw - 10.0f, kBody), cv_.paragraph_height(value, vw, kBody)) + 5.0f;
      flow_.add(h, [=, this](Canvas& cv, float top) {
        cv.paragraph(key, {left(), top}, kw - 10.0f, kBody, kGrey);
        cv.paragraph(value, {left() + kw, top}, vw, kBody, kInk);
      });
    }
    flow_.space(6.0f);
  }
  // Twelve clock hours across the page: one row of hours, then a row per series of values.
  void hour_grid(const std::vector<std::pair<std::string, std::vector<std::string>>>& series) {
    const float label_w = 0.22f * width(), cell = (width() - label_w) / 12.0f, row = 26.0f;
    const float h = row * static_cast<float>(series.size() + 1) + 6.0f;
    flow_.add(h, [=, this](Canvas& cv, float top) {
      cv.text("o'clock", {left(), top + 19.0f}, kBody, kGrey, Canvas::Align::Left, true);
      for (int hour = 1; hour <= 12; ++hour)
        cv.text(std::to_string(hour), {left() + label_w + cell * (static_cast<float>(hour) - 0.5f), top + 19.0f}, kBody, kGrey, Canvas::Align::Centre,
                true);
      for (size_t s = 0; s < series.size(); ++s) {
        const float base = top + row * static_cast<float>(s + 1) + 19.0f;
        cv.stroke({{left(), base - 19.0f}, {left() + width(), base - 19.0f}}, 0.6f, kRule);
        cv.text(series[s].first, {left(), base}, kBody, kInk);
        for (size_t k = 0; k < series[s].second.size() && k < 12; ++k)
          cv.text(series[s].second[k], {left() + label_w + cell * (static_cast<float>(k) + 0.5f), base}, kBody, kInk, Canvas::Align::Centre);
      }
    });
    flow_.space(6.0f);
  }
  // A picture 85% of the page's width (two fit a page), centred, with its caption.
  void figure(const ReportFigure& f) {
    const float w = 0.85f * width(), h = w * static_cast<float>(f.image.height) / static_cast<float>(std::max(1, f.image.width));
    const float x = left() + (width() - w) / 2.0f;
    const float caption = cv_.paragraph_height(f.caption, w, kSmall) + 8.0f;
    subheading(f.title);
    flow_.add(h + caption + 10.0f, [=](Canvas& cv, float top) {
      cv.image(f.image, {x, top}, {w, h});
      cv.stroke({{x, top}, {x + w, top}, {x + w, top + h}, {x, top + h}}, 1.0f, kRule, true);
      cv.paragraph(f.caption, {x, top + h + 6.0f}, w, kSmall, kGrey);
    });
  }
  // Pictures side by side at one height, each with its caption under it, the row as wide as the
  // text (or `max_height` tall, centred).
  void figure_row(const std::vector<ReportFigure>& figures, float max_height = 1e9f) {
    if (figures.empty()) return;
    const float gap = 16.0f;
    float aspects = 0.0f;
    for (const auto& f : figures) aspects += static_cast<float>(f.image.width) / static_cast<float>(std::max(1, f.image.height));
    const float h = std::min(max_height, (width() - gap * static_cast<float>(figures.size() - 1)) / aspects);
    const float row = h * aspects + gap * static_cast<float>(figures.size() - 1);
    float caption = 0.0f;
    for (const auto& f : figures)
      caption = std::max(
          caption,
          cv_.paragraph_height(f.caption, h * static_cast<float>(f.image.width) / static_cast<float>(std::max(1, f.image.height)), kBody) + 8.0f);
    flow_.add(h + caption + 12.0f, [=, this](Canvas& cv, float top) {
      float x = left() + (width() - row) / 2.0f;
      for (const auto& f : figures) {
        const float w = h * static_cast<float>(f.image.width) / static_cast<float>(std::max(1, f.image.height));
        cv.image(f.image, {x, top}, {w, h});
        cv.stroke({{x, top}, {x + w, top}, {x + w, top + h}, {x, top + h}}, 1.0f, kRule, true);
        cv.paragraph(f.caption, {x, top + h + 6.0f}, w, kBody, kInk);
        x += w + gap;
      }
    });
  }
  // 100 people in ten rows of ten, the first `filled` of them coloured: grouped, not scattered, so the
  // share is read at a glance (docs/sources.md §9).
  void icon_array(int filled, const Rgba& colour, const std::string& caption) {
    const float cell = 30.0f, size = 10.0f * cell, text = cv_.paragraph_height(caption, width() - size - 30.0f, kBody);
    flow_.add(std::max(size, text) + 14.0f, [=, this](Canvas& cv, float top) {
      for (int i = 0; i < 100; ++i) {
        const float cx = left() + cell * (static_cast<float>(i % 10) + 0.5f), cy = top + cell * (static_cast<float>(i / 10) + 0.5f);
        const Rgba& c = i < filled ? colour : kRule;
        std::vector<glm::vec2> head, body;
        for (int k = 0; k < 16; ++k) {
          const float a = 6.2831853f * static_cast<float>(k) / 16.0f;
          head.push_back({cx + 4.5f * std::cos(a), cy - 7.0f + 4.5f * std::sin(a)});
          body.push_back({cx + 8.0f * std::cos(a), cy + 7.0f + 6.5f * std::sin(a)});
        }
        cv.fill_polygon(head, c);
        cv.fill_polygon(body, c);
      }
      cv.paragraph(caption, {left() + size + 30.0f, top + 10.0f}, width() - size - 30.0f, kBody, kInk);
    });
  }

  // One stage's map with its block table, drawn as vectors (its text stays text), as large as fits
  // under the stage's heading and details.
  void map(const MapRequest& request) {
    const MohsMapLayout layout = MohsMapLayout::for_stage(request.c->mohs->stages.at(static_cast<size_t>(request.stage)));
    const float scale = std::min(0.9f * width() / static_cast<float>(layout.width), 960.0f / static_cast<float>(layout.height));
    const float w = static_cast<float>(layout.width) * scale, h = static_cast<float>(layout.height) * scale;
    flow_.add(h + 12.0f, [=, this](Canvas& cv, float top) {
      const float x = left() + (width() - w) / 2.0f;
      const std::vector<glm::vec2> paper{{x, top}, {x + w, top}, {x + w, top + h}, {x, top + h}};
      cv.fill_polygon(paper, palette::map::kPaper);
      cv.push_transform({x, top}, scale);
      draw_mohs_map_on(cv, request, layout);
      cv.pop_transform();
      cv.stroke(paper, 1.0f, kRule, true);
    });
  }

 private:
  Canvas& cv_;
  PageFlow flow_;
};

}  // namespace mv::app
