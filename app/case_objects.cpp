#include "case_objects.hpp"

#include <cctype>
#include <stdexcept>

#include "scene_assembly.hpp"

namespace mv::app {

std::string slug(const std::string& text) {
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch)) out.push_back(static_cast<char>(std::tolower(ch)));
    else if (!out.empty() && out.back() != '-')
      out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "unnamed" : out;
}

std::vector<CaseObject> case_objects(CaseSession& s, const ViewSettings& view, bool full_anatomy) {
  std::vector<CaseObject> out;
  const auto& layers = s.site_model().anatomy.layers;
  for (size_t i = 0; i < layers.size(); ++i)
    out.push_back({layers[i].name, ObjectRole::Tissue, palette::tissue(layers[i].kind), full_anatomy ? &layers[i].solid : &layers[i].drawn(),
                   static_cast<int>(i)});
  const Case& c = s.current_case();
  out.push_back({"tumour-" + slug(s.state().label), ObjectRole::Tumour, palette::kTumour, &s.tumour().mesh});
  const std::string& first = c.measurements.front().label;
  if (s.state().label != first) {
    palette::Rgba ghost = palette::kGhost;
    ghost[3] = palette::kGhostAlpha;
    out.push_back({"tumour-" + slug(first), ObjectRole::Ghost, ghost, &s.first_tumour().mesh});
  }
  if (const MohsReconstruction* m = view.mohs && c.mohs && !c.mohs->stages.empty() ? s.mohs(view.through_stage) : nullptr) {
    for (int k = 0; k < m->stages; ++k)
      out.push_back({"mohs-stage-" + std::to_string(k + 1), ObjectRole::MohsStage, palette::stage(k), &m->stage_tissue[static_cast<size_t>(k)], k});
    out.push_back({"mohs-defect", ObjectRole::Defect, palette::kDefect, &m->defect_solids.back().mesh});
    out.push_back({"confirmed-tumour", ObjectRole::ConfirmedTumour, palette::kConfirmedTumour, &m->confirmed_solid.mesh});
    out.push_back({m->clear ? "clear-boundary" : "final-margin-not-clear", ObjectRole::FinalMargin, m->clear ? palette::kClear : palette::kNotClear,
                   &m->defect_solids.back().margin_surface});
  }
  if (view.plan) {
    try {
      out.push_back({"planned-excision", ObjectRole::Plan, palette::kPlan, &s.plan(view.plan_request).solid.mesh});
    } catch (const PlacementError&) {
      // A plan that does not fit is said by the views that show plans.
    }
  }
  return out;
}

const CaseObject* find_object(const std::vector<CaseObject>& objects, ObjectRole role, int index) {
  for (const auto& o : objects)
    if (o.role == role && o.index == index) return &o;
  return nullptr;
}

const CaseObject& object_of(const std::vector<CaseObject>& objects, ObjectRole role, int index) {
  if (const CaseObject* o = find_object(objects, role, index)) return *o;
  throw std::logic_error("the case shows no object of this role");
}

}  // namespace mv::app
