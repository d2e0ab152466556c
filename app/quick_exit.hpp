#pragma once
#include <cstdlib>
#include <iostream>

namespace mv::app {

// Ends a one-shot command whose output is written and flushed without tearing down what it
// built (the OpenGL context and its driver threads, hundreds of MB of meshes): the system
// reclaims it all at once. Saves ~80 ms of a 1.1 s render (README, "Speed"); compilers do the
// same. Sanitizer builds (MARGINVIZ_SANITIZED, set by CMake) return normally so that leak checks
// still see everything.
[[maybe_unused]] inline void exit_without_teardown(int code) {
#ifndef MARGINVIZ_SANITIZED
  std::cout.flush();
  std::cerr.flush();
  std::_Exit(code);
#else
  (void)code;
#endif
}

}  // namespace mv::app
