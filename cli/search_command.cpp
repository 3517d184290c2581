// `annealcheck search (ID | --claim ...)`: targeted search for the smallest relative
// margin of a property (claims/search.hpp, NLopt Subplex with restarts).
// Prints the trajectory of improvements and the tightest instance; a counterexample
// is written as a normal counterexample report (replay reads it) and exits 1.
#include "annealcheck/io/input_error.hpp"
#include "cli/claim_option.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "claims/precision_shrink.hpp"
#include "claims/search_run.hpp"
#include "properties/registry.hpp"
#include "reports/counterexample_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace annealcheck::cli {
namespace {

struct SearchCommandOptions {
  std::optional<std::string> id;
  ClaimOptions claim;
  claims::SearchOptions search;
  std::vector<std::string> fix;
  std::string report_dir = "reports", format = "text";
  bool certified = false;
};

// The search as text: counts, the last improvements of the trajectory, the tightest case.
void print_search_text(const claims::SearchRun& run, const std::optional<report::WrittenReport>& written) {
  const claims::SearchOptions& so = run.options;
  const claims::SearchResult& r = run.result;
  const std::optional<properties::CertifiedVerdict>& cert = run.certified;
  std::cout << fmt::format("search {} @ {}: {} evaluations ({} of them the generator's), {} restarts ({} infeasible points skipped)\n",
                           so.id, so.type, r.evaluations, r.generator_evaluations, r.restarts, r.infeasible);
  if (r.uncertified_failures)
    std::cout << fmt::format("  {} point(s) failed in {} but are not certified refuted on the exact case: kept as tight feasible points, not counterexamples\n",
                             r.uncertified_failures, so.type);
  std::cout << "  trajectory (evaluation: relative slack after the error bound):";
  const std::size_t shown = 12, n = r.trajectory.size();  // the last improvements (--format json has all)
  if (n > shown) std::cout << fmt::format(" ({} earlier)", n - shown);
  for (std::size_t i = n > shown ? n - shown : 0; i < n; ++i)
    std::cout << fmt::format(" {}:{:+.3e}", r.trajectory[i].evaluation, r.trajectory[i].relative_slack);
  std::cout << "\n";
  if (r.tightest)
    std::cout << fmt::format("  tightest: {}\n    {}\n    {}\n", r.tightest->summary, r.tightest->case_json,
                             properties::render_verdict(r.tightest->verdict));
  if (cert) std::cout << fmt::format("  certified: {}\n", properties::render_certified(*cert));
  if (written)
    std::cout << fmt::format("\ncounterexample after {} evaluations\nreport: {}\nreplay: annealcheck replay {}\n", r.evaluations,
                             written->json_path, written->json_path);
}

int run_search(const SearchCommandOptions& o) {
  claims::SearchOptions so = o.search;
  so.id = resolve_property(o.id, o.claim);
  for (const std::string& f : o.fix) so.fix.insert(claims::parse_fix(f));
  so.premises = o.claim.claim ? claims::parse_given(o.claim.given) : claims::property_premises(so.id);
  const claims::SearchRun run = claims::run_search(so, o.certified);
  std::optional<report::WrittenReport> written;
  if (run.result.counterexample) {
    const properties::RunResult cx = claims::counterexample_run(run);
    written = report::write_report(cx, o.report_dir, claims::report_extra(cx));
  }
  if (o.format == "json")
    std::cout << claims::search_json(run, written ? std::optional<std::string>(written->json_path) : std::nullopt).dump() << "\n";
  else
    print_search_text(run, written);
  return run.result.counterexample ? 1 : 0;
}

}  // namespace

Command add_search_command(CLI::App& app) {
  auto o = std::make_shared<SearchCommandOptions>();
  o->search.seed = properties::default_seed();
  CLI::App* cmd = app.add_subcommand("search", "Drive a property's relative margin down (NLopt Subplex over log-scale parameters, restarts)");
  cmd->add_option("id", o->id, "Property id whose cases are Lemma 2 instances, or --claim");
  add_claim_options(cmd, o->claim);
  cmd->add_option("--budget", o->search.budget, "Evaluations of the check in all")->check(in_range(1L, 10'000'000L))->capture_default_str();
  cmd->add_option("--per-restart", o->search.per_restart, "Evaluations per local search")->check(in_range(1L, 10'000'000L))->capture_default_str();
  cmd->add_option("--screen", o->search.screen, "Generated draws evaluated before each local search (the best starts it)")->check(in_range(1, 1000))->capture_default_str();
  cmd->add_option("--optimizer", o->search.optimizer, "NLopt local optimiser: sbplx, bobyqa, cobyla, neldermead")->capture_default_str();
  cmd->add_option("--strategy", o->search.strategy, "local (screen + optimiser) or uniform (the random baseline: uniform draws in the same box)")->capture_default_str();
  cmd->add_option("--generator", o->search.generator_cases,
                  "Cases of the property's own RapidCheck run (as `check --seed`) before the optimiser, ended by a counterexample "
                  "(default: the property's own case count, at most --budget; 0: none; not with --fix)")
      ->check(in_range(0L, 10'000'000L));
  cmd->add_option("--box", o->search.box, "Half-width of the box around a start in the log/logit coordinates")->capture_default_str();
  cmd->add_flag("--certified", o->certified, "Decide the tightest case with certified arithmetic and print its certified margin");
  cmd->add_option("--type", o->search.type, "Number type id")->capture_default_str();
  cmd->add_option("--seed", o->search.seed, "Seed of the generated starting cases")->capture_default_str();
  cmd->add_option("--fix", o->fix, "Hold a parameter: alpha=1/2, eps=1e-3, K=10, d=2 (repeatable)");
  cmd->add_option("--report-dir", o->report_dir, "Where a counterexample's report goes")->capture_default_str();
  cmd->add_option("--format", o->format, "text or json")->check(one_of({"text", "json"}))->capture_default_str();
  return {cmd, [o] { return run_search(*o); }};
}

}  // namespace annealcheck::cli
