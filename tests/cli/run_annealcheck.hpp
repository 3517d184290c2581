// Test support: runs the real annealcheck binary (ANNEALCHECK_BINARY) with
// arguments through the shell and returns its exit status, stdout and stderr.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace annealcheck::testing {

struct CliResult {
  int status;
  std::string out, err;
};

inline CliResult run_annealcheck(const std::string& args) {
  const auto err_file = std::filesystem::temp_directory_path() / ("annealcheck_cli_err_" + std::to_string(::getpid()));
  const std::string cmd = std::string(ANNEALCHECK_BINARY) + " " + args + " 2>" + err_file.string();
  CliResult r{};
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  while (size_t n = fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  std::filesystem::remove(err_file);
  return r;
}

}  // namespace annealcheck::testing
