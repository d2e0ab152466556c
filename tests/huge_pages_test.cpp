// When marginviz restarts itself with glibc's huge-page tunable (app/huge_pages.hpp).
#include <gtest/gtest.h>

#include "huge_pages.hpp"

namespace mv::app {
namespace {

TEST(HugePages, RestartOnlyWhereTheKernelGivesThemOnRequest) {
  EXPECT_EQ(tunables_for_huge_pages("always [madvise] never", ""), "glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_for_huge_pages("always [madvise] never", "glibc.malloc.arena_max=2"), "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_for_huge_pages("[always] madvise never", ""), std::nullopt);                        // every allocation gets them already
  EXPECT_EQ(tunables_for_huge_pages("always madvise [never]", ""), std::nullopt);                        // none to be had
  EXPECT_EQ(tunables_for_huge_pages("", ""), std::nullopt);                                              // no such file (not Linux, a container)
  EXPECT_EQ(tunables_for_huge_pages("always [madvise] never", "glibc.malloc.hugetlb=0"), std::nullopt);  // the user's choice stands
}

}  // namespace
}  // namespace mv::app
