#pragma once
// Where the view's texts go, so that they never cover each other: corner blocks stack, and a label
// gives way to the labels placed before it. Pure geometry in pixels (top-left origin, y down), so
// tests can check it without OpenGL.
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

#include "scene.hpp"

namespace mv::render {

struct TextBox {
  glm::vec2 min, max;
  bool overlaps(const TextBox& o) const { return min.x < o.max.x && max.x > o.min.x && min.y < o.max.y && max.y > o.min.y; }
};

// Top-left corner of each block (`sizes`, padding included) in `corners`: blocks in one corner
// stack away from it, `gap` apart, `margin` from the view's edges.
std::vector<glm::vec2> stack_corner_blocks(const std::vector<Corner>& corners, const std::vector<glm::vec2>& sizes, glm::vec2 viewport, float margin,
                                           float gap);

// Each label's box where it can go: where wanted, or moved down by its height, up to twice, until
// it covers no label placed before it; nullopt (left out) if it still would.
std::vector<std::optional<TextBox>> place_labels(const std::vector<TextBox>& wanted);

}  // namespace mv::render
