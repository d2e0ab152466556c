#pragma once
// Renders, screenshots and Mohs maps are saved like case files (mesh/common/file_io.hpp): temporary file,
// fsync, rename, so an interrupted save never leaves half a PNG nor harms the previous one. No
// .bak: an image is an output, rewritten at will.
#include <filesystem>

#include "common/file_io.hpp"
#include "image.hpp"

namespace mv::app {

inline void save_png(const render::Image& image, const std::filesystem::path& path) {
  replace_file_durably(path, render::encode_png(image), {.keep_backup = false});
}

}  // namespace mv::app
