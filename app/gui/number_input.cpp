#include "number_input.hpp"

#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>  // GetItemID (public from ImGui 1.88)

namespace mv::app {
namespace {

ImGuiID refused_item = 0;  // the widget whose text is not a finite number, while it is edited

bool keep_if_finite(double& v, double typed, bool edited) {
  const ImGuiID id = ImGui::GetItemID();
  if (edited) refused_item = std::isfinite(typed) ? 0 : id;
  if (refused_item == id) {
    if (ImGui::IsItemActive()) ImGui::SetTooltip("Not a finite number: the value stays %g until a number is typed.", v);
    else
      refused_item = 0;
  }
  if (!edited || !std::isfinite(typed)) return false;
  v = typed;
  return true;
}

}  // namespace

bool input_number(const char* id, double& v, const char* format) {
  double typed = v;
  const bool edited = ImGui::InputDouble(id, &typed, 0.0, 0.0, format);
  return keep_if_finite(v, typed, edited);
}

bool drag_number(const char* label, double& v, float speed, double lo, double hi, const char* format) {
  return ImGui::DragScalar(label, ImGuiDataType_Double, &v, speed, &lo, &hi, format, ImGuiSliderFlags_AlwaysClamp);
}

}  // namespace mv::app
