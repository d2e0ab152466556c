#pragma once
#include <string>
#include <vector>

namespace mv {

enum class Severity { Error, Warning };

// One finding about a case: where (a JSON path such as "measurements[1].x_cm"), the value seen
// and what was expected, e.g. `measurements[1].x_cm: -2 — must be > 0 and ≤ 60 (cm)`.
struct Issue {
  Severity severity = Severity::Error;
  std::string path;
  std::string message;  // "<value> — <expectation>"
  std::string text() const;
};

bool has_errors(const std::vector<Issue>& issues);
std::string format_issues(const std::vector<Issue>& issues);  // one per line, "error: ..." / "warning: ..."

}  // namespace mv
