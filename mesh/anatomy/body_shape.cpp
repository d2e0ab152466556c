#include "anatomy/body_shape.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy/head_shape.hpp"
#include "geometry/implicit_shapes.hpp"

namespace mv {
namespace {

using glm::dvec3;
using namespace implicit;

// Chest, waist, pelvis and buttocks, with the shoulder girdle and a neck stub, rounded where the
// head, arms and legs join.
double torso(const dvec3& p, bool features) {
  double d = ellipsoid(p, {0, 250, -15}, {158, 165, 100});                                   // chest
  d = smooth_union(d, ellipsoid(p, {0, 40, -10}, {134, 190, 94}), 60.0);                     // waist
  d = smooth_union(d, ellipsoid(p, {0, -20, 14}, {118, 130, 84}), 50.0);                     // belly
  d = smooth_union(d, ellipsoid(p, {0, -135, -14}, {160, 118, 102}), 60.0);                  // pelvis
  d = smooth_union(d, tapered_capsule(p, {-150, 368, -18}, {150, 368, -18}, 52, 52), 70.0);  // shoulder girdle
  d = smooth_union(d, tapered_capsule(p, {0, 350, -18}, {0, 430, -22}, 58, 52), 30.0);       // neck stub
  for (double side : {-1.0, 1.0}) {
    d = smooth_union(d, ellipsoid(p, {side * 66, -190, -62}, {76, 86, 60}), 36.0);  // buttocks
    d = smooth_union(d, ellipsoid(p, {side * 172, 350, -14}, {50, 56, 54}), 40.0);  // deltoid caps
    d = smooth_union(d, ellipsoid(p, {side * 150, -60, -4}, {22, 30, 34}), 24.0);   // iliac crests (hips)
  }
  d = smooth_subtract(d, ellipsoid(p, {0, 110, -118}, {13, 300, 15}), 12.0);  // spine line
  if (!features) return d;
  for (double side : {-1.0, 1.0}) {
    d = smooth_union(d, tapered_capsule(p, {side * 22, 394, 50}, {side * 150, 404, 26}, 8, 7), 8.0);  // clavicles
    d = smooth_union(d, ellipsoid(p, {side * 94, 236, 62}, {7, 7, 6}), 4.0);                          // nipples
  }
  // The navel: a dimple 1.5 mm deep at the front of the belly (shallower than the skin, so the
  // layers below, which do not follow it, never cross it).
  static const double navel_z = [] {
    double lo = 0.0, hi = 400.0;  // inside, outside
    for (int i = 0; i < 60; ++i) {
      const double mid = 0.5 * (lo + hi);
      (torso({0.0, 0.0, mid}, false) < 0.0 ? lo : hi) = mid;
    }
    return lo;
  }();
  return smooth_subtract(d, ellipsoid(p, {0, 0, navel_z + 3.5}, {7, 9, 5}), 2.0);
}

// The right arm hanging at the side, palm forward: deltoid, biceps and triceps, elbow, forearm,
// wrist and a mitten hand with its thumb.
double right_arm(const dvec3& p, bool features) {
  using namespace body;
  double d = tapered_capsule(p, kRightShoulder, kRightElbow, 50, 36);
  d = smooth_union(d, ellipsoid(p, {-198, 205, 6}, {36, 92, 32}), 30.0);                     // biceps
  d = smooth_union(d, ellipsoid(p, {-204, 215, -38}, {36, 100, 30}), 30.0);                  // triceps
  d = smooth_union(d, tapered_capsule(p, kRightElbow, kRightWrist, 38, 24), 26.0);           // forearm
  d = smooth_union(d, ellipsoid(p, {-222, -20, -8}, {38, 92, 34}), 30.0);                    // forearm muscles
  d = smooth_union(d, ellipsoid(p, {-240, -282, 4}, {44, 78, 15}), 22.0);                    // hand
  d = smooth_union(d, tapered_capsule(p, {-208, -232, 12}, {-196, -290, 26}, 12, 9), 10.0);  // thumb
  if (!features) return d;
  return smooth_union(d, ellipsoid(p, {-216, 58, -50}, {13, 16, 10}), 8.0);  // olecranon (elbow point)
}

// The right leg: thigh, knee with its patella, calf, ankle with both malleoli, heel and foot.
double right_leg(const dvec3& p, bool features) {
  using namespace body;
  double d = tapered_capsule(p, kRightHip, kRightKnee, 86, 50);
  d = smooth_union(d, ellipsoid(p, {-92, -330, 24}, {60, 160, 54}), 40.0);   // quadriceps
  d = smooth_union(d, ellipsoid(p, {-90, -320, -38}, {60, 150, 50}), 40.0);  // hamstrings
  d = smooth_union(d, ellipsoid(p, {-70, -480, 18}, {32, 54, 30}), 28.0);    // vastus medialis
  d = smooth_union(d, ellipsoid(p, kRightKnee, {48, 46, 46}), 24.0);         // knee
  d = smooth_union(d, tapered_capsule(p, kRightKnee, kRightAnkle, 46, 29), 24.0);
  d = smooth_union(d, ellipsoid(p, {-95, -660, -24}, {44, 110, 42}), 34.0);                 // calf
  d = smooth_union(d, tapered_capsule(p, {-90, -975, -56}, {-90, -820, -50}, 9, 8), 10.0);  // Achilles tendon
  d = smooth_union(d, ellipsoid(p, {-90, -992, -46}, {28, 30, 32}), 18.0);                  // heel
  d = smooth_union(d, ellipsoid(p, {-90, -996, 34}, {38, 30, 96}), 26.0);                   // foot
  d = smooth_union(d, ellipsoid(p, {-86, -1012, 128}, {44, 16, 44}), 18.0);                 // forefoot and toes
  d = std::max(d, -(p.y - kSoleY));                                                         // flat sole
  if (!features) return d;
  d = smooth_union(d, ellipsoid(p, {-95, -530, 42}, {21, 25, 12}), 10.0);   // patella
  d = smooth_union(d, ellipsoid(p, {-67, -944, -24}, {11, 16, 13}), 8.0);   // medial malleolus
  d = smooth_union(d, ellipsoid(p, {-114, -956, -30}, {11, 18, 12}), 8.0);  // lateral malleolus
  return d;
}

}  // namespace

double body_part_field(BodyPart part, const dvec3& p, bool features) {
  switch (part) {
    case BodyPart::HeadNeck:
      return head_field(p - dvec3(0.0, body::kEarCanalY, 0.0), features);
    case BodyPart::Torso:
      return torso(p, features);
    case BodyPart::RightArm:
      return right_arm(p, features);
    case BodyPart::RightLeg:
      return right_leg(p, features);
  }
  return 1.0;
}

BodyAxis body_part_axis(BodyPart part) {
  using namespace body;
  switch (part) {
    case BodyPart::HeadNeck:
      return {{0.0, kEarCanalY + 40.0, -5.0}, {0.0, kEarCanalY - 230.0, -10.0}};
    case BodyPart::Torso:
      return {{0.0, 400.0, -18.0}, {0.0, -200.0, -12.0}};
    case BodyPart::RightArm:
      return {kRightShoulder, {-240.0, -300.0, 4.0}};
    case BodyPart::RightLeg:
      return {kRightHip, {-90.0, -985.0, -10.0}};
  }
  return {};
}

}  // namespace mv
