#pragma once
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "case_session.hpp"
#include "plan.hpp"
#include "scene.hpp"

namespace mv::app {

enum class ViewMode { ThreeD, Section };

// What the user chose to see; the same settings drive the GUI and `render`.
struct ViewSettings {
  ViewMode mode = ViewMode::ThreeD;
  float skin_opacity = 0.35f;     // of the skin; the fat below is drawn at 60% of it
  std::vector<bool> layer_hidden; // by anatomy layer index; missing = shown
  double section_clock = 3.0;     // the cut runs along this clock axis (3 = the 3-9 axis)
  bool labels = true;             // dimension lines, clock marks
  bool ghost = true;              // the first (pre-treatment) measurement over the current one
  bool legend = true;             // overlay text: case, legend, provenance
  int highlight_layer = -1;       // anatomy layer index the user points at in the GUI, or -1
  bool mohs = false;              // show the Mohs stages, defect and confirmed tumour (if the case has them)
  std::optional<int> through_stage;  // Mohs stages shown, 1-based count; all when absent
  int highlight_stage = -1, highlight_block = -1;  // a Mohs block the user points at
  bool plan = false;              // show the planned excision and its probability envelopes
  PlanRequest plan_request = PlanRequest::uniform(2.0, DepthPlane::Fascia);
  std::array<bool, 3> envelopes{true, true, true};  // 50%, 80%, 95%
  std::optional<std::uint64_t> reveal_seed;          // teaching: show this hidden tumour
  bool blind = false;             // teaching before the reveal: no chances, no envelopes
};

// Section caps: where solids nest, the higher priority shows (tissue < Mohs stages < tumour).
constexpr int kTumourCapPriority = 100;

render::Camera default_camera(CaseSession& session, const ViewSettings& view);

// Builds the renderer's scene from a case session. Keeps GPU-ready copies of the anatomy layers
// so that rebuilding a scene after a tumour edit converts only the tumour.
class SceneAssembler {
 public:
  render::Scene build(CaseSession& session, const ViewSettings& view, const render::Camera& camera);

 private:
  const std::vector<std::shared_ptr<const render::MeshData>>& anatomy_meshes(const CaseSession& session);
  std::weak_ptr<const SiteModel> cached_model_;
  std::vector<std::shared_ptr<const render::MeshData>> anatomy_meshes_;
};

std::shared_ptr<render::MeshData> to_mesh_data(const TriangleMesh& mesh);

}  // namespace mv::app
