// Targeted search (issue 14): drive a property's relative margin down over the
// continuous parameters of a Lemma 2 instance, instead of sampling at random.
//
// The objective is the relative slack (margin + error bound)/scale of the check's
// verdict, so that a tie that rounding cannot decide is not a resting place.
// Start with the property's own RapidCheck run (generator_cases below). Then screen `screen` (default 8) cases of the property's own generator (registry lemma2_instances), then
// from the one closest to failing minimise the relative margin of the property's check (registry check_case: the
// one decision rule at the chosen type) with NLopt's derivative-free Subplex
// (NLOPT_LN_SBPLX; --optimizer bobyqa, cobyla, neldermead) over log γ_i, log λ_i, log |δ_i(0)| (signs and zeros kept),
// logit α, log ε and K (rounded to an integer), d and k fixed per start; then restart
// from the next generated case until the budget is spent. γ is re-sorted after each
// move (λ, δ(0) follow their coordinate), ρ keeps its fraction of the largest gap,
// a short step η·γ_1 its product. A point where the property's premises do not hold
// exactly (c1_holds / c2_holds at 256 bits) or its check discards is infeasible.
//
// The search stops at the first case whose verdict fails beyond rounding in the type
// AND is certified refuted on the exact case (registry certify_case: a counterexample,
// the caller reports it like any other), or when `budget` evaluations (calls of the
// check, the generated starts included) are spent. A failure the certified decision
// does not confirm is counted (uncertified_failures) and kept as a tight feasible
// point (objective 0), never reported as a counterexample (issue 21, item 4).
#pragma once

#include "claims/claim_property.hpp"
#include "properties/registry.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::claims {

struct SearchOptions {
  std::string id;                // a property whose cases carry a Lemma 2 instance (a claim or a catalog id)
  std::string type = "double";
  long budget = 2000;            // evaluations of the check, in all
  long per_restart = 60;         // evaluations per local optimisation
  int screen = 8;                // generated draws evaluated before each local optimisation (the best one starts it)
  std::string optimizer = "sbplx";  // NLopt local, derivative-free: sbplx, bobyqa, cobyla, neldermead
  // "local": screen + optimiser with restarts. "uniform": the baseline of plain random
  // sampling over the same parametrisation and box: each draw takes a generated case's
  // structure (d, k, signs of δ(0), zeros) and draws every free coordinate uniformly
  // in the box the optimiser is given around it (K uniformly in its integer range).
  std::string strategy = "local";
  double box = 40;               // half-width of the box around a start, in the log / logit coordinates
  // "local" without --fix starts with the property's own RapidCheck run: the cases
  // `check ID --seed SEED --cases N` draws (N = this, default the property's own case
  // count, at most the budget; RapidCheck's sizes depend on N), ended by its first
  // counterexample, so the search is never worse than that check.
  // The optimiser then starts from that run's closest case. 0: no generator phase.
  std::optional<long> generator_cases;
  std::uint64_t seed = 0;
  std::map<std::string, std::string> fix;  // alpha, eps, K (exact values) or d (starts with that dimension)
  std::vector<Premise> premises;           // kept true during the search
};

struct SearchStep {
  long evaluation = 0;
  int restart = 0;
  double relative_slack = 0;  // (margin + error bound)/scale: < 0 fails beyond rounding
};

struct SearchResult {
  long evaluations = 0;
  int restarts = 0;
  bool counterexample = false;             // `tightest` fails beyond rounding and is certified refuted
  long uncertified_failures = 0;           // failures in the type the certified decision did not confirm
  std::optional<properties::CaseReport> tightest;  // smallest relative margin seen (the counterexample when found)
  std::vector<SearchStep> trajectory;      // every improvement of the best margin
  long infeasible = 0;                     // points outside the premises (not counted as evaluations)
  long generator_evaluations = 0;          // cases of the generator phase (counted in evaluations; its shrink steps are not)
};

SearchResult search(const SearchOptions& options);

// The premises a catalog property's generator constructs (for its search): C1 for
// F1, C2' for the strengthened (G), C1 and C2 otherwise; a claim's own `given`.
std::vector<Premise> property_premises(const std::string& id);

// "alpha=1/2" -> {"alpha", "1/2"}; throws InputError (field "--fix") for unknown names or values.
std::pair<std::string, std::string> parse_fix(const std::string& text);

}  // namespace annealcheck::claims
