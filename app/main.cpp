#include "cli.hpp"
#include "huge_pages.hpp"

int main(int argc, char** argv) {
  mv::app::restart_with_huge_pages(argv);
  return mv::app::run(argc, argv);
}
