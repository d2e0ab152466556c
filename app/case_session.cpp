#include "case_session.hpp"

#include <algorithm>

#include "io/mesh_io.hpp"

namespace mv::app {

std::filesystem::path scan_path(const Case& c) {
  const std::filesystem::path mesh(c.anatomy->mesh);
  return mesh.is_absolute() ? mesh : c.source_dir / mesh;
}

void CaseSession::set_case(const Case& c) {
  std::shared_ptr<const SiteModel> model;
  std::vector<std::string> notes;
  if (c.anatomy) {
    try {
      model = library_.get_scan(c.site, scan_path(c), c.anatomy->unit, tissue_of(c));
    } catch (const MeshIoError& e) {
      throw PlacementError(std::string("anatomy.mesh: ") + e.what());
    }
    if (auto q = scan_size_question(model->anatomy.skin(), c.anatomy->unit)) notes.push_back("anatomy.unit: " + *q);
    try {
      place_lesion(model->skin, c.lesion);
    } catch (const PlacementError& e) {
      // A scan in the wrong unit is the likely reason: say so with the error.
      throw PlacementError(std::string(e.what()) + (notes.empty() ? "" : " (" + notes.front() + ")"));
    }
  } else {
    model = library_.get(c.site, tissue_of(c));
  }
  place(c, std::move(model), std::move(notes));
}

void CaseSession::set_case_on(const Case& c, std::shared_ptr<const SiteModel> model) { place(c, std::move(model), {}); }

TumourSolid CaseSession::solid_for(const SiteModel& model, const LesionFrame& frame, const TumourShape& shape) const {
  if (model_.get() == &model && frame_ == frame && built_quality_ == quality) {
    for (size_t i = 0; i < solids_.size() && i < case_.measurements.size(); ++i)
      if (state_of(case_, i).shape == shape) return solids_[i];
    if (state_.shape == shape) return tumour_;
  }
  return build_tumour_solid(model.skin, frame, shape, quality);
}

void CaseSession::place(const Case& c, std::shared_ptr<const SiteModel> model, std::vector<std::string> notes) {
  const LesionFrame frame = place_lesion(model->skin, c.lesion);
  // Every measurement must fit on this anatomy, not only the two ends of the timeline.
  std::vector<TumourSolid> solids;
  for (size_t i = 0; i < c.measurements.size(); ++i) solids.push_back(solid_for(*model, frame, state_of(c, i).shape));
  // Keep the moment shown when the case is edited; a new case opens on its last measurement.
  TimePoint t = model_ ? time_ : last_measurement(c);
  if (t.measurement && *t.measurement >= c.measurements.size()) t = last_measurement(c);
  const TumourState state = tumour_at(c, t);
  TumourSolid now = t.measurement ? solids[*t.measurement] : solid_for(*model, frame, state.shape);
  // The Mohs defects must fit too (they reach beyond the tumour).
  std::map<int, MohsReconstruction> mohs;
  if (c.mohs && !c.mohs->stages.empty()) mohs.emplace(static_cast<int>(c.mohs->stages.size()), reconstruct_mohs(c, *model, frame));
  // Everything built: commit.
  mohs_ = std::move(mohs);
  notes_ = std::move(notes);
  ++case_version_;
  ++tumour_version_;
  case_ = c;
  model_ = std::move(model);
  frame_ = frame;
  solids_ = std::move(solids);
  built_quality_ = quality;
  state_ = state;
  time_ = t;
  tumour_ = std::move(now);
}

const MohsReconstruction* CaseSession::mohs(std::optional<int> stages) {
  if (!case_.mohs || case_.mohs->stages.empty()) return nullptr;
  const int want = std::clamp(stages.value_or(static_cast<int>(case_.mohs->stages.size())), 1, static_cast<int>(case_.mohs->stages.size()));
  auto it = mohs_.find(want);
  if (it == mohs_.end()) it = mohs_.emplace(want, reconstruct_mohs(case_, *model_, frame_, want)).first;
  return &it->second;
}

const PlannedExcision& CaseSession::plan(const PlanRequest& r) {
  if (!plan_ || plan_version_ != case_version_ || plan_->request != r) {
    plan_ = plan_excision(case_, *model_, frame_, r, plan_ && plan_version_ == case_version_ ? &*plan_ : nullptr);
    plan_version_ = case_version_;
  }
  return *plan_;
}

void CaseSession::set_time(const TimePoint& t) {
  TumourState state = tumour_at(case_, t);
  tumour_ = solid_for(*model_, frame_, state.shape);
  state_ = std::move(state);
  time_ = t;
  ++tumour_version_;
}

}  // namespace mv::app
