#include "gui_app.hpp"

#include <iostream>

namespace mv::app {
int run_gui(const std::filesystem::path& case_path) {
  std::cerr << "GUI not built yet\n";
  return 1;
}
}  // namespace mv::app
