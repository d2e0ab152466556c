#pragma once
// Sampling an implicit body shape into a TubeGrid: rays from inside (an axis, a centre) outward,
// each finding the shape's outermost surface. The shape must be star-shaped from where the rays start.
#include <functional>

#include <glm/vec3.hpp>

#include "geometry/tube_grid.hpp"

namespace mv {

using Field = std::function<double(const glm::dvec3&)>;  // negative inside

struct Ray {
  glm::dvec3 origin, direction;
};
// Outermost crossing of the field's zero level along the ray, searched inward from `reach` mm.
glm::dvec3 outermost_crossing(const Field& f, const Ray& ray, double reach);
// Column angle: 0 = anterior (+Z), a quarter turn = patient's left (+X).
glm::dvec3 horizontal(double theta);
// Rings at heights y0..y1, rays outward from the vertical axis.
TubeGrid sample_cylindrical(const Field& f, int rows, int cols, double y0, double y1);
// Rings at polar angles phi0..phi1 (from +Y) around `centre`; a pole closes phi = 0 or pi.
TubeGrid sample_spherical(const Field& f, int rows, int cols, const glm::dvec3& centre, double phi0, double phi1);
// A closed grid about the segment top → bottom: a hemisphere of rays at each end (polar angle
// from the segment's direction) and rings of rays square to it between, poles at both ends.
// Column 0 faces anterior (+Z made square to the segment), a quarter turn the patient's left.
// `cap_mm` weighs the caps against the segment when rows are shared out.
TubeGrid sample_along_axis(const Field& f, int rows, int cols, const glm::dvec3& top, const glm::dvec3& bottom, double cap_mm = 60.0);

}  // namespace mv
