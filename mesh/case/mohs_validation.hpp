#pragma once
#include <vector>

#include "case/case_model.hpp"
#include "common/issues.hpp"

namespace mv {

// The rules between Mohs stages and blocks (docs/case-format.md, "mohs"): margins, depth planes,
// full-circle coverage, later stages only where the previous one was not clear.
void validate_mohs(const Case& c, std::vector<Issue>& out);

}  // namespace mv
