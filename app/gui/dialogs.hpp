#pragma once
// The desktop app's dialogs and the flows behind them: open (the browser, a recent or bundled
// file), save and save as, importing a surface scan, the unsaved-changes question before an open
// or a quit, the recovery offer, and the message box. Unsaved work is asked about before it could
// be lost; a failed open or save leaves the case and the file as they were, and says why.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "file_browser.hpp"
#include "gui_state.hpp"
#include "scan_loader.hpp"
#include "settings_store.hpp"
#include "work_keeper.hpp"

namespace mv::app {

class Dialogs {
 public:
  // Opens a case file, returning why it could not ("" on success).
  using OpenCase = std::function<std::string(const std::filesystem::path&)>;
  Dialogs(GuiState& state, Settings& settings, WorkKeeper& keeper, const ScanLoader& scan, OpenCase open)
      : state_(state), settings_(settings), keeper_(keeper), scan_(scan), open_(std::move(open)) {}

  // Open with the browser, or a given file; unsaved work is asked about first.
  void request_open(std::optional<std::filesystem::path> file = std::nullopt);
  void show_save_as();
  void save(const std::filesystem::path& path);
  void import_scan() { scan_popup_ = true; }
  // Whether the app may close now; if not (unsaved work), the question is asked and a quit follows
  // the answer.
  bool may_close();
  bool quit_confirmed() const { return quit_now_; }
  // The message box (a failure, a refusal): shown until the user dismisses it.
  void say(std::string message) { message_ = std::move(message); }
  const std::string& message() const { return message_; }

  void draw(float scale);

 private:
  enum class Pending { None, Open, Quit };
  void open_or_say_why(const std::filesystem::path& file);
  void continue_pending();
  void draw_scan_import(float scale);
  void draw_unsaved_changes();
  void draw_message(float scale);
  std::filesystem::path browse_folder() const;

  GuiState& state_;
  Settings& settings_;
  WorkKeeper& keeper_;
  const ScanLoader& scan_;
  OpenCase open_;
  std::string message_;
  Pending pending_ = Pending::None;
  std::optional<std::filesystem::path> pending_file_;  // a file to open once unsaved work is dealt with
  bool confirm_discard_ = false, quit_now_ = false;
  FileBrowser browser_;
  enum class BrowserPurpose { Open, SaveAs } browser_purpose_ = BrowserPurpose::Open;
  bool browser_request_ = false;
  bool scan_popup_ = false;
  std::string scan_path_;
  int scan_unit_ = 0;
};

}  // namespace mv::app
