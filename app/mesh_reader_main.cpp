// marginviz-mesh-reader: the child process that reads a mesh file for marginviz (mesh/io/mesh_reader.hpp).
#include "huge_pages.hpp"
#include "io/mesh_reader.hpp"

int main(int argc, char** argv) {
  mv::app::restart_with_huge_pages(argv);  // a scan's raw corners are tens of MB of fresh memory
  return mv::mesh_reader_main(argc, argv);
}
