#include "huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace mv::app {

std::optional<std::string> tunables_for_huge_pages(const std::string& kernel_modes, const std::string& tunables) {
  if (kernel_modes.find("[madvise]") == std::string::npos) return std::nullopt;  // "always": no need; "never": no use
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return std::nullopt;  // the user chose
  return tunables + (tunables.empty() ? "" : ":") + "glibc.malloc.hugetlb=1";
}

void restart_with_huge_pages(char** argv) {
#ifndef MARGINVIZ_SANITIZED  // AddressSanitizer has its own allocator: glibc's tunable means nothing there
  if (std::getenv("MARGINVIZ_HUGE_PAGES")) return;  // restarted already, or opted out
  std::ifstream policy("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(policy, modes);
  const char* set = std::getenv("GLIBC_TUNABLES");
  const std::optional<std::string> before = set ? std::optional<std::string>(set) : std::nullopt;
  const auto tunables = tunables_for_huge_pages(modes, before.value_or(""));
  if (!tunables) return;
  ::setenv("GLIBC_TUNABLES", tunables->c_str(), 1);
  ::setenv("MARGINVIZ_HUGE_PAGES", "1", 1);
  ::execv("/proc/self/exe", argv);
  ::unsetenv("MARGINVIZ_HUGE_PAGES");  // exec failed: go on with normal pages
  before ? ::setenv("GLIBC_TUNABLES", before->c_str(), 1) : ::unsetenv("GLIBC_TUNABLES");
#else
  (void)argv;
#endif
}

}  // namespace mv::app
