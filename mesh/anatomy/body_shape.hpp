#pragma once
// The neutral adult body (about 1.72 m) as implicit fields, one per part, in the body frame: mm,
// origin on the body's vertical axis at the navel's height, +Y superior, +Z anterior, +X the
// patient's left; anatomical position (arms at the sides, palms forward). The right limbs are
// modelled; the left ones are their mirror images. Each part is closed and rounded where it meets
// the next, so a part drawn alone never shows a cut. The bundled regions (sites.hpp) are cut from
// these parts, and the whole-body view draws them all.
#include <glm/vec3.hpp>

namespace mv {

enum class BodyPart { HeadNeck, Torso, RightArm, RightLeg };

// Signed distance-like field of a part: negative inside. `features` adds the small landmarks
// (clavicles, nipples, navel, olecranon, patella, malleoli…) that the deeper layers do not follow.
double body_part_field(BodyPart part, const glm::dvec3& p, bool features = true);

// A segment inside the part, from its upper end to its lower one, about which the part is
// star-shaped (its surface is sampled along it).
struct BodyAxis {
  glm::dvec3 top, bottom;
};
BodyAxis body_part_axis(BodyPart part);

// Landmarks of the body frame (mm), shared by the regions' frames and the docs.
namespace body {
inline constexpr double kEarCanalY = 572.0;  // the scalp's and face's frame origin
inline constexpr glm::dvec3 kRightShoulder{-185.0, 350.0, -15.0}, kRightElbow{-215.0, 60.0, -20.0}, kRightWrist{-235.0, -190.0, 0.0};
inline constexpr glm::dvec3 kRightHip{-90.0, -170.0, -10.0}, kRightKnee{-95.0, -540.0, -5.0}, kRightAnkle{-90.0, -950.0, -25.0};
inline constexpr double kSoleY = -1030.0, kVertexY = 690.0;
}  // namespace body

}  // namespace mv
