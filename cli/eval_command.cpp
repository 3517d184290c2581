// `annealcheck eval`: every quantity and inequality of Lemma 2 for one instance.
#include "annealcheck/certified/eval_report.hpp"
#include "annealcheck/certified/filtered.hpp"
#include "annealcheck/engine/report.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/engine/representable.hpp"
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
    const engine::TypeSpec type = engine::parse_type_id(o->type);
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
    engine::check_representable(problem, type);  // e.g. eps = 1e-100000 at double: refused, naming the rung that holds it
    std::size_t checkpoints = o->checkpoints;  // --checkpoints, else the file's, else 16
    if (cmd->count("--checkpoints") == 0)
      if (const auto* s = std::get_if<model::InstanceSpec>(&problem); s && s->checkpoints) checkpoints = *s->checkpoints;
    if (o->fast && o->certified) throw InputError("--fast", "together with --certified", "one of --fast (point verdicts) and --certified");
    const engine::EvalReport r = engine::evaluate(problem, type, {checkpoints, o->digits});
    if (o->fast) {
      if (o->format == "json") std::cout << engine::render_json(r).dump(2) << "\n";
      else std::cout << engine::render_table(r);
      return r.conclusions_hold ? 0 : 1;
    }
    if (o->cert.cap_bits < o->cert.start_bits)
      throw InputError("--certified-cap", std::to_string(o->cert.cap_bits), "at least --certified-bits (" + std::to_string(o->cert.start_bits) + ")");
    o->cert.checkpoints = checkpoints;
    // The filter (certified/filtered.hpp): only what the point value cannot decide goes to the exact input.
    std::vector<std::string> open = certified::undecided_by_filter(r);
    std::optional<certified::Result> c;
    if (o->certified) c = certified::decide(interval::exact_problem(problem), o->cert);
    else if (!open.empty()) c = certified::decide(interval::exact_problem(problem), o->cert, open);
    const certified::FilteredVerdict v = certified::filtered_verdict(r, c ? &*c : nullptr);
    if (o->format == "json") {
      nlohmann::json j = engine::render_json(r);
      if (c) j["certified"] = certified::section_json(*c, o->cert);
      j["verdict"] = certified::filtered_json(v);
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << engine::render_table(r) << (c ? certified::render_section(*c, o->cert, o->digits) : std::string()) << "verdict: " << v.summary
                << "\n";
    }
    return v.exit_status;
  }};
}

}  // namespace annealcheck::cli
