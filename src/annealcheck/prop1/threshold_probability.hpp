// P[L_D(GF)/L_D(annealed) ≥ r] over the draws (SPEC §5): exactly, by enumerating
// the count vectors with their rational probabilities; or by Monte Carlo with a
// Clopper–Pearson interval when enumeration would be too large.
//
// Per-draw verdicts are three-valued (prop1/draw_outcome.hpp): the exact answer
// is reported as P[holds] ≤ P[ratio ≥ r] ≤ P[holds] + P[undecided].
// This file is independent of the number type: the per-draw evaluation is a
// callback that the typed code (prop1/prop1_typed.hpp) provides.
#pragma once

#include "annealcheck/prop1/data_model.hpp"
#include "annealcheck/prop1/decision.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace annealcheck::prop1 {

// One draw's outcome as text (full precision and display), plus its verdict.
struct DrawSummary {
  std::vector<long> counts;
  Rational probability, sequences;
  std::string kind;                       // kind_name()
  std::string gf_over_eps, ann_over_eps;  // L_D/ε, display digits
  std::string gf_moving_over_eps, ann_moving_over_eps;  // the parts from coordinates with γ_i > 0
  std::string ratio, ratio_full;          // L_D(GF)/L_D(annealed)
  std::string lower;                      // lower_run()
  std::string tie_reason;
  double allowance_eps = 0;
  long gd_steps = 0;
  bool gd_exact = true;
  Decision verdict = Decision::Undecided;  // ratio ≥ r
};

using DrawEvaluator = std::function<DrawSummary(const std::vector<long>& counts)>;

struct EnumerationResult {
  std::vector<DrawSummary> rows;  // one per count vector
  Rational total;                 // Σ P over all count vectors (exactly 1)
  Rational holds, fails, undecided;
};

EnumerationResult enumerate_threshold(const DataModel& m, const DrawEvaluator& evaluate);

struct Interval {
  double lo = 0, hi = 1;
};

// Two-sided Clopper–Pearson interval for a binomial proportion: k successes in
// n trials, confidence level `confidence` (e.g. 0.99). Exact (conservative)
// coverage; computed with Boost.Math's inverse incomplete beta in double
// (statistics, not the harness's numerics).
Interval clopper_pearson(std::uint64_t k, std::uint64_t n, double confidence);

struct MonteCarloResult {
  std::uint64_t samples = 0, holds = 0, undecided = 0;
  std::uint64_t seed = 0;
  double confidence = 0.99;
  double estimate = 0;                 // holds / samples
  Interval ci_holds;                   // for P[holds]
  Interval ci_holds_or_undecided;      // for P[holds or undecided]
  std::size_t distinct_draws = 0;      // count vectors evaluated (cached by counts)
};

MonteCarloResult monte_carlo_threshold(const DataModel& m, const DrawEvaluator& evaluate, std::uint64_t samples,
                                       double confidence, std::uint64_t seed);

}  // namespace annealcheck::prop1
