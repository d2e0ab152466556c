#include "document_sync.hpp"

#include "case/case_io.hpp"
#include "paths.hpp"

namespace mv::app {

std::string DocumentSync::open_case(const std::filesystem::path& path) {
  CaseDocument candidate;
  if (const auto problems = candidate.open(path); !problems.empty()) return format_issues(problems);
  try {
    state_.session.set_case(candidate.working());
  } catch (const std::exception& e) {
    return e.what();
  }
  state_.doc = std::move(candidate);
  applied_revision_ = state_.doc.revision();
  state_.time = state_.session.time();
  state_.case_replaced();
  sync_plan(state_);
  refresh_metrics();
  reset_camera(state_);
  return {};
}

void DocumentSync::apply_edits() {
  if (edits_waiting()) {
    // A new surface scan is read on a worker thread with a progress bar; the view stays live and
    // edits wait. Once read, the case is shown from the library's cache.
    const Case& doc = state_.doc.working();
    const auto& have = state_.session.has_case() ? state_.session.current_case().anatomy : std::optional<UserAnatomy>{};
    const bool new_scan = doc.anatomy && (!have || have->mesh != doc.anatomy->mesh || have->unit != doc.anatomy->unit);
    if (new_scan) {
      if (!scan_loader_.running()) {
        scan_loader_.start([this, path = scan_path(doc), unit = doc.anatomy->unit, site = doc.site, t = tissue_of(doc)](const auto& progress) {
          library_.get_scan(site, path, unit, t, progress);
        });
      }
      if (!scan_loader_.finished()) return;
      try {
        scan_loader_.take();
      } catch (const std::exception& e) {
        state_.geometry_problem = std::string("anatomy.mesh: ") + e.what();
        applied_revision_ = state_.doc.revision();
        return;
      }
    }
    applied_revision_ = state_.doc.revision();
    take_valid_case();
  }
  if (state_.time_changed) {
    state_.time_changed = false;
    state_.session.set_time(state_.time);
  }
  if (state_.camera_reset_requested) {
    state_.camera_reset_requested = false;
    reset_camera(state_);
  }
}

// The last valid state stays on screen while the document has errors.
void DocumentSync::take_valid_case() {
  if (has_errors(state_.doc.issues())) {
    state_.geometry_problem = "Showing the last valid state: fix the errors marked in red.";
    state_.metrics.reset();
    return;
  }
  const Site before = state_.session.current_case().site;
  try {
    state_.session.set_case(state_.doc.working());
    state_.time = state_.session.time();
    sync_plan(state_);
    state_.geometry_problem.clear();
    refresh_metrics();
    if (before != state_.session.current_case().site) state_.camera_reset_requested = true;
  } catch (const std::exception& e) {
    state_.geometry_problem = e.what();
  }
}

void DocumentSync::refresh_metrics() {
  try {
    state_.metrics = metrics_of(state_.session.current_case(), state_.session.measurement_solids());
  } catch (const std::exception&) {
    state_.metrics.reset();
  }
}

void reset_camera(GuiState& s) {
  // Counselling shows before and after side by side: frame the first (largest) measurement.
  if (s.counselling && s.session.current_case().measurements.size() > 1 && s.view.mode != ViewMode::Body) {
    const TimePoint shown = s.session.time();
    s.session.set_time({size_t{0}, 1.0});
    s.camera.reset(default_camera(s.session, s.view));
    s.session.set_time(shown);
  } else {
    s.camera.reset(default_camera(s.session, s.view));
  }
  s.camera.keep_outside(s.view.mode == ViewMode::ThreeD ? glm::vec3(s.session.frame().normal) : glm::vec3(0.0f));
}

}  // namespace mv::app
