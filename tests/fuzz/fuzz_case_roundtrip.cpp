// Any bytes as a case file: parse + validate; a case that loads must save, reload equal to
// what was saved, and serialize to the same text again (the save/reload round trip is lossless).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "case/case_io.hpp"
#include "fuzz_support.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& a, const std::string& b = {}) {
  std::fprintf(stderr, "case round trip: %s\n--- first\n%s\n--- second\n%s\n", what, a.c_str(), b.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > mv::kMaxCaseFileBytes) return 0;
  const mv::CaseLoad load = mv::parse_case(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!load.value) return 0;
  const std::string saved_text = mv::serialize_case(*load.value);
  const auto path = mv::fuzz::scratch_dir() / "case.json";
  try {
    mv::save_case_file(*load.value, path);
  } catch (const std::exception& e) {
    fail("a case that loaded could not be saved", e.what(), saved_text);
  }
  const mv::CaseLoad reload = mv::load_case_file(path);
  if (!reload.value) fail("the saved case does not load again", saved_text, mv::format_issues(reload.issues));
  const std::string resaved_text = mv::serialize_case(*reload.value);
  if (resaved_text != saved_text) fail("the reloaded case differs from the saved one", saved_text, resaved_text);
  return 0;
}
