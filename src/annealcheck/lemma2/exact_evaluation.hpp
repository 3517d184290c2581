// The part of Lemma 2 that exact rational arithmetic can decide (no exp, no log):
// the premises (C1), (C1′), (C2) when ρ is an integer (ε^ρ is then rational), the
// GD phase of the annealed run with (P3)–(P5) at every step, and the GD half of
// (A): Σ_Q λ_i δ_i(K)² ≤ c^K Σ_Q λ_i δ_i(0)². Every verdict here is exact.
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"

#include <vector>

namespace annealcheck::lemma2 {

template <numeric::ExactNumber T>
struct ExactEvaluation {
  Blocks<T> blocks;
  T train_loss0, population_loss0;
  dynamics::DescentPhase<T> descent;
  T tail_K, tail_bound;  // Σ_Q λ_i δ_i(K)², c^K Σ_Q λ_i δ_i(0)²
  std::vector<Inequality<T>> checks;
};

template <numeric::ExactNumber T>
T integer_power(T base, unsigned long e) {
  T acc = numeric::from_int<T>(1);
  for (; e > 0; e >>= 1) {
    if (e & 1UL) acc *= base;
    base *= base;
  }
  return acc;
}

// ρ as a non-negative integer, if it is one.
template <numeric::ExactNumber T>
std::optional<unsigned long> integer_rho(const T& rho) {
  for (unsigned long n = 0; n <= 64; ++n)
    if (rho == numeric::from_int<T>(static_cast<long>(n))) return n;
  return std::nullopt;
}

template <numeric::ExactNumber T>
ExactEvaluation<T> evaluate_exact(const model::Instance<T>& in) {
  ExactEvaluation<T> ev;
  const T zero = numeric::from_int<T>(0);
  ev.blocks = blocks(in);
  const Blocks<T>& b = ev.blocks;
  ev.train_loss0 = model::train_loss(in.gamma, in.delta0);
  ev.population_loss0 = model::population_loss(in.lambda, in.delta0);
  auto& checks = ev.checks;
  const InputSides<T> s = input_sides(in, b);
  checks.push_back(condition_c1(s, s.eps, "premise"));
  checks.push_back(condition_c1_prime(s, s.eps, "premise"));
  const std::string c2 = "eps^rho sum_S gamma_i delta_i(0)^2 <= alpha M^(1+rho)  (exact; rho an integer)";
  if (const auto n = integer_rho(in.rho)) {
    checks.push_back(decide<T>("C2", c2, Relation::LessEqual, exact_side(T(integer_power(in.eps, *n) * b.loss_S0)),
                               exact_side(T(in.alpha * integer_power(b.M, *n + 1))), "premise"));
  } else {
    checks.push_back(not_applicable<T>("C2", c2, "rho is not an integer: eps^rho is not rational"));
  }
  StepwiseFacts<T> facts(in, b, s);
  ev.descent = dynamics::run_descent_phase(in.gamma, in.delta0, in.eta, in.K, in.eps, facts);
  ev.tail_K = zero;
  T tail0 = zero;
  for (std::size_t i = 0; i < in.dim(); ++i)
    if (!b.in_P[i]) ev.tail_K += in.lambda[i] * ev.descent.delta[i] * ev.descent.delta[i], tail0 += in.lambda[i] * in.delta0[i] * in.delta0[i];
  ev.tail_bound = integer_power(b.c, static_cast<unsigned long>(ev.descent.steps)) * tail0;
  checks.push_back(decide<T>("A.tail", "sum_Q lambda_i delta_i(K)^2 <= c^K sum_Q lambda_i delta_i(0)^2 (the GD half of (A))",
                             Relation::LessEqual, exact_side(ev.tail_K), exact_side(ev.tail_bound), "after the GD phase"));
  for (auto& q : facts.results()) checks.push_back(std::move(q));
  for (const char* label : {"G", "A", "P1", "P2"})
    checks.push_back(not_applicable<T>(label, "needs the gradient flow (exp/log)", "mpq has no exp/log; use a floating or interval type"));
  return ev;
}

}  // namespace annealcheck::lemma2
