#include "anatomy/body_sites.hpp"

#include <cmath>
#include <numbers>

#include "anatomy/body_shape.hpp"

namespace mv {
namespace {

// The part whose surface the point lies on: the one it is deepest inside (or nearest outside).
struct PartAt {
  BodyPart part = BodyPart::Torso;
  double field = 1e9;
};
PartAt part_at(const glm::dvec3& p) {
  PartAt best;
  for (BodyPart part : {BodyPart::HeadNeck, BodyPart::Torso, BodyPart::RightArm, BodyPart::RightLeg})
    if (const double d = body_part_field(part, p); d < best.field) best = {part, d};
  return best;
}

Site head_site(const glm::dvec3& p) {
  const double y = p.y - body::kEarCanalY;
  // Hair-bearing scalp: above the brow, or behind the ears above the nape; the rest is face and neck.
  return y > 35.0 || (p.z < -20.0 && y > -30.0) ? Site::Scalp : Site::FaceNeck;
}

Site torso_site(const glm::dvec3& p) {
  const double azimuth = std::atan2(p.x, p.z) * 180.0 / std::numbers::pi;  // 0 = front, ±180 = back
  if (std::abs(p.x) > 140.0 && p.y > 300.0) return Site::Shoulder;
  if (std::abs(azimuth) < 90.0) return p.y > 130.0 ? Site::Chest : p.y > -110.0 ? Site::Abdomen : Site::Groin;
  return p.y > 160.0 ? Site::UpperBack : p.y > -100.0 ? Site::LowerBack : Site::Buttock;
}

Site arm_site(const glm::dvec3& p) { return p.y > 290.0 ? Site::Shoulder : p.y > 70.0 ? Site::UpperArm : Site::Forearm; }

Site leg_site(const glm::dvec3& p) {
  if (p.y > -470.0) return Site::Thigh;
  if (p.y > -620.0) return Site::Knee;
  if (p.y > -900.0) return Site::LowerLeg;
  return p.y > -985.0 && p.z < 15.0 ? Site::Ankle : Site::Foot;
}

}  // namespace

BodyPointSite site_at_body_point(const glm::dvec3& point) {
  BodyPointSite out;
  glm::dvec3 p = point;
  // The limbs are modelled on the right (x < 0); a point on a left limb is taken to its mirror image.
  const glm::dvec3 mirror{-point.x, point.y, point.z};
  PartAt at = part_at(p);
  if (point.x > 0.0) {
    const PartAt there = part_at(mirror);
    if ((there.part == BodyPart::RightArm || there.part == BodyPart::RightLeg) && there.field < at.field) {
      p = mirror;
      at = there;
      out.mirrored = true;
    }
  }
  switch (at.part) {
    case BodyPart::HeadNeck:
      out.site = head_site(p);
      break;
    case BodyPart::Torso:
      out.site = torso_site(p);
      break;
    case BodyPart::RightArm:
      out.site = arm_site(p);
      break;
    case BodyPart::RightLeg:
      out.site = leg_site(p);
      break;
  }
  out.local = p - site_spec(out.site).body_origin;
  return out;
}

}  // namespace mv
