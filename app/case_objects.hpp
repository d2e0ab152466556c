#pragma once
// The named objects a case shows, each with its role and its one palette colour: the content
// that `render`, the GUI, the legend and `export` share (Slicer keeps data apart from display the
// same way). The 3D view styles them per view (scene_assembly.cpp); export writes them as they are.
#include <string>
#include <vector>

#include "case_session.hpp"
#include "palette.hpp"

namespace mv::app {

struct ViewSettings;

enum class ObjectRole { Tissue, Tumour, Ghost, MohsStage, Defect, ConfirmedTumour, FinalMargin, Plan };

struct CaseObject {
  std::string name;  // stable and unique: "skin", "tumour-preoperative", "mohs-stage-2"
  ObjectRole role;
  palette::Rgba colour;      // from the palette (a tissue's atlas colour, a stage's own colour)
  const TriangleMesh* mesh;  // mm; owned by the session
  int index = 0;             // the layer or the stage (0-based)
};

// "day 45 (interpolated)" -> "day-45-interpolated": safe as a node or object name.
std::string slug(const std::string& text);

// The meshes of the case as `view` shows them (its Mohs and plan switches; a plan that does not
// fit is left out), anatomy first, in drawing order. `full_anatomy`: the anatomy's full solids
// (export) rather than the lighter copies a large scan is drawn with.
std::vector<CaseObject> case_objects(CaseSession& session, const ViewSettings& view, bool full_anatomy);
// The first object of `role`, or null / a std::logic_error when there is none.
const CaseObject* find_object(const std::vector<CaseObject>& objects, ObjectRole role, int index = 0);
const CaseObject& object_of(const std::vector<CaseObject>& objects, ObjectRole role, int index = 0);

}  // namespace mv::app
