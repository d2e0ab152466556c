#include "settings_store.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/file_io.hpp"

namespace mv::app {

void Settings::add_recent(const std::filesystem::path& case_file) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(case_file, ec);
  if (ec) p = case_file;
  recent.erase(std::remove(recent.begin(), recent.end(), p), recent.end());
  recent.insert(recent.begin(), p);
  if (recent.size() > kRecent) recent.resize(kRecent);
  last_folder = p.parent_path();
}

Settings load_settings(const std::filesystem::path& file) {
  Settings s;
  try {
    const auto j = nlohmann::json::parse(read_file_capped(file, 1 << 20));
    s.window_w = std::clamp(j.value("window_w", 0), 0, 16384);
    s.window_h = std::clamp(j.value("window_h", 0), 0, 16384);
    s.sidebar_width = std::clamp(j.value("sidebar_width", 430.0f), 280.0f, 900.0f);
    s.sidebar_shown = j.value("sidebar_shown", true);
    for (const auto& r : j.value("recent", nlohmann::json::array()))
      if (r.is_string() && s.recent.size() < Settings::kRecent) s.recent.emplace_back(r.get<std::string>());
    s.last_folder = j.value("last_folder", std::string());
  } catch (const std::exception&) {
    // Missing, unreadable or malformed: the defaults.
  }
  return s;
}

std::string save_settings(const Settings& s, const std::filesystem::path& file) {
  nlohmann::json j = {{"window_w", s.window_w},
                      {"window_h", s.window_h},
                      {"sidebar_width", s.sidebar_width},
                      {"sidebar_shown", s.sidebar_shown},
                      {"last_folder", s.last_folder.string()},
                      {"recent", nlohmann::json::array()}};
  for (const auto& r : s.recent) j["recent"].push_back(r.string());
  try {
    std::filesystem::create_directories(file.parent_path());
    replace_file_durably(file, j.dump(2) + "\n", {false});
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace mv::app
