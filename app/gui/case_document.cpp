#include "case_document.hpp"

#include <stdexcept>

#include "case_io.hpp"
#include "validation.hpp"

namespace mv::app {

std::vector<Issue> CaseDocument::open(const std::filesystem::path& path) {
  CaseLoad load = load_case_file(path);
  if (!load.value) return load.issues;
  working_ = std::move(*load.value);
  path_ = path;
  dirty_ = false;
  issues_ = load.issues;
  ++revision_;
  return {};
}

std::string CaseDocument::save_as(const std::filesystem::path& path) {
  if (path.empty()) return "no file name given";
  try {
    save_case_file(working_, path);
  } catch (const std::exception& e) {
    return e.what();
  }
  path_ = path;
  dirty_ = false;
  return {};
}

void CaseDocument::recover(Case work, const std::filesystem::path& path) {
  working_ = std::move(work);
  path_ = path;
  changed();
}

void CaseDocument::changed() {
  dirty_ = true;
  issues_ = validate_case(working_);
  ++revision_;
}

std::vector<Issue> CaseDocument::issues_under(const std::string& prefix) const {
  std::vector<Issue> out;
  for (const auto& i : issues_)
    if (i.path.rfind(prefix, 0) == 0) out.push_back(i);
  return out;
}

}  // namespace mv::app
