#include "cli.hpp"

int main(int argc, char** argv) { return mv::app::run(argc, argv); }
