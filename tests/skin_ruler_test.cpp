// The counselling ruler on the skin (issue 14): a number at every centimetre, 1 cm apart along the
// skin, long enough for the lump at its largest, and clear of it.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "case_session.hpp"
#include "skin_ruler_scene.hpp"
#include "test_support.hpp"

namespace mv {
namespace {

TEST(CounsellingRuler, NumbersEveryCentimetreOneCentimetreApartBesideTheLump) {
  AnatomyLibrary library(test::asset_dir() / "anatomy");
  for (const char* id : {"han2009-abdomen", "han2009-ankle", "han2009-scalp", "han2009-thigh"}) {
    SCOPED_TRACE(id);
    const Case c = test::load_bundled(id);
    app::CaseSession session(library);
    session.set_case(c);
    render::Scene scene;
    app::add_skin_ruler(scene, session);
    const int length = app::ruler_length_cm(c);
    double widest = 0.0, tallest = 0.0;
    for (const auto& m : c.measurements) widest = std::max(widest, m.x_cm), tallest = std::max(tallest, m.y_cm);
    EXPECT_GE(length, widest + 1.0);  // the lump at its largest fits, with room
    ASSERT_EQ(scene.labels.size(), static_cast<size_t>(length + 1));
    EXPECT_EQ(scene.labels.front().text, "0");
    EXPECT_EQ(scene.labels.back().text, std::to_string(length) + " cm");
    const LesionFrame& f = session.frame();
    for (size_t i = 0; i < scene.labels.size(); ++i) {
      const glm::dvec3 at(scene.labels[i].anchor);
      // Beside the lump at its largest, toward 6 o'clock.
      EXPECT_LT(glm::dot(at - f.centre, f.twelve), -5.0 * tallest) << i;
      if (i == 0) continue;
      // A straight line between marks is a little shorter than the skin between them where it curves;
      // the marks sit 0.4 mm above the skin, a little farther apart where it bulges (the ankle: +0.09 mm).
      const double chord = glm::distance(at, glm::dvec3(scene.labels[i - 1].anchor));
      EXPECT_GT(chord, 9.7) << i;
      EXPECT_LT(chord, 10.15) << i;
    }
  }
}

}  // namespace
}  // namespace mv
