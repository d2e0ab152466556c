#include "skin_ruler_scene.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "common/units.hpp"
#include "palette.hpp"

namespace mv::app {
namespace {

constexpr double kGapMm = 6.0;       // between the lump's largest 6 o'clock edge and the ruler
constexpr double kTickMm = 3.0;      // a centimetre tick, toward the lump
constexpr double kLongTickMm = 6.0;  // every fifth centimetre
constexpr double kLift = 0.4;        // above the skin, mm, so the lines are not buried in it

glm::vec3 f3(const glm::dvec3& v) { return glm::vec3(v); }

}  // namespace

int ruler_length_cm(const Case& c) {
  double x = 0.0;
  for (const auto& m : c.measurements) x = std::max(x, m.x_cm);
  return static_cast<int>(std::ceil(x)) + 1;
}

void add_skin_ruler(render::Scene& scene, const CaseSession& s) {
  const LesionFrame& f = s.frame();
  double y_cm = 0.0;  // clear of the lump at its largest (the first visit's outline)
  for (const auto& m : s.current_case().measurements) y_cm = std::max(y_cm, m.y_cm);
  const double half_y = units::cm_to_mm(y_cm) / 2.0;
  const int length = ruler_length_cm(s.current_case());
  const double half_mm = units::cm_to_mm(length) / 2.0;
  constexpr double kSix = -std::numbers::pi / 2.0, kThree = 0.0, kNine = std::numbers::pi;
  try {
    // Where the ruler's middle lies: on the skin below the lump (6 o'clock).
    const double out[] = {half_y + kGapMm};
    const SkinPoint middle = walk_along_skin(s.site_model().skin, f, kSix, out, 0.5).back();
    LesionFrame at = f;
    at.centre = middle.point;
    // The marks along the skin each way from the middle: every millimetre, so the ruler bends with it.
    std::vector<double> arcs;
    for (int mm = 1; mm <= static_cast<int>(half_mm); ++mm) arcs.push_back(mm);
    const auto right = walk_along_skin(s.site_model().skin, at, kThree, arcs, 0.5);
    const auto left = walk_along_skin(s.site_model().skin, at, kNine, arcs, 0.5);
    std::vector<SkinPoint> along(left.rbegin(), left.rend());  // from the 0 end to the far end
    along.push_back(middle);
    along.insert(along.end(), right.begin(), right.end());
    const glm::vec4 colour(palette::kRuler[0], palette::kRuler[1], palette::kRuler[2], 1.0f);
    render::LineSet lines{{}, 2.0f, render::LineLayer::OnTop};
    auto lifted = [](const SkinPoint& p) { return p.point + kLift * p.normal; };
    for (size_t i = 0; i + 1 < along.size(); ++i) lines.lines.push_back({f3(lifted(along[i])), f3(lifted(along[i + 1])), colour});
    const glm::dvec3 toward_lump = f.twelve;
    for (int cm = 0; cm <= length; ++cm) {
      const size_t i = std::min(along.size() - 1, static_cast<size_t>(cm * 10));
      const glm::dvec3 base = lifted(along[i]);
      const double tick = cm % 5 == 0 ? kLongTickMm : kTickMm;
      lines.lines.push_back({f3(base), f3(base + tick * toward_lump), colour});
      const bool numbered = length <= 12 || cm % 2 == 0;
      // The last number says the unit, beside the end so it does not crowd the numbers before it.
      if (cm == length) scene.labels.push_back({f3(base), std::to_string(cm) + " cm", colour, {30.0f, 0.0f}});
      else if (numbered)
        scene.labels.push_back({f3(base), std::to_string(cm), colour, {0.0f, 16.0f}});
    }
    scene.line_sets.push_back(std::move(lines));
  } catch (const PlacementError&) {
    // No ruler where the skin ends: better none than one off the body.
  }
}

}  // namespace mv::app
