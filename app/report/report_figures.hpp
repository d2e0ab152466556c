#pragma once
// The report's pictures: the 3D view and the section as the GUI shows them, drawn offscreen by a
// renderer whose OpenGL context is current (the CLI's headless one, or the GUI's own).
#include <optional>
#include <string>
#include <vector>

#include "case_session.hpp"
#include "clinical/plan.hpp"
#include "image.hpp"
#include "renderer.hpp"

namespace mv::app {

struct ReportFigure {
  std::string title, caption;
  render::Image image;
};

// With Mohs stages: the stages in 3D and a section through the 3–9 o'clock axis; without, the
// tumour; with a plan, the planned excision as well. Each `width` × `height` pixels (by default
// what `marginviz render` draws).
std::vector<ReportFigure> report_figures(CaseSession& session, render::Renderer& renderer, const std::optional<PlanRequest>& plan, int width = 1280,
                                         int height = 800);

}  // namespace mv::app
