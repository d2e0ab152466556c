#pragma once
// Runs the built `marginviz` binary (or another command) and keeps its exit code, stdout and stderr.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace mv {

struct CliResult {
  int code = -1;
  std::string out, err;
};

// `command` in a shell, stderr captured apart from stdout.
inline CliResult run_command(const std::string& command) {
  const auto err_file = std::filesystem::temp_directory_path() / ("marginviz-cli-err-" + std::to_string(::getpid()));
  const std::string cmd = command + " 2>" + err_file.string();
  CliResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
  std::filesystem::remove(err_file);
  return r;
}

// marginviz with `args`; `env` prefixes the command, e.g. "env -u DISPLAY".
inline CliResult run(const std::string& args, const std::string& env = "") {
  return run_command(env + " " + std::string(MARGINVIZ_BINARY) + " " + args);
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace mv
