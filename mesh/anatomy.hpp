#pragma once
#include <string>
#include <vector>

#include "sites.hpp"
#include "triangle_mesh.hpp"

namespace mv {

// One tissue layer as a closed solid (mm, body frame: +Y superior, +Z anterior, +X patient's left).
struct AnatomyLayer {
  std::string name;
  TissueKind kind;
  TriangleMesh solid;
};

struct Anatomy {
  Site site;
  std::vector<AnatomyLayer> layers;  // outermost (skin) first

  const AnatomyLayer* find(const std::string& name) const;
  const TriangleMesh& skin() const;  // the skin layer; its outer surface is what rays hit first
};

// Procedural anatomy of a site at real size, layers offset inward from the skin by the site's
// thickness table (clinical.md §7) with per-case overrides. Deterministic: same input, same mesh.
Anatomy build_anatomy(Site site, const TissueThickness& thickness = {});

}  // namespace mv
