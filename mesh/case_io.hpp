#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "case_model.hpp"
#include "issues.hpp"

namespace mv {

// Case file schema: docs/case-format.md. This build reads and writes major version 1.
constexpr int kSchemaMajor = 1;
constexpr int kSchemaMinor = 1;  // 1.1 added the "mohs" section; 1.0 files still load
constexpr std::uint64_t kMaxCaseFileBytes = 4u << 20;
constexpr size_t kMaxJsonNesting = 64;

struct CaseLoad {
  std::optional<Case> value;  // set when there is no error
  std::vector<Issue> issues;  // every error and warning found, parse and validation together
};

CaseLoad parse_case(std::string_view json_text);
CaseLoad load_case_file(const std::filesystem::path& path);

// The case as JSON, unknown keys of the original file kept where they were.
std::string serialize_case(const Case& c);

// Writes atomically: temp file in the same folder, fsync, the old file kept as `<name>.bak`,
// rename over the target. On failure throws std::runtime_error and the old file is untouched.
void save_case_file(const Case& c, const std::filesystem::path& path);

// Reads a whole file, refusing files over `max_bytes`; throws std::runtime_error with the reason.
std::string read_file_capped(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace mv
