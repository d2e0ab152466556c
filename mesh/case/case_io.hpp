#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "case/case_model.hpp"
#include "common/file_io.hpp"
#include "common/issues.hpp"

namespace mv {

// Case file schema: docs/case-format.md. This build reads and writes major version 1.
constexpr int kSchemaMajor = 1;
// 1.1 added "mohs"; 1.2 "plan", "pending" results and block "layer"; 1.3 "histology",
// "translocation", "surgery", stage "procedure", "by", "processing", "stain" and "not examined"
// results. Older files still load.
constexpr int kSchemaMinor = 4;  // 1.4: the whole body's regions as sites, lesion.position optional, habitus
constexpr std::uint64_t kMaxCaseFileBytes = 4u << 20;
constexpr size_t kMaxJsonNesting = 64;

struct CaseLoad {
  std::optional<Case> value;  // set when there is no error
  std::vector<Issue> issues;  // every error and warning found, parse and validation together
  // Set instead of `value` when the file reads but fails validation: unsaved work being recovered
  // (an autosave) may hold a half-typed value, and is shown with its errors rather than dropped.
  std::optional<Case> draft;
};

CaseLoad parse_case(std::string_view json_text);
CaseLoad load_case_file(const std::filesystem::path& path);

// The case as JSON, unknown keys of the original file kept where they were. Throws
// std::invalid_argument naming the field when a number is NaN/infinite or text is not UTF-8.
std::string serialize_case(const Case& c);

// Validates, serializes, then replace_file_durably (file_io.hpp): the old file kept as `<name>.bak`.
// On failure throws std::runtime_error and the file on disk is byte-identical.
void save_case_file(const Case& c, const std::filesystem::path& path, const ReplaceOptions& options = {});

}  // namespace mv
