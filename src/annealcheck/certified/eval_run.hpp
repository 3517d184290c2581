// One `eval` end to end, shared by the CLI (cli/eval_command.cpp) and the Python
// module (python/module.cpp): the point evaluation in the type, the filter
// (certified/filtered.hpp), the exact-input decision of what it leaves open (or of
// every check with `certified`), and the result as JSON or text. One function, so
// the two front ends print the same digits.
#pragma once

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/certified/filtered.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/report.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace annealcheck::certified {

struct EvalRequest {
  engine::Problem problem;
  std::string type = "double";
  std::optional<std::size_t> checkpoints;  // default: the instance file's, else 16
  int digits = 20;                         // significant digits of the table (JSON keeps all)
  bool certified = false;                  // decide every check on the exact input
  bool fast = false;                       // point verdicts only
  Options cert;                            // MPFI precisions (start_bits, cap_bits)
};

struct EvalRun {
  EvalRequest request;
  engine::EvalReport report;              // the point evaluation in the type
  std::optional<Result> exact;            // exact-input decisions (none with fast, or nothing open)
  std::optional<FilteredVerdict> verdict; // none with fast
  int exit_status = 0;                    // eval's exit status (docs/eval.md)
};

// Throws InputError on a bad request (unrepresentable input, fast with certified, cap < start).
EvalRun run_eval(EvalRequest request);

nlohmann::json eval_json(const EvalRun& run);  // `eval --format json`
std::string eval_table(const EvalRun& run);    // `eval`

}  // namespace annealcheck::certified
