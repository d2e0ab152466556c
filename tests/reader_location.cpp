// Test, fuzz and benchmark programs are not built beside marginviz-mesh-reader, so they say where
// the build put it before main runs (an explicit MARGINVIZ_MESH_READER is left as it is).
#include <cstdlib>

namespace {
const bool kReaderNamed = [] { return ::setenv("MARGINVIZ_MESH_READER", MARGINVIZ_MESH_READER_BUILD, /*overwrite=*/0) == 0; }();
}  // namespace
