#pragma once
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "case_session.hpp"
#include "mesh_cache.hpp"
#include "clinical/plan.hpp"
#include "scene.hpp"

namespace mv::app {

// ThreeD and Section show the site close up; Body the whole body with the lesion on it.
enum class ViewMode { ThreeD, Section, Body };

// What the user chose to see; the same settings drive the GUI and `render`.
struct ViewSettings {
  ViewMode mode = ViewMode::ThreeD;
  float skin_opacity = 0.35f;                      // of the skin; the fat below is drawn at 60% of it
  std::vector<bool> layer_hidden;                  // by anatomy layer index; missing = shown
  double section_clock = 3.0;                      // the cut runs along this clock axis (3 = the 3-9 axis)
  bool labels = true;                              // dimension lines, clock marks
  bool ghost = true;                               // the first (pre-treatment) measurement over the current one
  bool legend = true;                              // overlay text: case, legend, provenance
  bool counselling = false;                        // the counselling ruler on the skin in place of the dimension lines
  int highlight_layer = -1;                        // anatomy layer index the user points at in the GUI, or -1
  bool mohs = false;                               // show the Mohs stages, defect and confirmed tumour (if the case has them)
  std::optional<int> through_stage;                // Mohs stages shown, 1-based count; all when absent
  int highlight_stage = -1, highlight_block = -1;  // a Mohs block the user points at
  bool plan = false;                               // show the planned excision and its probability envelopes
  PlanRequest plan_request = PlanRequest::uniform(kDefaultPlanMarginCm, DepthPlane::Fascia);
  std::array<bool, 3> envelopes{true, true, true};  // 50%, 80%, 95%
  std::optional<std::uint64_t> reveal_seed;         // teaching: show this hidden tumour
  bool blind = false;                               // teaching before the reveal: no chances, no envelopes
  bool operator==(const ViewSettings&) const = default;
};

// Section caps: where solids nest, the higher priority shows (tissue < Mohs stages < tumour).
constexpr int kTumourCapPriority = 100;

render::Camera default_camera(CaseSession& session, const ViewSettings& view);

// Builds the renderer's scene from a case session, redoing only what changed: the same session
// state and view settings give back the last scene with the new camera (a camera move assembles
// nothing), and each object keeps its mesh while its geometry stays the same (MeshCache), so the
// renderer uploads only what an edit changed.
class SceneAssembler {
 public:
  // The scene, valid until the next call.
  // With `coarse`, the anatomy layers carry lighter copies for frames drawn while the view moves
  // (made once per anatomy, on the first such frame).
  const render::Scene& build(CaseSession& session, const ViewSettings& view, const render::Camera& camera, bool coarse = false);
  // Counts the scenes actually assembled: the same number means the same content.
  unsigned generation() const { return generation_; }
  const MeshCache& meshes() const { return meshes_; }

 private:
  struct ContentKey {
    const CaseSession* session = nullptr;
    unsigned case_version = 0, tumour_version = 0;
    ViewSettings view;
    bool operator==(const ContentKey&) const = default;
  };
  render::Scene assemble(CaseSession& session, const ViewSettings& view);
  const std::vector<std::shared_ptr<const render::MeshData>>& anatomy_meshes(const CaseSession& session);
  std::weak_ptr<const SiteModel> cached_model_;
  std::vector<std::shared_ptr<const render::MeshData>> anatomy_meshes_, anatomy_coarse_;
  MeshCache meshes_;
  std::optional<ContentKey> key_;
  render::Scene scene_;
  unsigned generation_ = 0;
};

}  // namespace mv::app
