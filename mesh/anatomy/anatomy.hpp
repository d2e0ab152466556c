#pragma once
#include <optional>
#include <string>
#include <vector>

#include "anatomy/sites.hpp"
#include "geometry/triangle_mesh.hpp"

namespace mv {

// One tissue layer as a closed solid (mm, body frame: +Y superior, +Z anterior, +X patient's left).
struct AnatomyLayer {
  std::string name;
  TissueKind kind;
  TriangleMesh solid;
  std::optional<TriangleMesh> display;  // a lighter copy to draw, for very large scans
  const TriangleMesh& drawn() const { return display ? *display : solid; }
};

struct Anatomy {
  Site site;
  std::vector<AnatomyLayer> layers;  // outermost (skin) first
  // A surface scan: its layers are open surfaces offset inward from the skin, not closed solids,
  // so section views show them as lines of surfaces without filled cut faces.
  bool closed_layers = true;

  const AnatomyLayer* find(const std::string& name) const;
  const TriangleMesh& skin() const;  // the skin layer; its outer surface is what rays hit first
};

// Procedural anatomy of a site at real size, layers offset inward from the skin by the site's
// thickness table (docs/sources.md §7) with per-case overrides. Deterministic: same input, same mesh.
Anatomy build_anatomy(Site site, const TissueThickness& thickness = {});

// A patient's surface scan (mm) as the skin, with the site's fixed-thickness layers offset inward
// along its vertex normals (docs/sources.md §7 table, per-case overrides applied). Scans over
// kMaxDrawnTriangles are drawn from a decimated copy, and the deeper layers (only ever drawn) are
// built from that copy, not from the full scan.
constexpr std::size_t kMaxDrawnTriangles = 250'000;
Anatomy anatomy_from_scan(Site site, TriangleMesh skin, const TissueThickness& thickness);

// A question when a scan's size does not fit its declared unit (e.g. a 2-mm "torso" declared in
// metres was probably in mm), or nullopt.
std::optional<std::string> scan_size_question(const TriangleMesh& skin_mm, const std::string& unit);

}  // namespace mv
