// gnuplot, run the same way for every picture (`audit --plot`, `prop1 --figure`):
// no shell, stdin from /dev/null, its output kept for the error message.
#pragma once

#include <string>
#include <vector>

namespace annealcheck::io {

// A gnuplot single-quoted string: '' stands for one quote inside.
std::string gnuplot_quote(const std::string& s);

// Runs `gnuplot ARGS...`; its stdout and stderr go to `log_path` (removed
// afterwards). Throws std::runtime_error naming `what`, with gnuplot's output,
// when gnuplot cannot be started (Debian package gnuplot-nox) or exits non-zero.
void run_gnuplot(const std::vector<std::string>& args, const std::string& log_path, const std::string& what);

}  // namespace annealcheck::io
