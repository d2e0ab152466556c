#include "text_layout.hpp"

namespace mv::render {

std::vector<glm::vec2> stack_corner_blocks(const std::vector<Corner>& corners, const std::vector<glm::vec2>& sizes, glm::vec2 viewport, float margin,
                                           float gap) {
  float used[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  std::vector<glm::vec2> out;
  for (size_t i = 0; i < corners.size(); ++i) {
    const Corner c = corners[i];
    const glm::vec2 s = sizes[i];
    const bool right = c == Corner::TopRight || c == Corner::BottomRight;
    const bool bottom = c == Corner::BottomLeft || c == Corner::BottomRight;
    float& offset = used[static_cast<int>(c)];
    out.push_back({right ? viewport.x - margin - s.x : margin, bottom ? viewport.y - margin - s.y - offset : margin + offset});
    offset += s.y + gap;
  }
  return out;
}

std::vector<std::optional<TextBox>> place_labels(const std::vector<TextBox>& wanted) {
  std::vector<std::optional<TextBox>> out;
  std::vector<TextBox> placed;
  for (TextBox b : wanted) {
    const float h = b.max.y - b.min.y;
    auto covers = [&](const TextBox& t) {
      for (const auto& p : placed)
        if (t.overlaps(p)) return true;
      return false;
    };
    int moves = 0;
    while (covers(b) && moves < 3) b.min.y += h, b.max.y += h, ++moves;
    if (moves == 3) {
      out.push_back(std::nullopt);
      continue;
    }
    placed.push_back(b);
    out.push_back(b);
  }
  return out;
}

}  // namespace mv::render
