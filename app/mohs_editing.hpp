#pragma once
#include <optional>
#include <string>

#include "case_model.hpp"

namespace mv::app {

// Edits a surgeon makes on a Mohs map, kept apart from the GUI so tests can drive them.
MarginResult next_result(MarginResult r);  // click cycle: clear → positive → close → indeterminate → clear
// Splits block `index` at the middle of its span; the new half gets an unused label.
void split_block(MohsStage& stage, size_t index);
// Merges block `index` with the block that starts where it ends; false if there is none. The
// merged block keeps the worse of the two results (positive > close > indeterminate > clear).
bool merge_with_next(MohsStage& stage, size_t index);
// A first stage: four quadrant blocks A-D centred on 12, 3, 6 and 9 o'clock.
MohsStage first_stage(Site site);
// The following stage over every block of the last stage that was not clear: peripheral blocks are
// widened by the same margin; where only the deep margin was involved the stage is deep-only and
// goes one plane deeper.
std::optional<MohsStage> next_stage_from_positive(const MohsRecord& record, Site site);

}  // namespace mv::app
