#pragma once
#include "case_objects.hpp"
#include "mesh_cache.hpp"
#include <array>
#include <string>
#include <vector>

#include "case_session.hpp"
#include "reconstruction/mohs_reconstruction.hpp"
#include "scene.hpp"

namespace mv::app {

struct ViewSettings;

// Adds the Mohs stages to a scene: each cumulative defect in its stage's colour, the final
// defect's walls coloured by the tissue they cut, positive blocks in red, the confirmed tumour and
// the clear boundary, with legend entries and an overlay of the stage metrics.
void add_mohs(render::Scene& scene, MeshCache& meshes, const std::vector<CaseObject>& objects, CaseSession& session, const MohsReconstruction& rec,
              const ViewSettings& view, std::vector<std::string>& legend, std::vector<std::array<float, 4>>& swatches);

// The wall of an excision (region + solid) as one strip per tissue layer it cuts, each in the
// layer's colour, so the wound shows which tissue each wall exposes.
void add_wall_bands(render::Scene& scene, MeshCache& meshes, const PolarRegion& region, const PolarSolid& solid, const TissueColumn& column,
                    double max_depth_mm, const std::string& prefix);

}  // namespace mv::app
