// The certified reference: every quantity and inequality of Lemma 2 (SPEC §3) in
// interval arithmetic (MPFI via Boost.Multiprecision), for the *exact* instance:
// inputs are exact rationals, η = 1/γ_1 exactly, P and Q decided exactly.
//
// Contract: each quantity is an enclosure of the exact real; each verdict is
// proved / refuted only when the enclosures decide it, undecided otherwise.
//   - GF stopping times are certified brackets (interval/stopping_bracket.hpp).
//   - The GD phase uses the closed form δ_i(t) = f_i^t δ_i(0) with exact rational
//     f_i; where it stops early is decided by certified comparisons of L̂ with ε
//     (binary search when every |f_i| ≤ 1 makes L̂ non-increasing, else step by step).
//   - Margins that vanish identically are computed in a form without cancellation,
//     from identities that hold exactly at the exact stopping time (e.g. for (A)'s
//     first line, ε·μ + Σ_Q λ_iδ_i(K)² − L_D = Σ_P (μγ_1 − λ_i)δ_i(K)²e^{−4γ_1T'} +
//     Σ_Q (μγ_i e^{−4γ_iT'} + λ_i(1 − e^{−4γ_iT'}))δ_i(K)², every term ≥ 0), so an
//     inequality that holds with equality (Proposition 1's (A)) is *proved*, not
//     left undecided by the dependency problem of interval arithmetic.
//   - (P3)–(P5) are decided exactly: |f_i| = 1 on P, f_i² ≤ c on Q by definition of c.
// Tested in tests/interval/reference_test.cpp (known closed forms, containment of
// high-precision floating results, decisions at equality).
#pragma once

#include "annealcheck/interval/reference_annealed.hpp"
#include "annealcheck/interval/reference_evaluator.hpp"
#include "annealcheck/interval/reference_flow.hpp"
#include "annealcheck/interval/reference_premises.hpp"
