#pragma once
#include <optional>

#include "case/case_json.hpp"
#include "case/mohs.hpp"

namespace mv {

// The "mohs" section of a case file (docs/case-format.md). Type problems are path-named issues;
// the rules between stages and blocks are checked by validate_case.
std::optional<MohsRecord> read_mohs(json_reader::Reader& r, const Json& section, Site site);
Json write_mohs(const MohsRecord& m);

}  // namespace mv
