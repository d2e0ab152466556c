#pragma once
// The head and neck as an implicit field in the scalp's frame (mm; origin at the ear canals,
// +Y superior, +Z the face): cranium, face, jaw and neck, with the brow, nose, chin and ears as
// features (the layers below the skin follow the shape without them).
#include <glm/vec3.hpp>

namespace mv {

double head_field(const glm::dvec3& p, bool features);

}  // namespace mv
