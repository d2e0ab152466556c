#include "huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <sys/auxv.h>
#include <unistd.h>

namespace mv::app {

std::optional<std::string> tunables_for_huge_pages(const std::string& kernel_modes, const std::string& tunables) {
  if (kernel_modes.find("[madvise]") == std::string::npos) return std::nullopt;         // "always": no need; "never": no use
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return std::nullopt;  // the user chose
  return tunables + (tunables.empty() ? "" : ":") + "glibc.malloc.hugetlb=1";
}

void restart_with_huge_pages(char** argv) {
#ifndef MARGINVIZ_SANITIZED  // AddressSanitizer has its own allocator: glibc's tunable means nothing there
  // Set only in the restarted process, holding the GLIBC_TUNABLES it was started with ("-": none),
  // so that it can put them back for anything it starts later.
  constexpr const char* kRestarted = "MARGINVIZ_RESTARTED_FOR_HUGE_PAGES";
  if (const char* before = std::getenv(kRestarted)) {  // the restarted process: glibc has read them
    std::string(before) == "-" ? ::unsetenv("GLIBC_TUNABLES") : ::setenv("GLIBC_TUNABLES", before, 1);
    ::unsetenv(kRestarted);
    return;
  }
  if (const char* opt = std::getenv("MARGINVIZ_HUGE_PAGES"); opt && std::string(opt) == "0") return;
  // Started through the dynamic loader (ld.so PROGRAM): /proc/self/exe is the loader, and
  // starting it again without its options would not start marginviz.
  if (::getauxval(AT_BASE) == 0) return;
  std::ifstream policy("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(policy, modes);
  const char* set = std::getenv("GLIBC_TUNABLES");
  const std::string before = set ? set : "";
  const auto tunables = tunables_for_huge_pages(modes, before);
  if (!tunables) return;
  if (::setenv(kRestarted, set ? before.c_str() : "-", 1) != 0) return;  // no marker, no restart: it could loop
  if (::setenv("GLIBC_TUNABLES", tunables->c_str(), 1) == 0) ::execv("/proc/self/exe", argv);
  // Not restarted: go on with normal pages, the environment as it was.
  set ? ::setenv("GLIBC_TUNABLES", before.c_str(), 1) : ::unsetenv("GLIBC_TUNABLES");
  ::unsetenv(kRestarted);
#else
  (void)argv;
#endif
}

}  // namespace mv::app
