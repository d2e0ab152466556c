#pragma once
#include <optional>
#include <string>

#include "case/case_model.hpp"

namespace mv::app {

// Edits a surgeon makes on a Mohs map, kept apart from the GUI so tests can drive them.
MarginResult next_result(MarginResult r);  // click cycle: pending → clear → positive → close → indeterminate → pending
// Splits block `index` at the middle of its span; the new half gets an unused label.
void split_block(MohsStage& stage, size_t index);
// Merges block `index` with the block that starts where it ends; false if there is none. The
// merged block keeps the worse of the two results (positive > indeterminate > pending > close > clear);
// blocks of different layers (a wedge, a deep-only layer) are not merged.
bool merge_with_next(MohsStage& stage, size_t index);
// A first stage: four quadrant blocks A-D centred on 12, 3, 6 and 9 o'clock, all pending.
MohsStage first_stage(Site site, std::optional<CaseDate> date);
// The next stage over every margin still open in any stage (mohs_completeness), each span with the
// layer it needs: a peripheral wedge where only the periphery is open, a deep-only layer where
// only the deep margin is (one plane deeper), a full layer where both are. Its blocks are pending.
// nullopt when nothing is open.
std::optional<MohsStage> next_stage_from_open(const MohsRecord& record, Site site, std::optional<CaseDate> date);
// The date a new stage gets: today for a case dated in ISO dates; for day offsets (which have no
// calendar), the day of the last stage or, before any, of the last measurement.
std::optional<CaseDate> new_stage_date(const Case& c, const std::string& today_iso);
std::string today_iso();

}  // namespace mv::app
