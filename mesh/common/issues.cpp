#include "common/issues.hpp"

#include <algorithm>

namespace mv {

std::string Issue::text() const { return path.empty() ? message : path + ": " + message; }

bool has_errors(const std::vector<Issue>& issues) {
  return std::any_of(issues.begin(), issues.end(), [](const Issue& i) { return i.severity == Severity::Error; });
}

std::string format_issues(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) out += (i.severity == Severity::Error ? "error: " : "warning: ") + i.text() + "\n";
  return out;
}

}  // namespace mv
