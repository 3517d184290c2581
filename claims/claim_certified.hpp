// Certified evaluation of a text claim (issue 14, `--certified`): the claim's tree
// (claim_tree.hpp) evaluated in MPFI intervals on the *exact* instance, from one
// evaluation of the certified reference of Lemma 2 (interval/reference_lemma2.hpp),
// and decided three-valued like every certified check (certified/decision.hpp):
//   proved    every point of the enclosures satisfies the relation;
//   refuted   no point does;
//   undecided the enclosures overlap, or a quantity has no rigorous enclosure here
//             (a GF bracket not certified, where GD stops undecided, a divisor or
//             log argument whose sign the enclosure does not fix): never proved.
//
// Values stay exact rationals while every input and operation is (exact_or_interval.hpp),
// so identities of exact quantities (L̂(δ_GF(T)) = ε, L̂(δ(0)) = Σ γ_i δ_i(0)²) are
// decided exactly ("exact rational"); the rest is enclosed in MPFI.
// Where the enclosures come from:
//   instance, M, M', c, L̂(δ(0)), L_D(δ(0)), ρ, η   exact rationals (ExactProblem), one rounding into MPFI
//   T, LD_gf                                          the reference's certified stop (T a certified bracket)
//   Lhat_gf                                           ε exactly (L̂(δ(0)) when GF stops at T = 0)
//   LS_gf, LSbar_gf                                   Σ γ_i δ_i(0)² e^{−4γ_i T} over S / S̄ with that bracket
//   T_fast, LD_fast, Lhat_fast                        the reference's annealed stop
//   deltaK[i]                                         f_i^g δ_i(0), g = the certified number of GD steps taken
//   t, LD(t), Lhat(t)                                 at the checkpoints of GF(ε) (SPEC §3 "At every step"):
//       t = 0, the stop (its bracket), and between them the times where L̂ reaches the
//       levels geometric between L̂(δ(0)) and ε (as dynamics::run_gradient_flow), each an
//       MPFR approximation taken as an exact point of [0, T]; L(t) = Σ ·δ_i(0)² e^{−4γ_i t}.
//       The claim is proved when proved at every checkpoint, refuted when refuted at one.
#pragma once

#include "annealcheck/certified/decision.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/interval/reference_result.hpp"
#include "claims/claim_tree.hpp"

#include <cstddef>

namespace annealcheck::claims {

// The claim decided at the reference's precision r.bits (r from evaluate_reference(e, ...)).
// A claim undefined on the instance (log of a non-positive number, an index out of
// range, ...) is n/a with the reason.
certified::CheckDecision certify_claim(const CompiledClaim& claim, const interval::ReferenceResult& r, const interval::ExactProblem& e,
                                       std::size_t checkpoints);

}  // namespace annealcheck::claims
