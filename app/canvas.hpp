#pragma once
#include <array>
#include <memory>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "image.hpp"

namespace mv::app {

using Rgba = std::array<float, 4>;

// A small anti-aliased 2D rasteriser for drawings that must look the same in the GUI, in PNG
// files and in tests, with no GPU: filled polygons, thick polylines and TrueType text.
class Canvas {
 public:
  Canvas(int width, int height, const Rgba& background, const std::filesystem::path& font_file);
  // How many times a font file was read from disk (each file once per process; for tests).
  static int font_reads();

  void fill_polygon(const std::vector<glm::vec2>& points, const Rgba& colour);
  void stroke(const std::vector<glm::vec2>& points, float width, const Rgba& colour, bool closed = false);
  enum class Align { Left, Centre, Right };
  // Draws one line of text with its baseline at `baseline`; returns its width in pixels.
  float text(const std::string& utf8, glm::vec2 baseline, float pixel_height, const Rgba& colour, Align align = Align::Left);

  const render::Image& image() const { return image_; }
  int width() const { return image_.width; }
  int height() const { return image_.height; }

 private:
  void blend(int x, int y, const Rgba& c, float coverage);
  render::Image image_;
  std::shared_ptr<const std::vector<unsigned char>> font_;  // shared by every canvas of the same file
};

}  // namespace mv::app
