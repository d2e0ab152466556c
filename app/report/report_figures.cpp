#include "report/report_figures.hpp"

#include "camera_controller.hpp"
#include "scene_assembly.hpp"
#include "view_frame.hpp"

namespace mv::app {

std::vector<ReportFigure> report_figures(CaseSession& session, render::Renderer& renderer, const std::optional<PlanRequest>& plan, int width,
                                         int height) {
  const Case& c = session.current_case();
  const bool stages = c.mohs && !c.mohs->stages.empty();
  struct Shot {
    ViewSettings view;
    std::string title, caption;
  };
  std::vector<Shot> shots;
  ViewSettings three_d;
  three_d.mohs = stages;
  shots.push_back({three_d, stages ? "The Mohs stages in 3D" : "The tumour in 3D",
                   stages ? "Each stage's tissue over the anatomy, the final defect and the tumour its positive blocks confirmed; the pre-treatment "
                            "outline as a ghost."
                          : "The tumour as reconstructed from the ruler measurements, over the site's tissue layers."});
  ViewSettings section = three_d;
  section.mode = ViewMode::Section;
  shots.push_back({section, "Section through the 3–9 o'clock axis", "The tissue layers cut through the lesion's centre; depths are to scale."});
  if (plan) {
    ViewSettings planned;
    planned.plan = true;
    planned.plan_request = *plan;
    shots.push_back({planned, "The planned excision", "The planned outline and depth with the model's 50%, 80% and 95% envelopes."});
  }
  render::RenderOptions options = still_quality(render::Renderer::software_gl());
  render::OffscreenTarget target(width, height);
  SceneAssembler assembler;
  std::vector<ReportFigure> out;
  for (const Shot& s : shots) {
    CameraController camera;
    camera.reset(default_camera(session, s.view));
    renderer.render(assembler.build(session, s.view, camera.camera()), width, height, target.fbo(), options);
    out.push_back({s.title, s.caption, target.read()});
  }
  return out;
}

}  // namespace mv::app
