#pragma once
// The tumour-conformity check shared by the four sites' and the regions' tests.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "anatomy/site_model.hpp"
#include "case/case_model.hpp"
#include "geometry/solid_check.hpp"
#include "reconstruction/lesion_frame.hpp"
#include "reconstruction/timeline.hpp"
#include "reconstruction/tumour_solid.hpp"

namespace mv::test {

// Every measurement's tumour on `model` at `f`: closed, its X and Y along the skin within 3% of
// the ruler's, every footprint sample on the skin (the four sites and every region of the body).
inline void expect_tumours_conform(const SiteModel& model, const LesionFrame& f, const Case& c) {
  for (const auto& m : c.measurements) {
    TumourShape shape = shape_of(c, m);
    shape.exophytic_mm = 0.0;
    const TumourSolid solid = build_tumour_solid(model.skin, f, shape);
    EXPECT_TRUE(check_solid(solid.mesh).watertight()) << m.label;
    // Along-skin length of the footprint's axes, summed over its samples on the skin.
    auto axis_length = [&](int j0) {
      double len = 0.0;
      for (int j : {j0, j0 + solid.angles / 2}) {
        glm::dvec3 prev = f.centre;
        for (int i = 0; i < solid.rings; ++i) {
          const glm::dvec3 p = solid.skin_rings[static_cast<size_t>(i) * solid.angles + j];
          len += glm::length(p - prev);
          prev = p;
        }
      }
      return len;
    };
    EXPECT_NEAR(axis_length(0) / (m.x_cm * 10.0), 1.0, 0.03) << m.label;
    EXPECT_NEAR(axis_length(solid.angles / 4) / (m.y_cm * 10.0), 1.0, 0.03) << m.label;
    // Every footprint sample lies on the skin.
    for (size_t k = 0; k < solid.skin_rings.size(); k += 7) {
      const auto hit = model.skin.cast(solid.skin_rings[k] + 2.0 * f.normal, -f.normal, 20.0);
      ASSERT_TRUE(hit);
      EXPECT_LT(hit->distance, 2.3);
    }
  }
}

// Going inward along the lesion's normal, each fixed layer's solid is left at the table's depth
// (within `tolerance_mm`: offsets of a curved grid).
inline void expect_layers_follow_table(const SiteModel& model, const LesionFrame& f, const Case& c, double tolerance_mm) {
  double expected = 0.0;
  for (const auto& [name, floor] : layer_floor_depths_mm(c.site, c.tissue)) {
    const RayCaster layer(model.anatomy.find(name)->solid);
    const glm::dvec3 inside = f.centre - f.normal * (0.5 * (expected + floor));
    const auto exit = layer.cast(inside, -f.normal, 100.0);
    ASSERT_TRUE(exit) << name;
    EXPECT_NEAR(0.5 * (expected + floor) + exit->distance, floor, tolerance_mm) << name;
    expected = floor;
  }
}

}  // namespace mv::test
