#pragma once
#include <string>

namespace mv::shaders {
// GLSL text of a file in shaders/, embedded at build time; throws if no such file.
const char* source(const std::string& file_name);
}  // namespace mv::shaders
