// One rung of the precision ladder, audited: lemma2::evaluate run in that number
// type (the same numbers `eval` prints), every value converted exactly to MPFR,
// plus the trajectory comparison against the exact trajectory made during the run.
// Light header; the typed body is rung_typed.hpp, one translation unit per type.
#pragma once

#include "annealcheck/audit/exact_binary.hpp"
#include "annealcheck/audit/trajectory.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/report.hpp"
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/interval/exact_problem.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::audit {

struct RungCheck : engine::CheckHead {  // the sides exactly (when has_sides)
  ExactBinary lhs, rhs, margin;
};

// Which coordinates carry the two rates of the closed-form stopping time (SPEC §6
// hazard 4): L̂(t) = a x² + b x with x = e^{−4γ_slow t}, a over `fast`, b over `slow`.
struct ClosedFormSplit {
  std::vector<std::size_t> fast, slow;
};

struct RungRequest {
  const engine::Problem* problem = nullptr;
  const interval::ExactProblem* exact = nullptr;
  std::size_t checkpoints = 16;
  double min_digits = 10;
  std::optional<long> reference_gd_steps;
  std::optional<ClosedFormSplit> closed_form;
};

struct RungValues {
  std::string type_id;
  long bits = 0;
  double seconds = 0;
  std::map<std::string, ExactBinary> quantities;   // ids of interval::quantity
  long gd_steps = 0;
  bool gd_stopped_early = false;
  std::vector<bool> in_P;
  std::size_t j_star = 0;
  std::vector<RungCheck> checks;
  std::vector<SegmentReport> trajectory;
  std::vector<ExactBinary> gf_checkpoint_times, annealed_checkpoint_times;  // by checkpoint index
  std::string error;  // non-empty: the rung threw (its message)
};

RungValues audit_rung(const engine::TypeSpec& type, const RungRequest& request);

}  // namespace annealcheck::audit
