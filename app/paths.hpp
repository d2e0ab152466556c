#pragma once
#include <filesystem>

namespace mv::app {

// Bundled data: $MARGINVIZ_ASSETS if set, else the folder this build was configured with.
std::filesystem::path asset_dir();
std::filesystem::path anatomy_dir();
std::filesystem::path demo_case_path();
// TrueType font for labels and the GUI: $MARGINVIZ_FONT if set, else the configured one.
std::filesystem::path font_file();
// Where unsaved work is autosaved: $XDG_STATE_HOME/marginviz/autosave, else
// ~/.local/state/marginviz/autosave (never beside the user's own case file).
std::filesystem::path autosave_dir();
// The app's remembered settings (window size, sidebar, recent files):
// $XDG_CONFIG_HOME/marginviz/settings.json, else ~/.config/marginviz/settings.json.
std::filesystem::path settings_file();

}  // namespace mv::app
