#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "settings_store.hpp"

namespace mv::app {

// An in-app file browser for case files (the app has no toolkit dependency for a native dialog):
// folders to walk, .json files to pick, the bundled cases and the recent files one click away;
// for saving, a file name, with a note when it would replace a file.
class FileBrowser {
 public:
  enum class Mode { Open, Save };
  struct Entry {
    std::string name;
    bool folder = false;
  };
  // Folders first, then .json files, each sorted; hidden entries left out. Empty if unreadable.
  static std::vector<Entry> list(const std::filesystem::path& folder);
  // The path a Save names: `name` in `folder`, with ".json" added when it has no extension.
  static std::filesystem::path save_target(const std::filesystem::path& folder, const std::string& name);

  // `bundled_cases`: the folder of the cases that ship with the app, listed once per showing.
  void show(Mode mode, std::filesystem::path folder, const std::filesystem::path& bundled_cases, std::string file_name = {});
  // Draws the dialog while it is shown; returns the chosen file once, when the user confirms.
  std::optional<std::filesystem::path> draw(const Settings& settings, float scale);

 private:
  void go(std::filesystem::path folder);
  Mode mode_ = Mode::Open;
  bool show_ = false;
  std::filesystem::path folder_;
  std::vector<Entry> entries_;
  std::filesystem::path bundled_;
  std::vector<Entry> bundled_entries_;
  std::string name_;  // the file name typed or clicked
  std::string problem_;
};

}  // namespace mv::app
