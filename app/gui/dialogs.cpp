#include "dialogs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "paths.hpp"

namespace mv::app {

void Dialogs::request_open(std::optional<std::filesystem::path> file) {
  if (scan_.running()) {
    message_ = "A surface scan is being read: open another case when it is done.";
    return;
  }
  pending_ = Pending::Open;
  pending_file_ = std::move(file);
  if (state_.doc.dirty()) confirm_discard_ = true;
  else
    continue_pending();
}

void Dialogs::show_save_as() {
  browser_purpose_ = BrowserPurpose::SaveAs;
  browser_request_ = true;
}

bool Dialogs::may_close() {
  if (!state_.doc.dirty()) return true;
  pending_ = Pending::Quit;
  confirm_discard_ = true;
  return false;
}

// Says what happened: a .bak is mentioned only when there was a previous version to keep.
void Dialogs::save(const std::filesystem::path& path) {
  std::error_code ec;
  const bool replaced = std::filesystem::exists(path, ec);
  const std::string error = state_.doc.save_as(path);
  if (error.empty()) {
    state_.status = "Saved " + path.string() + (replaced ? " (the previous version is kept as " + path.filename().string() + ".bak)" : "");
    settings_.add_recent(path);
  } else {
    message_ = "Could not save " + path.string() + " — the file on disk is unchanged.\n" + error;
  }
}

void Dialogs::open_or_say_why(const std::filesystem::path& file) {
  if (const std::string why = open_(file); !why.empty()) message_ = "Could not open " + file.string() + " — the current case is unchanged.\n" + why;
}

void Dialogs::continue_pending() {
  if (pending_ == Pending::Open && pending_file_) {
    open_or_say_why(*std::exchange(pending_file_, std::nullopt));
  } else if (pending_ == Pending::Open) {
    browser_purpose_ = BrowserPurpose::Open;
    browser_request_ = true;
  }
  if (pending_ == Pending::Quit) quit_now_ = true;
  pending_ = Pending::None;
}

std::filesystem::path Dialogs::browse_folder() const {
  if (!state_.doc.path().empty()) return state_.doc.path().parent_path();
  return settings_.last_folder.empty() ? std::filesystem::current_path() : settings_.last_folder;
}

void Dialogs::draw(float scale) {
  keeper_.draw_offer(scale, [&](RecoverableWork& w) {
    state_.doc.recover(std::move(w.work), w.case_path);
    state_.case_replaced();
    state_.camera_reset_requested = true;
  });
  if (confirm_discard_) ImGui::OpenPopup("Unsaved changes"), confirm_discard_ = false;
  draw_scan_import(scale);
  if (!message_.empty()) ImGui::OpenPopup("marginviz");
  if (browser_request_) {
    browser_request_ = false;
    if (browser_purpose_ == BrowserPurpose::Open) browser_.show(FileBrowser::Mode::Open, browse_folder(), asset_dir() / "cases");
    else
      browser_.show(FileBrowser::Mode::Save, browse_folder(), asset_dir() / "cases", state_.doc.path().filename().string());
  }
  if (auto chosen = browser_.draw(settings_, scale)) {
    if (browser_purpose_ == BrowserPurpose::SaveAs) save(*chosen);
    else
      open_or_say_why(*chosen);
  }
  draw_unsaved_changes();
  draw_message(scale);
}

void Dialogs::draw_scan_import(float scale) {
  if (scan_popup_) ImGui::OpenPopup("Import surface scan"), scan_popup_ = false;
  if (!ImGui::BeginPopupModal("Import surface scan", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextWrapped("The patient's skin surface (OBJ, STL, PLY, glTF, GLB). Declare its unit: it is never guessed.");
  ImGui::SetNextItemWidth(560.0f * scale);
  ImGui::InputText("file", &scan_path_);
  ImGui::Combo("unit", &scan_unit_, "mm\0cm\0m\0");
  if (ImGui::Button("Import")) {
    Case& c = state_.doc.edit();
    c.anatomy = UserAnatomy{std::filesystem::absolute(scan_path_).string(), scan_unit_ == 0 ? "mm" : scan_unit_ == 1 ? "cm" : "m", {}};
    state_.doc.changed();
    state_.camera_reset_requested = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void Dialogs::draw_unsaved_changes() {
  if (!ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::Text("%s has unsaved changes.", state_.doc.working().case_id.c_str());
  if (ImGui::Button("Save")) {
    save(state_.doc.path());
    ImGui::CloseCurrentPopup();
    if (!state_.doc.dirty()) continue_pending();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard changes")) {
    ImGui::CloseCurrentPopup();
    continue_pending();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    pending_ = Pending::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void Dialogs::draw_message(float scale) {
  if (!ImGui::BeginPopupModal("marginviz", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::PushTextWrapPos(640.0f * scale);
  ImGui::TextUnformatted(message_.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button("OK")) {
    message_.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace mv::app
