// Checks a GUI screenshot shows what a user should see, from its pixels: the 3D view is not just
// the background gradient (the body is drawn), and the sidebar holds text (its panel titles).
// Usage: gui_screen_check SCREENSHOT.png   (exit 0 when both hold; says what is missing otherwise)
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "image.hpp"
#include "palette.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: gui_screen_check SCREENSHOT.png\n"), 2;
  try {
    const mv::render::Image img = mv::render::read_png(argv[1]);
    auto at = [&](int x, int y, int c) { return static_cast<int>(img.rgba[(static_cast<size_t>(y) * img.width + x) * 4 + c]); };
    // The 3D view: the right third of the window, between the menu and the status bar. A pixel
    // is background when it lies within 40 levels of the gradient's colour somewhere in between.
    const auto& top = mv::app::palette::kBackgroundTop;
    const auto& bottom = mv::app::palette::kBackgroundBottom;
    long scene = 0, view = 0;
    for (int y = img.height / 10; y < img.height * 9 / 10; y += 2)
      for (int x = img.width * 2 / 3; x < img.width; x += 2) {
        ++view;
        bool background = false;
        for (double t = 0.0; t <= 1.0 && !background; t += 0.05) {
          int worst = 0;
          for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(at(x, y, c) - static_cast<int>(255.0 * (bottom[c] + t * (top[c] - bottom[c])))));
          background = worst < 40;
        }
        scene += !background;
      }
    // The sidebar: the left quarter, where ImGui draws white text on a dark panel.
    long text = 0;
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width / 4; ++x) text += at(x, y, 0) > 200 && at(x, y, 1) > 200 && at(x, y, 2) > 200;
    const double scene_share = static_cast<double>(scene) / static_cast<double>(view);
    std::printf("3D view: %.1f%% of its pixels are not background; sidebar: %ld text pixels\n", 100.0 * scene_share, text);
    bool ok = true;
    if (scene_share < 0.10) ok = false, std::fprintf(stderr, "the 3D view shows only its background\n");
    if (text < 500) ok = false, std::fprintf(stderr, "the sidebar shows no text\n");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gui_screen_check: %s\n", e.what());
    return 2;
  }
}
