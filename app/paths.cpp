#include "paths.hpp"

#include <cstdlib>

namespace mv::app {

std::filesystem::path asset_dir() {
  if (const char* env = std::getenv("MARGINVIZ_ASSETS"); env && *env) return env;
  return MARGINVIZ_ASSET_DIR;
}

std::filesystem::path anatomy_dir() { return asset_dir() / "anatomy"; }

std::filesystem::path demo_case_path() { return asset_dir() / "cases" / "han2009-abdomen.json"; }

std::filesystem::path font_file() {
  if (const char* env = std::getenv("MARGINVIZ_FONT"); env && *env) return env;
  return MARGINVIZ_FONT_FILE;
}

std::filesystem::path autosave_dir() {
  if (const char* env = std::getenv("XDG_STATE_HOME"); env && *env) return std::filesystem::path(env) / "marginviz" / "autosave";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : "/tmp") / ".local" / "state" / "marginviz" / "autosave";
}

std::filesystem::path settings_file() {
  if (const char* env = std::getenv("XDG_CONFIG_HOME"); env && *env) return std::filesystem::path(env) / "marginviz" / "settings.json";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : "/tmp") / ".config" / "marginviz" / "settings.json";
}

}  // namespace mv::app
