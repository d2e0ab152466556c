#pragma once

namespace mv::app {

// Entry point: `marginviz [CASE]` opens the GUI; `marginviz render|export|report|validate ...`
// work headless. Exit codes: 0 success, 2 invalid input or usage, 1 other failure.
int run(int argc, char** argv);

}  // namespace mv::app
