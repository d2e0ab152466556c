#pragma once
// An animated GIF (giflib) from frames of one size: each frame quantised to its own 256-colour
// table (giflib's median cut), shown for `delay_cs` hundredths of a second, looping forever.
#include <string>
#include <vector>

#include "image.hpp"

namespace mv::app {

std::string encode_gif(const std::vector<render::Image>& frames, int delay_cs);

}  // namespace mv::app
