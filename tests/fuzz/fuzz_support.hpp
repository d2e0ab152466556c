#pragma once
// What the fuzz targets share: a scratch folder of their own for the files they write.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <stdlib.h>

namespace mv::fuzz {

inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "marginviz-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    return std::filesystem::path(tmpl);
  }();
  return dir;
}

}  // namespace mv::fuzz
