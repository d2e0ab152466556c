#pragma once
// The counselling view's ruler (issue 14): a scale a patient knows, laid on the skin beside the
// lump, parallel to its X axis, with a tick and a number at every centimetre measured along the
// skin, long enough for the lump at its largest.
#include "case_session.hpp"
#include "scene.hpp"

namespace mv::app {

// Whole centimetres the ruler spans: the largest X of any measurement, rounded up, plus one.
int ruler_length_cm(const Case& c);

// Adds the ruler's lines and numbers to the scene; nothing where the skin beside the lump cannot
// be walked (a lesion at the edge of the modelled patch).
void add_skin_ruler(render::Scene& scene, const CaseSession& s);

}  // namespace mv::app
