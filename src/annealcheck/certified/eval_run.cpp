#include "annealcheck/certified/eval_run.hpp"

#include "annealcheck/certified/eval_report.hpp"
#include "annealcheck/engine/representable.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/io/input_error.hpp"

#include <nlohmann/json.hpp>

#include <variant>
#include <vector>

namespace annealcheck::certified {

EvalRun run_eval(EvalRequest request) {
  const engine::TypeSpec type = engine::parse_type_id(request.type);
  engine::check_representable(request.problem, type);  // e.g. eps = 1e-100000 at double: refused, naming the rung that holds it
  if (request.fast && request.certified) throw InputError("--fast", "together with --certified", "one of --fast (point verdicts) and --certified");
  std::size_t checkpoints = 16;
  if (request.checkpoints) checkpoints = *request.checkpoints;
  else if (const auto* s = std::get_if<model::InstanceSpec>(&request.problem); s && s->checkpoints) checkpoints = *s->checkpoints;
  request.checkpoints = checkpoints;
  request.cert.checkpoints = checkpoints;
  EvalRun run{request, engine::evaluate(request.problem, type, {checkpoints, request.digits}), std::nullopt, std::nullopt, 0};
  if (request.fast) {
    run.exit_status = run.report.conclusions_hold ? 0 : 1;
    return run;
  }
  if (request.cert.cap_bits < request.cert.start_bits)
    throw InputError("--certified-cap", std::to_string(request.cert.cap_bits),
                     "at least --certified-bits (" + std::to_string(request.cert.start_bits) + ")");
  // The filter: only what the point value cannot decide goes to the exact input.
  const std::vector<std::string> open = undecided_by_filter(run.report);
  if (request.certified) run.exact = decide(interval::exact_problem(request.problem), request.cert);
  else if (!open.empty()) run.exact = decide(interval::exact_problem(request.problem), request.cert, open);
  run.verdict = filtered_verdict(run.report, run.exact ? &*run.exact : nullptr);
  run.exit_status = run.verdict->exit_status;
  return run;
}

nlohmann::json eval_json(const EvalRun& run) {
  nlohmann::json j = engine::render_json(run.report);
  if (run.exact) j["certified"] = section_json(*run.exact, run.request.cert);
  if (run.verdict) j["verdict"] = filtered_json(*run.verdict);
  return j;
}

std::string eval_table(const EvalRun& run) {
  std::string out = engine::render_table(run.report);
  if (run.exact) out += render_section(*run.exact, run.request.cert, run.request.digits);
  if (run.verdict) out += "verdict: " + run.verdict->summary + "\n";
  return out;
}

}  // namespace annealcheck::certified
