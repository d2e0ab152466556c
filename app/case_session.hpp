#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "case/case_model.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "clinical/plan.hpp"
#include "anatomy/site_model.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv::app {

// Where a case's surface scan is: its path, from the case file's folder when relative.
std::filesystem::path scan_path(const Case& c);

// The geometry of one case at one moment: its anatomy, the lesion frame, the tumour solid at the
// chosen time and the first (pre-treatment) measurement's solid for the ghost. The GUI and every
// CLI command go through this one object, so what is shown, exported and reported agree.
class CaseSession {
 public:
  explicit CaseSession(AnatomyLibrary& library) : library_(library) {}

  // Takes a validated case and places it; throws PlacementError (the previous state is kept).
  void set_case(const Case& c);
  // The same on an anatomy built elsewhere (benchmarks, tests).
  void set_case_on(const Case& c, std::shared_ptr<const SiteModel> model);
  // Rebuilds the current solid for a measurement or a fraction of the timeline.
  void set_time(const TimePoint& t);

  bool has_case() const { return model_ != nullptr; }
  // Things to question about the case as shown (e.g. a scan whose size does not fit its unit).
  const std::vector<std::string>& notes() const { return notes_; }
  const Case& current_case() const { return case_; }
  const SiteModel& site_model() const { return *model_; }
  std::shared_ptr<const SiteModel> site_model_ptr() const { return model_; }
  // The whole body the site's region belongs to (the whole-body view).
  std::shared_ptr<const WholeBody> body() const { return library_.body(); }
  AnatomyLibrary& library() const { return library_; }
  const LesionFrame& frame() const { return frame_; }
  const TumourState& state() const { return state_; }
  const TumourSolid& tumour() const { return tumour_; }
  const TumourSolid& first_tumour() const { return solids_.front(); }
  // One solid per measurement, in order (what the metrics are computed from).
  const std::vector<TumourSolid>& measurement_solids() const { return solids_; }
  // The Mohs reconstruction through `stages` stages (all when absent); null without Mohs stages.
  const MohsReconstruction* mohs(std::optional<int> stages = std::nullopt);
  // The planned excision for `request` (recomputed only when the request or the case changes).
  const PlannedExcision& plan(const PlanRequest& request);
  const TimePoint& time() const { return time_; }
  // Change counters: the case (anatomy, frame, Mohs, plan inputs) and the shown tumour. What is
  // derived from the session stays valid while they stay the same.
  unsigned case_version() const { return case_version_; }
  unsigned tumour_version() const { return tumour_version_; }
  TumourQuality quality;

 private:
  void place(const Case& c, std::shared_ptr<const SiteModel> model, std::vector<std::string> notes);
  // The solid of `shape` on this model and frame: the one built before when nothing it depends on
  // changed (an edit of one measurement rebuilds only that measurement's solid).
  TumourSolid solid_for(const SiteModel& model, const LesionFrame& frame, const TumourShape& shape) const;
  AnatomyLibrary& library_;
  Case case_;
  std::shared_ptr<const SiteModel> model_;
  LesionFrame frame_;
  TumourState state_;
  TimePoint time_;
  TumourSolid tumour_;
  std::vector<TumourSolid> solids_;         // by measurement
  TumourQuality built_quality_;             // the quality solids_ and tumour_ were built at
  std::map<int, MohsReconstruction> mohs_;  // by the number of stages included
  std::optional<PlannedExcision> plan_;
  std::vector<std::string> notes_;
  unsigned case_version_ = 0, plan_version_ = 0, tumour_version_ = 0;
};

}  // namespace mv::app
