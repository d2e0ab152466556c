#pragma once
#include <filesystem>

namespace mv::app {

// Runs the desktop app on `case_path` until the window closes; returns the exit code.
int run_gui(const std::filesystem::path& case_path);

}  // namespace mv::app
