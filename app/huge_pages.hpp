#pragma once
#include <optional>
#include <string>

namespace mv::app {

// Starts this process again, once, with glibc's malloc asking for transparent huge pages
// (GLIBC_TUNABLES=glibc.malloc.hugetlb=1, read by glibc only at start), where the kernel gives them
// on request ("madvise" mode). Why: a render touches ~100 MB of new buffers in Mesa's llvmpipe
// (multisampled targets), one page fault per 4 KiB page, and on a virtual machine those faults
// took a quarter of a `render` (perf). MARGINVIZ_HUGE_PAGES=0 opts out. Returns (and the process
// goes on as it is) where the restart is not needed, not possible (started through the dynamic
// loader) or already done; the restarted process puts the environment back as it found it.
void restart_with_huge_pages(char** argv);

// The GLIBC_TUNABLES to restart with, given the kernel's transparent-huge-page modes (the line of
// /sys/kernel/mm/transparent_hugepage/enabled) and the current GLIBC_TUNABLES; nothing when a
// restart would not help.
std::optional<std::string> tunables_for_huge_pages(const std::string& kernel_modes, const std::string& tunables);

}  // namespace mv::app
