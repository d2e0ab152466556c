#include "file_browser.hpp"

#include <algorithm>

#include <imgui.h>
#include "gui_colours.hpp"
#include <imgui_stdlib.h>

namespace mv::app {

std::vector<FileBrowser::Entry> FileBrowser::list(const std::filesystem::path& folder) {
  std::vector<Entry> folders, files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) folders.push_back({name, true});
    else if (it->path().extension() == ".json")
      files.push_back({name, false});
  }
  auto by_name = [](const Entry& a, const Entry& b) { return a.name < b.name; };
  std::sort(folders.begin(), folders.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  folders.insert(folders.end(), files.begin(), files.end());
  return folders;
}

std::filesystem::path FileBrowser::save_target(const std::filesystem::path& folder, const std::string& name) {
  std::filesystem::path p = folder / name;
  if (!p.has_extension()) p += ".json";
  return p;
}

void FileBrowser::go(std::filesystem::path folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) folder = std::filesystem::current_path(ec);
  folder_ = std::filesystem::absolute(folder, ec).lexically_normal();
  entries_ = list(folder_);
}

void FileBrowser::show(Mode mode, std::filesystem::path folder, const std::filesystem::path& bundled_cases, std::string file_name) {
  mode_ = mode;
  bundled_ = bundled_cases;
  bundled_entries_ = list(bundled_cases);
  show_ = true;
  name_ = std::move(file_name);
  problem_.clear();
  go(std::move(folder));
  ImGui::OpenPopup("Case file");
}

std::optional<std::filesystem::path> FileBrowser::draw(const Settings& settings, float scale) {
  if (!show_) return std::nullopt;
  std::optional<std::filesystem::path> chosen;
  ImGui::SetNextWindowSize(ImVec2(760.0f * scale, 520.0f * scale), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Case file", &show_)) return std::nullopt;
  ImGui::TextUnformatted(mode_ == Mode::Open ? "Open a case file (.json)" : "Save the case as (.json)");
  // Left: places. Right: the folder's contents.
  ImGui::BeginChild("places", ImVec2(230.0f * scale, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
  ImGui::TextDisabled("Bundled cases");
  for (const auto& e : bundled_entries_)
    if (!e.folder && ImGui::Selectable((e.name + "##bundled").c_str())) {
      if (mode_ == Mode::Open) chosen = bundled_ / e.name;
      else
        go(bundled_), name_ = e.name;
    }
  ImGui::Separator();
  ImGui::TextDisabled("Recent");
  if (settings.recent.empty()) ImGui::TextDisabled("  (none yet)");
  for (size_t i = 0; i < settings.recent.size(); ++i) {
    const auto& r = settings.recent[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(r.filename().string().c_str())) {
      if (mode_ == Mode::Open) chosen = r;
      else
        go(r.parent_path()), name_ = r.filename().string();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.string().c_str());
    ImGui::PopID();
  }
  ImGui::Separator();
  const char* home = std::getenv("HOME");
  if (home && ImGui::Selectable("Home folder")) go(home);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("folder", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
  ImGui::TextWrapped("%s", folder_.string().c_str());
  if (folder_.has_parent_path() && folder_ != folder_.root_path() && ImGui::Selectable(".. (up)")) go(folder_.parent_path());
  std::optional<std::filesystem::path> next_folder;
  for (const auto& e : entries_) {
    const std::string shown = e.folder ? e.name + "/" : e.name;
    if (ImGui::Selectable(shown.c_str(), !e.folder && e.name == name_, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.folder) next_folder = folder_ / e.name;
      else {
        name_ = e.name;
        if (mode_ == Mode::Open && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = folder_ / e.name;
      }
    }
  }
  if (entries_.empty()) ImGui::TextDisabled("(no folders or .json files here)");
  ImGui::EndChild();
  if (next_folder) go(*next_folder);
  ImGui::SetNextItemWidth(-200.0f * scale);
  const bool enter = ImGui::InputText("file name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
  const std::filesystem::path target = save_target(folder_, name_);
  std::error_code ec;
  if (mode_ == Mode::Save && !name_.empty() && std::filesystem::exists(target, ec))
    ImGui::TextColored(im_colour(palette::kNote), "%s exists: saving replaces it (its previous version is kept as .bak).",
                       target.filename().string().c_str());
  else if (!problem_.empty())
    ImGui::TextColored(im_colour(palette::kProblem), "%s", problem_.c_str());
  else
    ImGui::NewLine();
  if ((ImGui::Button(mode_ == Mode::Open ? "Open" : "Save") || enter) && !name_.empty()) {
    if (mode_ == Mode::Open && !std::filesystem::is_regular_file(folder_ / name_, ec)) problem_ = "No file " + name_ + " in this folder.";
    else
      chosen = mode_ == Mode::Open ? folder_ / name_ : target;
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) show_ = false;
  if (chosen) show_ = false;
  if (!show_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return chosen;
}

}  // namespace mv::app
