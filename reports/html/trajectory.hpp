// Both sides of a counterexample's inequality along its trajectory (issue 15):
// the case is run again in its own number type, and at every GD step and every
// GF checkpoint the claim's two sides are evaluated with ε′ := L̂(δ(t)), the
// train loss at that point (SPEC §3: (G) and (A) state the bound at the stop,
// where ε′ = L̂(δ(stop))); the last point is the stop where the run's verdict
// was decided ("where" in the Verdict). Values are converted to double for the
// plot only; the verdict itself is the run's, decided in its type.
//
// Known claims (by Verdict::label):
//   "G (no C2)"               F1: L_D(δ) ≥ (1 − α) L̂(δ) min_S̄ λ_j/γ_j, along GF
//   "G without (1 - alpha)"   F2: L_D(δ) ≥ L̂(δ) min_S̄ λ_j/γ_j, along GF
//   "G"                       (G) of Lemma 2 as F1, along GF
//   "A literal exp"           F3: L_D(δ) ≤ L̂(δ) max_P λ_i/γ_1 + max_Q |1 − 2γ_j/γ_1|^K, along GD then GF
//   "A (eta = 0.9/gamma_1)"   F5: L_D(δ) ≤ ε max_P λ_i/γ_1 + c^K Σ_Q λ_i δ_i(0)² (right side constant), along GD then GF
//   "(3,0) parameters"        F4: δ_i of GF at its stop (constant) == δ_i of the annealed run, along GD then GF
// Other checks have no trajectory: nullopt.
#pragma once

#include "properties/registry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::report::html {

struct TrajectoryPoint {
  bool descent = false;  // a GD step (else a GF checkpoint)
  long index = 0;        // step t or checkpoint j
  double lhs = 0, rhs = 0;
};

struct SideTrajectory {
  std::string label, relation, lhs_name, rhs_name;
  std::vector<TrajectoryPoint> points;  // in time order; the last is the stop
  std::size_t break_at = 0;             // index into points where the verdict was decided
};

// For a run's counterexample (Lemma 2 cases at double or mpfr256); nullopt when
// the check has no trajectory or the case cannot be read.
std::optional<SideTrajectory> side_trajectory(const properties::RunResult& r);

}  // namespace annealcheck::report::html
