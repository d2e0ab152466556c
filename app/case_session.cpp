#include "case_session.hpp"

namespace mv::app {

void CaseSession::set_case(const Case& c) {
  auto model = library_.get(c.site, c.tissue);
  const LesionFrame frame = place_lesion(model->skin, c.lesion);
  // Every measurement must fit on this anatomy, not only the two ends of the timeline.
  TumourSolid first = build_tumour_solid(model->skin, frame, state_of(c, 0).shape, quality);
  for (size_t i = 1; i < c.measurements.size(); ++i) build_tumour_solid(model->skin, frame, state_of(c, i).shape, quality);
  // Keep the moment shown when the case is edited; a new case opens on its last measurement.
  TimePoint t = model_ ? time_ : last_measurement(c);
  if (t.measurement && *t.measurement >= c.measurements.size()) t = last_measurement(c);
  const TumourState state = tumour_at(c, t);
  TumourSolid now = build_tumour_solid(model->skin, frame, state.shape, quality);
  // Everything built: commit.
  case_ = c;
  model_ = std::move(model);
  frame_ = frame;
  first_ = std::move(first);
  state_ = state;
  time_ = t;
  tumour_ = std::move(now);
}

void CaseSession::set_time(const TimePoint& t) {
  TumourState state = tumour_at(case_, t);
  tumour_ = build_tumour_solid(model_->skin, frame_, state.shape, quality);
  state_ = std::move(state);
  time_ = t;
}

}  // namespace mv::app
