#pragma once
#include "case_objects.hpp"
#include "mesh_cache.hpp"
#include <array>
#include <string>
#include <vector>

#include "case_session.hpp"
#include "scene.hpp"

namespace mv::app {

struct ViewSettings;

// Adds a planned excision to a scene: the planned solid with walls by tissue, its outline, the
// probability envelopes with the source in the legend, the clearance figures as an overlay, and in
// teaching mode the hidden tumour with what the plan left behind.
void add_plan(render::Scene& scene, MeshCache& meshes, const std::vector<CaseObject>& objects, CaseSession& session, const ViewSettings& view,
              std::vector<std::string>& legend, std::vector<std::array<float, 4>>& swatches);

}  // namespace mv::app
