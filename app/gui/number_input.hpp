#pragma once
// Number widgets for case values. ImGui's text cells read "1e999" as infinity; a case must stay
// savable (autosave included), so a value that is not finite is refused at the cell: the value
// keeps what it had, and the cell says why while it is edited. (Its filter keeps "nan" out.)

namespace mv::app {

// A text cell (ImGui::InputDouble). Returns true when `v` took a new, finite value.
bool input_number(const char* id, double& v, const char* format);

// A drag box limited to [lo, hi]; Ctrl+click types a value, clamped into the range (so finite).
// Returns true when `v` changed.
bool drag_number(const char* label, double& v, float speed, double lo, double hi, const char* format);

}  // namespace mv::app
