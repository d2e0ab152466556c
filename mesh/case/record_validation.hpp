#pragma once
#include <vector>

#include "case/case_model.hpp"
#include "common/issues.hpp"

namespace mv {

// The rules of the clinical record (docs/case-format.md, "surgery"): every stage once in the
// steps, in order; dates in order; a closure dated before the margins were clear; imatinib for a
// translocation-negative tumour.
void validate_record(const Case& c, std::vector<Issue>& out);

}  // namespace mv
