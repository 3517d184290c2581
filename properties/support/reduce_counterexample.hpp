// After RapidCheck's shrink: a false claim's counterexample made smaller by the
// property's own reduction (PropertyDef::reduce, e.g. lemma2_reduce.hpp), greedily.
// Each round offers the reductions of the current case in order and keeps the first
// that still fails by the same decision rule: outcome "fails" with the same label
// (a within-rounding case, a discard, a premise or an exception never counts);
// rounds repeat until none fails or the shrink budget is spent. Deterministic in
// the case, so a replayed shrink (RC_PARAMS reproduce) reduces to the same case.
#pragma once

#include "properties/support/runner.hpp"

#include <fmt/format.h>

#include <functional>
#include <ostream>
#include <vector>

namespace annealcheck::properties::detail {

// `start` is r.counterexample's case; `evaluate` decides a case as the run did.
template <class Case>
void reduce_counterexample(const std::function<std::vector<Case>(const Case&)>& reduce, const std::function<CaseReport(const Case&)>& evaluate,
                           Case current, const ResolvedOptions& o, RunResult& r) {
  CaseReport best = *r.counterexample;
  const std::size_t from_dim = best.dim;
  int steps = 0;
  for (bool reduced = true; reduced;) {
    reduced = false;
    for (const Case& cand : reduce(current)) {
      if (r.shrink_evaluations >= o.shrink_budget) {
        r.shrink_budget_exhausted = true;
        break;
      }
      ++r.shrink_evaluations;
      CaseReport c = evaluate(cand);
      const bool same_rule = !c.discarded && c.verdict.outcome == "fails" && c.verdict.label == best.verdict.label;
      if (o.case_log)
        *o.case_log << fmt::format("  [{}@{}] reduce {} case={}: {}\n", r.property_id, o.type, c.summary, case_hash(c.case_json),
                                   same_rule ? "FAIL (kept)" : "not kept (" + c.verdict.outcome + " " + c.verdict.label + ")");
      if (!same_rule) continue;
      best = std::move(c);
      current = cand;
      ++steps;
      reduced = true;
      break;
    }
  }
  if (steps == 0) return;
  r.reduction_steps = steps;
  r.reduced_from_dim = from_dim;
  if (o.certified || o.filtered) best.certified = certify_safely(o, best.case_json);
  r.counterexample = std::move(best);
}

}  // namespace annealcheck::properties::detail
