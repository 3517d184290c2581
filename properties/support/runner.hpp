// Running one property with RapidCheck: the glue between a typed PropertyDef
// (property_def.hpp) and RapidCheck's checkProperty, with our own listener so
// that a run reports cases, discards, tags, the closest case, the shrunk
// counterexample and the reproduce string (registry.hpp, RunResult).
//
// Shrink budget: RapidCheck shrinks until no smaller failing case exists. After
// `shrink_budget` evaluations the remaining shrink candidates are answered
// "passes" without evaluation (so shrinking stops at once), except the best
// failing case itself, which RapidCheck re-runs last; the run then reports
// shrink_budget_exhausted.
#pragma once

#include "properties/support/entry.hpp"

#include <rapidcheck.h>

#include <memory>
#include <optional>
#include <string>

namespace annealcheck::properties::detail {

// The outcome of checking one case at one type.
struct CaseCheck {
  Verdict verdict;
  std::optional<std::string> discard;  // the case cannot be evaluated in this type (reason)
};

class RunContext {
 public:
  RunContext(const PropertyInfo& info, const ResolvedOptions& options);
  ~RunContext();
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  // True when the shrink budget is spent and this case is not the best failing one.
  bool skip_evaluation(const std::string& case_json);
  // True once RapidCheck shrinks a failure (certified runs decide no shrink step).
  bool shrinking() const;
  // The report of the case just evaluated (the listener reads it).
  void record(CaseReport report);
  RunResult execute(const rc::detail::Property& property);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Fails the current RapidCheck case with `message` (or discards it).
[[noreturn]] void fail_case(const std::string& message);
[[noreturn]] void discard_case(const std::string& message);

std::string case_hash(const std::string& case_json);

// options.certify on a case, an exception becoming an undecided verdict that names it.
CertifiedVerdict certify_safely(const ResolvedOptions& options, const std::string& case_json);
// The filtered decision of a generated case (issue 21; ResolvedOptions::filtered): a
// point verdict that holds beyond its error bound is proved by that bound
// (lemma2/error_bounds.md), an identity-only case is an accuracy measurement, and
// anything else (within rounding, not representable, fails, n/a) is decided on the
// exact case (certify_safely).
CertifiedVerdict filtered_decision(const ResolvedOptions& options, const CaseReport& report);  // 16 hex digits (FNV-1a 64), for logs

}  // namespace annealcheck::properties::detail
