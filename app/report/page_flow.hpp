#pragma once
// Pieces of a document laid down the pages in order: a piece is never split; one that does not fit
// starts the next page, and a heading moves with the piece after it. The page count is known
// before anything is drawn, so each footer can say "page 3 of 7".
#include <functional>
#include <vector>

#include "canvas.hpp"

namespace mv::app {

struct PageGeometry {
  float width = 1000.0f, height = 1414.0f;  // A4 in drawing units (1 unit = 0.21 mm)
  float left = 70.0f, right = 70.0f, top = 70.0f, bottom = 100.0f;
  float content_width() const { return width - left - right; }
};

class PageFlow {
 public:
  using Draw = std::function<void(Canvas&, float top)>;  // draws the piece with its top at `top`
  explicit PageFlow(PageGeometry geometry) : g_(geometry) {}
  const PageGeometry& geometry() const { return g_; }
  // A piece `height` units tall; with `keep_with_next`, it starts a page rather than end one.
  void add(float height, Draw draw, bool keep_with_next = false);
  void space(float height) {
    add(height, [](Canvas&, float) {});
  }
  void page_break();
  // Where each piece lands; the number of pages.
  int pages() const;
  // Draws every page (Canvas::new_page between them) and each one's footer.
  void draw(Canvas& canvas, const std::function<void(Canvas&, int page, int pages)>& footer) const;

 private:
  struct Piece {
    float height = 0.0f;
    Draw draw;
    bool keep_with_next = false, page_break = false;
  };
  struct Place {
    int page = 0;
    float top = 0.0f;
  };
  std::vector<Place> places() const;
  PageGeometry g_;
  std::vector<Piece> pieces_;
};

}  // namespace mv::app
