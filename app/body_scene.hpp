#pragma once
// The whole-body view (issue 13): the neutral adult body with the lesion on it, ringed, for
// orientation and counselling — where on the body, not how deep. The site's frame sits in the body
// frame at its body_origin (sites.hpp); the lesion is moved onto the body's skin along its normal
// (exactly onto it for the regions cut from this body; the four sites of Han 2009 have anatomies of
// their own, so theirs is the nearest point of the same place).
#include <glm/vec3.hpp>

#include "case_session.hpp"
#include "mesh_cache.hpp"
#include "scene.hpp"

namespace mv::app {

struct ViewSettings;

struct LesionOnBody {
  glm::dvec3 centre, normal;  // body frame
  glm::dvec3 offset;          // add to a point of the site's frame to draw it on the body
};
LesionOnBody lesion_on_body(const CaseSession& session);

// Facing the side of the body the lesion faces (front, back or a side), the whole body in view.
render::Camera body_camera(const CaseSession& session);

void assemble_body(render::Scene& scene, MeshCache& meshes, const CaseSession& session, const ViewSettings& view);

}  // namespace mv::app
