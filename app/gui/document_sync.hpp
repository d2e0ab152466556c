#pragma once
// Carries the document (what the panels edit) into what the view shows (the session's geometry):
// only edits that leave the case valid, after a new surface scan has been read on a worker.
#include <filesystem>
#include <string>

#include "gui_state.hpp"
#include "scan_loader.hpp"

namespace mv::app {

class DocumentSync {
 public:
  DocumentSync(GuiState& state, AnatomyLibrary& library) : state_(state), library_(library) {}
  // Opens a case file: on success the document, the session, the plan and the camera are the new
  // case's and "" is returned; otherwise nothing changes and the reason is returned.
  std::string open_case(const std::filesystem::path& path);
  // Brings the session up to the document, the timeline and a camera reset that panels asked for.
  // While a new scan is being read it returns at once (the view stays live, the edit waits).
  void apply_edits();
  // An edit the session has not taken yet (it is waiting for a scan, or for the next frame).
  bool edits_waiting() const { return state_.doc.revision() != applied_revision_; }
  const ScanLoader& scan() const { return scan_loader_; }

 private:
  void take_valid_case();
  void refresh_metrics();
  GuiState& state_;
  AnatomyLibrary& library_;
  ScanLoader scan_loader_;  // a surface scan being read
  unsigned applied_revision_ = 0;
};

// The current view's home: the section faces its cut; in 3D the orbit stays outside the skin.
void reset_camera(GuiState& s);

}  // namespace mv::app
