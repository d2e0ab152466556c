#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace mv::app {

// What the desktop app remembers between runs. Read once at start; a missing or unreadable file
// gives the defaults (never an error: settings are a convenience), written durably on change.
struct Settings {
  int window_w = 0, window_h = 0;  // 0: fit the monitor's work area
  float sidebar_width = 430.0f;    // in window units at scale 1
  bool sidebar_shown = true;
  std::vector<std::filesystem::path> recent;  // most recent first
  std::filesystem::path last_folder;          // where the file browser opens

  static constexpr size_t kRecent = 8;
  void add_recent(const std::filesystem::path& case_file);  // also sets last_folder
};

Settings load_settings(const std::filesystem::path& file);
// Returns an error message, empty on success.
std::string save_settings(const Settings& s, const std::filesystem::path& file);

}  // namespace mv::app
