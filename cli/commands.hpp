// Sub-commands of the annealcheck executable. Each registers its options on the
// CLI11 app and returns the callback that runs it (exit status).
#pragma once

#include <CLI/CLI.hpp>

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>

namespace annealcheck::cli {

using Run = std::function<int()>;

struct Command {
  CLI::App* app;
  Run run;  // throws InputError on bad input (exit 2)
};

// One line per sub-command; main() registers them in this order.
Command add_types_command(CLI::App& app);
Command add_eval_command(CLI::App& app);
Command add_list_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_replay_command(CLI::App& app);
Command add_verify_command(CLI::App& app);
Command add_merge_command(CLI::App& app);
Command add_prop1_command(CLI::App& app);
Command add_audit_command(CLI::App& app);
Command add_limits_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_certify_command(CLI::App& app);

// Coq certificate of the violation of F2 on a report's case (`replay REPORT --coq OUT`,
// certify_command.cpp): 0 written, 1 when the violation cannot be certified.
int write_f2_refutation_certificate(const nlohmann::json& instance, const std::string& source, const std::string& out);
}  // namespace annealcheck::cli
