// Sub-commands of the annealcheck executable. Each registers its options on the
// CLI11 app and returns the callback that runs it (exit status).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace annealcheck::cli {

using Run = std::function<int()>;

Run add_eval_command(CLI::App& app);

}  // namespace annealcheck::cli
