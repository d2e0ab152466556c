#include "report/page_flow.hpp"

#include <algorithm>

namespace mv::app {

void PageFlow::add(float height, Draw draw, bool keep_with_next) { pieces_.push_back({height, std::move(draw), keep_with_next, false}); }

void PageFlow::page_break() { pieces_.push_back({0.0f, {}, false, true}); }

std::vector<PageFlow::Place> PageFlow::places() const {
  std::vector<Place> out(pieces_.size());
  const float bottom = g_.height - g_.bottom;
  int page = 0;
  float y = g_.top;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    const Piece& p = pieces_[i];
    if (p.page_break) {
      if (y > g_.top) ++page, y = g_.top;
      out[i] = {page, y};
      continue;
    }
    if (!p.draw && y == g_.top) {  // no space at the top of a page
      out[i] = {page, y};
      continue;
    }
    // A heading needs room for itself and what it heads: the run of pieces kept with the next, and that one.
    float needed = p.height;
    for (size_t j = i; pieces_[j].keep_with_next && j + 1 < pieces_.size() && !pieces_[j + 1].page_break; ++j) needed += pieces_[j + 1].height;
    if (y > g_.top && y + std::min(needed, bottom - g_.top) > bottom) ++page, y = g_.top;
    out[i] = {page, y};
    y += p.height;
  }
  return out;
}

int PageFlow::pages() const {
  const auto at = places();
  return at.empty() ? 1 : at.back().page + 1;
}

void PageFlow::draw(Canvas& canvas, const std::function<void(Canvas&, int page, int pages)>& footer) const {
  const auto at = places();
  const int total = pages();
  int page = 0;
  for (size_t i = 0; i < pieces_.size(); ++i) {
    while (at[i].page > page) {
      footer(canvas, page + 1, total);
      canvas.new_page();
      ++page;
    }
    if (pieces_[i].draw) pieces_[i].draw(canvas, at[i].top);
  }
  footer(canvas, page + 1, total);
}

}  // namespace mv::app
