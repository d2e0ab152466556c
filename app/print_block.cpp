#include "print_block.hpp"

#include <algorithm>

#include "common/units.hpp"
#include "geometry/clip.hpp"
#include "io/mesh_io.hpp"
#include "palette.hpp"
#include "reconstruction/timeline.hpp"

namespace mv::app {

std::vector<PrintBody> printable_block(const CaseSession& s) {
  const Case& c = s.current_case();
  const LesionFrame& f = s.frame();
  double half_x = 0.0, half_y = 0.0, deepest = 0.0;
  for (size_t i = 0; i < c.measurements.size(); ++i) {
    const TumourShape shape = state_of(c, i).shape;
    half_x = std::max(half_x, units::cm_to_mm(shape.x_cm) / 2.0 + 20.0);
    half_y = std::max(half_y, units::cm_to_mm(shape.y_cm) / 2.0 + 20.0);
    deepest = std::max(deepest, shape.depth_mm + 10.0);
  }
  for (const auto& [name, floor] : layer_floor_depths_mm(c.site, tissue_of(c)))
    if (name == "fascia" || name == "galea") deepest = std::max(deepest, floor + 5.0);
  const std::vector<ClipPlane> planes{{f.centre + half_x * f.three, -f.three},
                                      {f.centre - half_x * f.three, f.three},
                                      {f.centre + half_y * f.twelve, -f.twelve},
                                      {f.centre - half_y * f.twelve, f.twelve},
                                      {f.centre - deepest * f.normal, f.normal}};
  std::vector<PrintBody> out;
  for (const auto& layer : s.site_model().anatomy.layers) {
    TriangleMesh cut = clip_closed(layer.solid, planes);
    if (!cut.triangles.empty()) out.push_back({layer.name, std::move(cut), palette::tissue(layer.kind)});
  }
  out.push_back({"tumour-" + c.measurements.back().label, s.measurement_solids().back().mesh, palette::kTumour});
  return out;
}

size_t write_printable_block(const CaseSession& session, const std::filesystem::path& file) {
  const auto block = printable_block(session);
  std::vector<ExportItem> bodies;
  for (const auto& b : block) bodies.push_back({b.name, &b.mesh, b.colour});
  export_3mf(bodies, file);
  return bodies.size();
}

}  // namespace mv::app
