#pragma once
// Every command-line option and the GUI controls that set the same values, in one table: name,
// value, unit, range, default, help and where it applies. CLI11 is configured from it (checks,
// defaults and --help), the GUI takes its ranges from it, and a test holds the README's option
// list to it (tests/options_test.cpp).
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace mv::app {

struct Subcommand {
  std::string_view name, summary;
};
// The subcommands, in the order --help lists them.
const std::vector<Subcommand>& subcommands();
bool is_subcommand(std::string_view word);

struct OptionSpec {
  std::string name;                  // "--plan-margin", or "case" for the positional case file
  std::string value;                 // what the value is called in usage lines: "CM", "N", "" for a flag
  std::string unit;                  // "cm", "mm", "px", "°", "" when none
  double min = NAN, max = NAN;       // the accepted range of a number (NaN: unbounded)
  std::string default_text;          // "" when there is none (the option is off or required)
  std::vector<std::string> choices;  // the accepted words, when the value is one of them
  std::string help;
  std::vector<std::string> commands;  // the subcommands that take it
  std::string gui;                    // the GUI control that sets the same value, or ""
  bool required = false;
  bool has_range() const { return !std::isnan(min); }
};

const std::vector<OptionSpec>& option_table();
// What is wrong with `v` for `o` ("11 — must be from 0 to 10 (cm)"), or "" when it is in range.
std::string range_problem(const OptionSpec& o, double v);
// The entry of `name` (e.g. "--seed"); throws std::logic_error for a name not in the table.
const OptionSpec& option(std::string_view name);

}  // namespace mv::app
