#include "work_keeper.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <imgui.h>

namespace mv::app {

WorkKeeper::WorkKeeper(const std::filesystem::path& dir, const FileSystemCalls* calls) : saver_(dir, calls) {
  if (const char* env = std::getenv("MARGINVIZ_AUTOSAVE_SECONDS"); env && std::atof(env) > 0.0) interval_s_ = std::atof(env);
  std::vector<std::string> unreadable;
  offer_ = find_recoverable(dir, &unreadable);
  for (const auto& u : unreadable) std::cerr << "marginviz: an autosave could not be read and was left in place: " << u << "\n";
  for (const auto& w : offer_)
    std::cerr << "marginviz: found unsaved work for " << w.case_path.string() << " (autosaved " << w.written_at << ") — offering to recover it\n";
  open_offer_ = !offer_.empty();
}

WorkKeeper::~WorkKeeper() {
  if (writing_.valid()) writing_.wait();
}

void WorkKeeper::finish_write() {
  if (!writing_.valid()) return;
  try {
    writing_.get();
    saved_revision_ = writing_revision_;
    have_autosave_ = true;
    problem_.clear();
  } catch (const std::exception& e) {
    problem_ = std::string("Autosave failed: ") + e.what();
  }
}

void WorkKeeper::tick(const CaseDocument& doc, double now_s) {
  if (writing_.valid()) {
    if (writing_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    finish_write();
  }
  if (!doc.dirty()) {
    if (have_autosave_) saver_.discard(), have_autosave_ = false;
    return;
  }
  if ((have_autosave_ && doc.revision() == saved_revision_) || now_s - last_write_s_ < interval_s_) return;
  last_write_s_ = now_s;  // on failure too: retry at the next interval, not every frame
  writing_revision_ = doc.revision();
  try {
    writing_ = std::async(std::launch::async, [this, work = doc.working(), path = doc.path()] { saver_.write(work, path); });
  } catch (const std::exception& e) {  // no thread to be had (or no memory for the copy): the app goes on
    problem_ = std::string("Autosave failed: ") + e.what();
  }
}

std::string WorkKeeper::keep_now(const CaseDocument& doc) {
  finish_write();
  try {
    saver_.write(doc.working(), doc.path());
    saved_revision_ = doc.revision();
    have_autosave_ = true;
    return saver_.file().string();
  } catch (const std::exception& e) {
    problem_ = std::string("Autosave failed: ") + e.what();
    return {};
  }
}

void WorkKeeper::discard() {
  finish_write();
  saver_.discard();
  have_autosave_ = false;
}

void WorkKeeper::draw_offer(float scale, const std::function<void(RecoverableWork&)>& recover) {
  if (offer_.empty()) return;
  if (open_offer_) ImGui::OpenPopup("Recover unsaved work?"), open_offer_ = false;
  if (!ImGui::BeginPopupModal("Recover unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  RecoverableWork& w = offer_.front();
  ImGui::PushTextWrapPos(620.0f * scale);
  ImGui::TextWrapped("marginviz stopped without saving changes to %s (case %s).", w.case_path.string().c_str(), w.work.case_id.c_str());
  ImGui::TextWrapped("Autosaved %s. Recovering opens them as unsaved changes; your file on disk stays as it is until you save.",
                     w.written_at.c_str());
  if (offer_.size() > 1) ImGui::TextWrapped("%zu more autosaves are waiting after this one.", offer_.size() - 1);
  ImGui::PopTextWrapPos();
  auto next = [&] {
    offer_.erase(offer_.begin());
    ImGui::CloseCurrentPopup();
    open_offer_ = !offer_.empty();
  };
  if (ImGui::Button("Recover")) {
    try {
      finish_write();
      recover(w);                   // first: should it fail, the record stays where it was
      saver_.adopt(w.record_file);  // the recovered work stays autosaved until it is saved
      have_autosave_ = true;
    } catch (const std::exception& e) {
      problem_ = e.what();
    }
    offer_.clear();  // one document at a time: the others stay on disk for the next start
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard it")) {
    std::error_code ec;
    std::filesystem::remove(w.record_file, ec);
    next();
  }
  ImGui::SameLine();
  if (ImGui::Button("Decide next time")) {
    offer_.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace mv::app
