#pragma once
#include <filesystem>

namespace mv {

// The mesh reader program, `marginviz-mesh-reader FILE`: reads FILE with Assimp for the marginviz
// process that started it (import_meshes) and answers through kIsolatedFd (isolated_call.hpp).
// A separate program rather than a fork of the caller: a fork of a multithreaded process (the GUI,
// OpenGL's threads) inherits locks that other threads held, and could hang on one.
int mesh_reader_main(int argc, char** argv);

// Where import_meshes finds the reader: $MARGINVIZ_MESH_READER, else beside this program (the
// app's folder); empty when there is none (it then reads in a forked child, and says so once on
// stderr). Programs built elsewhere (tests, fuzzers, benchmarks) set the variable themselves
// (tests/reader_location.cpp): the core knows nothing of the build's folders.
std::filesystem::path mesh_reader_program();

}  // namespace mv
