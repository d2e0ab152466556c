#pragma once
#include <stdexcept>

namespace mv::app {

// Bad input or usage: exit code 2. Anything else that fails is exit code 1.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mv::app
