#pragma once

namespace mv {

// The mesh reader program, `marginviz-mesh-reader FILE`: reads FILE with Assimp for the marginviz
// process that started it (import_meshes) and answers through kIsolatedFd (isolated_call.hpp).
// A separate program rather than a fork of the caller: a fork of a multithreaded process (the GUI,
// OpenGL's threads) inherits locks that other threads held, and could hang on one.
int mesh_reader_main(int argc, char** argv);

}  // namespace mv
