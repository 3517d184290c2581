// `annealcheck eval`: every quantity and inequality of Lemma 2 for one instance.
#include "annealcheck/certified/eval_run.hpp"
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::cli {

Command add_eval_command(CLI::App& app) {
  struct Options {
    std::string instance, type = "double", format = "table", alpha = "1e-6", eps = "1e-9";
    long K = 10;
    bool prop1 = false;
    std::size_t checkpoints = 16;
    int digits = 20;
    bool certified = false, fast = false;
    certified::Options cert;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("eval", "Evaluate every quantity and inequality of Lemma 2 (SPEC labels, PASS/FAIL, margins)");
  cmd->add_option("instance", o->instance, "Instance JSON file ({\"gamma\":[...],\"lambda\":[...],\"delta0\":[...],\"k\":2,...})");
  cmd->add_flag("--prop1", o->prop1, "Evaluate Proposition 1's (2,1) case instead of a file (SPEC §4)");
  cmd->add_option("--alpha", o->alpha, "alpha for --prop1, in (0,1)")->capture_default_str();
  cmd->add_option("--eps", o->eps, "eps for --prop1, > 0")->capture_default_str();
  cmd->add_option("--K", o->K, "GD steps for --prop1, >= 0")->capture_default_str();
  cmd->add_option("--type", o->type, "Number type id (see `annealcheck types`)")->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(one_of({"table", "json"}))->capture_default_str();
  cmd->add_option("--checkpoints", o->checkpoints, "GF checkpoints, geometric in train loss (default: the file's, else 16)")
      ->check(in_range(std::size_t{1}, limits::kMaxCheckpoints))
      ->capture_default_str();
  cmd->add_option("--digits", o->digits, "Significant digits in the table (JSON keeps all)")
      ->check(in_range(1, 10000))
      ->capture_default_str();
  cmd->add_flag("--certified", o->certified,
                "Decide every check with MPFI enclosures from the exact instance, not only those the point filter leaves open");
  cmd->add_flag("--fast", o->fast,
                "Point verdicts only (PASS/FAIL/ROUNDING in the type): no decision on the exact input (exit 1 when a conclusion FAILs)");
  cmd->add_option("--certified-bits", o->cert.start_bits, "Starting MPFI precision for --certified")
      ->check(CLI::Range(16L, 1L << 20))
      ->capture_default_str();
  cmd->add_option("--certified-cap", o->cert.cap_bits, "Largest MPFI precision for --certified (doubling)")
      ->check(CLI::Range(16L, 1L << 20))
      ->capture_default_str();
  return {cmd, [o, cmd]() {
    engine::parse_type_id(o->type);  // a bad --type is named before the instance is read
    engine::Problem problem;
    if (o->prop1) {
      if (!o->instance.empty()) throw InputError("instance", "\"" + o->instance + "\"", "no instance file together with --prop1");
      problem = engine::prop1_case21(o->alpha, o->eps, o->K);
    } else {
      for (const char* opt : {"--alpha", "--eps", "--K"})
        if (cmd->count(opt) > 0) throw InputError(opt, "a value without --prop1", "--prop1 (instance files carry their own alpha, eps, K)");
      if (o->instance.empty()) throw InputError("instance", "nothing", "an instance JSON file, or --prop1");
      problem = model::read_instance_file(o->instance);
    }
    certified::EvalRequest request{problem, o->type, std::nullopt, o->digits, o->certified, o->fast, o->cert};
    if (cmd->count("--checkpoints") > 0) request.checkpoints = o->checkpoints;  // else the file's, else 16
    const certified::EvalRun run = certified::run_eval(std::move(request));
    if (o->format == "json") std::cout << certified::eval_json(run).dump(2) << "\n";
    else std::cout << certified::eval_table(run);
    return run.exit_status;
  }};
}

}  // namespace annealcheck::cli
