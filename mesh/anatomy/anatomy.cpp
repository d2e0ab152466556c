#include "anatomy/anatomy.hpp"

#include "geometry/decimate.hpp"

#include <cstdio>
#include <stdexcept>

#include <glm/geometric.hpp>

namespace mv {

const AnatomyLayer* Anatomy::find(const std::string& name) const {
  for (const auto& layer : layers)
    if (layer.name == name) return &layer;
  return nullptr;
}

const TriangleMesh& Anatomy::skin() const {
  if (const auto* s = find("skin")) return s->solid;
  throw std::runtime_error("anatomy has no layer named 'skin'");
}

Anatomy anatomy_from_scan(Site site, TriangleMesh full_skin, const TissueThickness& thickness) {
  Anatomy a{site, {}, false};
  const bool large = full_skin.triangles.size() > kMaxDrawnTriangles;
  TriangleMesh skin = large ? decimate_for_display(full_skin, kMaxDrawnTriangles) : full_skin;
  const auto normals = vertex_normals(skin);
  a.layers.push_back({"skin", TissueKind::Skin, std::move(full_skin), large ? std::optional<TriangleMesh>(skin) : std::nullopt});
  // Each deeper layer is drawn as its top surface: the floor of the layer above, moved inward
  // along the scan's normals.
  const auto floors = layer_floor_depths_mm(site, thickness);
  const auto& specs = site_spec(site).layers;
  for (size_t i = 0; i < floors.size() && i + 1 < specs.size(); ++i) {
    TriangleMesh top = skin;
    for (size_t v = 0; v < top.positions.size(); ++v) top.positions[v] -= floors[i].second * normals[v];
    a.layers.push_back({specs[i + 1].name, specs[i + 1].kind, std::move(top), std::nullopt});
  }
  return a;
}

std::optional<std::string> scan_size_question(const TriangleMesh& skin_mm, const std::string& unit) {
  const double size = glm::length(bounds_of(skin_mm).size());
  if (size < 40.0 || size > 3000.0) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "the scan is %.4g mm across when read in %s — a body part is 40-3000 mm: is the unit right?", size, unit.c_str());
    return std::string(buf);
  }
  return std::nullopt;
}

}  // namespace mv
