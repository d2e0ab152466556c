#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <glm/vec2.hpp>

#include "canvas.hpp"
#include "case/case_model.hpp"

namespace mv::app {

// The Mohs map of one stage as drawn in clinic (docs/sources.md §3): a clock face with 12 at the top
// (toward the head), blocks as labelled wedges with their ink, the peripheral result in the outer
// ring and the deep result in the inner disc, and under it a table of the blocks. A medicolegal
// record: the header names the case, the stage, its date, its sections and the orientation.
struct MohsMapLayout {
  int width = 900, height = 1040;  // the height grows with the block table (for_stage)
  bool hour_numerals = true;       // (tests draw without them to show the golden catches it)
  glm::vec2 centre{450.0f, 560.0f};
  float radius = 330.0f;        // outer edge of the peripheral ring
  float inner_radius = 200.0f;  // the deep disc's edge
  // Which block (index) and which result (deep = inner disc) lies under a pixel, if any.
  struct Hit {
    int block = -1;
    bool deep = false;
  };
  Hit hit(const MohsStage& stage, glm::vec2 pixel) const;
  glm::vec2 at(double hour, float r) const;  // pixel of a clock position at radius r
  // The layout for a stage: tall enough for its block table.
  static MohsMapLayout for_stage(const MohsStage& stage);
  static constexpr float kTableTop = 1040.0f, kRowHeight = 30.0f;
};

struct MapRequest {
  const Case* c = nullptr;
  int stage = 0;                   // index into c->mohs->stages
  std::optional<double> depth_mm;  // the stage's resolved depth, shown beside its plane
  int highlight_block = -1;        // drawn with a white outline (GUI hover)
};

Canvas draw_mohs_map(const MapRequest& request, const MohsMapLayout& layout, Canvas::Format format = Canvas::Format::Image);
// The same drawing onto a canvas that has one already (the report's page, under its transform);
// the paper behind it is the caller's.
void draw_mohs_map_on(Canvas& canvas, const MapRequest& request, const MohsMapLayout& layout);
inline Canvas draw_mohs_map(const MapRequest& request) {
  return draw_mohs_map(request, MohsMapLayout::for_stage(request.c->mohs->stages.at(static_cast<size_t>(request.stage))));
}
// Writes the map to `file` as PNG, SVG or PDF, by its extension (replaced durably: a failed write
// leaves an existing file as it was). Throws with a message naming the extension otherwise.
// Returns the layout it was drawn at.
MohsMapLayout save_mohs_map(const MapRequest& request, const std::filesystem::path& file);

// Colours of results, shared with the 3D view's markers.
Rgba result_colour(MarginResult r);
Rgba ink_colour(const std::optional<std::string>& ink);

}  // namespace mv::app
