#pragma once
#include <optional>
#include <string>

#include <glm/vec2.hpp>

#include "canvas.hpp"
#include "case/case_model.hpp"

namespace mv::app {

// The Mohs map of one stage as drawn in clinic (docs/sources.md §3): a clock face with 12 at the top
// (toward the head), blocks as labelled wedges with their ink, the peripheral result in the outer
// ring and the deep result in the inner disc. A medicolegal record: the header names the case,
// the stage, its date and the orientation.
struct MohsMapLayout {
  int width = 900, height = 1040;
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
};

struct MapRequest {
  const Case* c = nullptr;
  int stage = 0;                   // index into c->mohs->stages
  std::optional<double> depth_mm;  // the stage's resolved depth, shown beside its plane
  int highlight_block = -1;        // drawn with a white outline (GUI hover)
};

Canvas draw_mohs_map(const MapRequest& request, const MohsMapLayout& layout = {});

// Colours of results, shared with the 3D view's markers.
Rgba result_colour(MarginResult r);
Rgba ink_colour(const std::optional<std::string>& ink);

}  // namespace mv::app
