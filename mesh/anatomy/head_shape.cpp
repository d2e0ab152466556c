#include "anatomy/head_shape.hpp"

#include "geometry/implicit_shapes.hpp"

namespace mv {
namespace {

using glm::dvec3;

double head_base(const dvec3& p) {
  using namespace implicit;
  double d = ellipsoid(p, {0, 30, -8}, {74, 88, 98});                                   // cranium
  d = smooth_union(d, ellipsoid(p, {0, -12, 32}, {60, 74, 62}), 24.0);                  // face
  d = smooth_union(d, ellipsoid(p, {0, -58, 36}, {48, 32, 52}), 18.0);                  // jaw
  d = smooth_union(d, tapered_capsule(p, {0, -30, -18}, {0, -260, -8}, 47, 50), 22.0);  // neck
  // Eye sockets: wide and shallow, so the layers below can follow them without crossing.
  for (double side : {-1.0, 1.0}) d = smooth_subtract(d, ellipsoid(p, {side * 31, 12, 101}, {19, 12, 8}), 10.0);
  return d;
}
double head_skin(const dvec3& p) {
  using namespace implicit;
  double d = head_base(p);
  d = smooth_union(d, ellipsoid(p, {0, 30, 80}, {48, 12, 14}), 10.0);               // brow
  d = smooth_union(d, tapered_capsule(p, {0, 14, 92}, {0, -22, 106}, 6, 11), 8.0);  // nose
  d = smooth_union(d, ellipsoid(p, {0, -80, 76}, {20, 14, 14}), 10.0);              // chin
  for (double side : {-1.0, 1.0}) {
    d = smooth_union(d, ellipsoid(p, {side * 72, 2, -10}, {8, 27, 15}), 12.0);  // ears
  }
  return d;
}

}  // namespace

double head_field(const glm::dvec3& p, bool features) { return features ? head_skin(p) : head_base(p); }

}  // namespace mv
