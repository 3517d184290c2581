// The exact data of the problem the certified reference evaluates: every input as
// an exact rational and every derived constant of Lemma 2 (SPEC §3) computed
// exactly, so that index sets and the structural signs the reference relies on
// are decided without rounding.
//
//   w_i = γ_i δ_i(0)²     (E1 terms)         f_i = 1 − 2ηγ_i     (E5 factor)
//   P = {i : γ_i = γ_1}, Q the rest;  c = max_Q f_i²;  μ = max_P λ_i/γ_1   ((A))
//   M, M′, j*, Σ_S, Σ_P γ_1 δ_i(0)²                                        ((C2), (C2′), (C1′))
//
// δ(0) enters only through δ_i(0)² (rational) and its sign, except for the
// trajectory itself; for Proposition 1 (δ(0) = −100·α^{−1/2}·(1,1), SPEC §4)
// δ_i(0)² = 10⁴/α is rational even when δ_i(0) is not.
#pragma once

#include "annealcheck/engine/problem.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::interval {

using numeric::Rational;

struct ExactProblem {
  std::vector<Rational> gamma, lambda, delta0_sq;
  std::vector<int> delta0_sign;                 // −1, 0, +1
  std::vector<std::optional<Rational>> delta0;  // δ_i(0) when rational
  std::size_t k = 2;                            // 1-based split
  Rational rho, alpha, eps, eta;
  long K = 0;
  bool eta_is_inverse_gamma1 = true;            // η = 1/γ_1 exactly

  // Derived, exact.
  std::size_t split = 1;                        // 0-based first index of S̄
  std::vector<Rational> weight;                 // γ_i δ_i(0)²
  std::vector<Rational> factor;                 // f_i = 1 − 2ηγ_i
  std::vector<Rational> factor_sq;              // f_i²
  std::vector<bool> in_P;
  Rational c;                                   // max_Q f_i² (0 when Q is empty)
  Rational mu;                                  // max_P λ_i/γ_1 (0 when γ_1 = 0)
  std::optional<Rational> min_ratio_Sbar;       // min_{j∈S̄, γ_j>0} λ_j/γ_j
  std::optional<Rational> e3_min, e3_max;       // min / max over γ_i>0 of λ_i/γ_i; max absent when some γ_i = 0
  Rational M, M_prime, loss_S0, top_mass0, train_loss0, population_loss0;
  std::size_t j_star = 0;                       // 0-based, first argmin
  bool all_factors_contract = true;             // every |f_i| ≤ 1: L̂ is non-increasing along GD

  std::size_t dim() const { return gamma.size(); }
};

ExactProblem exact_problem(const engine::Problem& p);

// The square root of q when q is the square of a rational.
std::optional<Rational> exact_sqrt(const Rational& q);

// q^n for a small non-negative integer n (exact).
Rational pow_exact(const Rational& q, unsigned long n);

}  // namespace annealcheck::interval
