// Shared pieces of the Lemma 2 properties (SPEC §3): the instance in T, the
// premises decided at a stopping level ε′ "certainly" (beyond rounding), the
// ratios of the bounds, and the rounding model of a computed flow state.
//
// Rounding model of a GF state (the allowance of every flow inequality).
// run_gradient_flow computes δ_i(t) = δ_i(s)·exp(−2t·γ_i): the exponent's
// argument is rounded (absolute error ≤ 2γ_i t·u), exp adds ≤ 2u (1 ulp in
// libm, ½ in MPFR), the product u; squaring, weighting and summing positive
// terms add ≤ 2u + u + d·u. So a computed Σ_i w_i δ_i(t)² has relative error
//   ≤ κ·u,   κ = Σ_i w_iδ_i(t)²·(4γ_i t + 8 + e) / Σ_i w_iδ_i(t)² + d,
// a *weighted* conditioning: coordinates with huge 4γ_i t have decayed to
// nothing and do not count (an unweighted max_i 4γ_i t would make the check
// vacuous on spectra spanning 60 decades). `e` is the relative error δ(s)
// already carried (3K + 2 after K GD steps; 0 for the flow from δ(0)).
// Every flow inequality is decided with allowance 2·(κ_lhs + κ_rhs + c)·u·scale:
// the factor 2 covers second-order terms and a 1-ulp exp.
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/model/losses.hpp"
#include "properties/support/runner.hpp"
#include "properties/support/verdict.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::properties::lemma2_checks {

template <numeric::RealNumber T>
T flow_error_units(const std::vector<T>& weight, const std::vector<T>& gamma, const std::vector<T>& delta, const T& t,
                   const T& carried = numeric::from_int<T>(0)) {
  const T zero = numeric::from_int<T>(0), four = numeric::from_int<T>(4), eight = numeric::from_int<T>(8);
  T num = zero, den = zero;
  for (std::size_t i = 0; i < delta.size(); ++i) {
    const T w = weight[i] * delta[i] * delta[i];
    den += w;
    num += w * (four * gamma[i] * t + eight + carried);
  }
  const T d = numeric::from_int<T>(static_cast<long>(delta.size()));
  return den == zero ? T(d + carried) : T(num / den + d);
}

template <numeric::RealNumber T>
std::string where_gf(const dynamics::StepEvent<T>& e, std::size_t checkpoints, const std::string& prefix = "") {
  const std::string t = e.time ? numeric::number_traits<T>::str(*e.time, 6) : "?";
  if (e.index == checkpoints) return prefix + "GF stop (checkpoint " + std::to_string(e.index) + ", t = " + t + ")";
  return prefix + "GF checkpoint " + std::to_string(e.index) + " of " + std::to_string(checkpoints) + " (t = " + t + ")";
}

// (C1) at level ε′ (relative error eps_units·u): γ_1 δ_1(0)² > ε′.
template <numeric::RealNumber T>
Inequality<T> c1_at(const model::Instance<T>& in, const T& eps, const T& eps_units, std::string where) {
  const T lhs = in.gamma[0] * in.delta0[0] * in.delta0[0];
  return decide_within<T>("C1", "gamma_1 delta_1(0)^2 > eps'", Relation::Greater, lhs, eps,
                          T(eps_units + numeric::from_int<T>(4)), std::move(where));
}

// (C2) at level ε′ in log form, with m = M or M′ ((C2′)):
//   ρ ln ε′ + ln Σ_S γ_iδ_i(0)² ≤ ln α + (1+ρ) ln m.
// Absolute error of the computed sides ≤ u·(ρ(|ln ε′| + κ_ε′) + |ln Σ_S| + d + |ln α| + (1+ρ)(|ln m| + d) + 8);
// nullopt when Σ_S = 0 (then (C2) holds trivially).
template <numeric::RealNumber T>
std::optional<Inequality<T>> c2_at(const model::Instance<T>& in, const lemma2::Blocks<T>& b, const T& eps, const T& eps_units,
                                   bool strengthened, std::string where) {
  using std::abs;
  using std::log;
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1);
  const T& m = strengthened ? b.M_prime : b.M;
  const std::string label = strengthened ? "C2'" : "C2";
  const std::string st = strengthened ? "rho ln eps' + ln sum_S gamma_i delta_i(0)^2 <= ln alpha + (1+rho) ln M'"
                                      : "rho ln eps' + ln sum_S gamma_i delta_i(0)^2 <= ln alpha + (1+rho) ln M";
  if (!(zero < b.loss_S0)) return std::nullopt;
  if (!(zero < m)) {  // α·0 cannot bound a positive left side
    return decide_with_allowance<T>(label, st + " (m = 0)", Relation::LessEqual, b.loss_S0, zero, zero, std::move(where));
  }
  const T le = log(eps), ls = log(b.loss_S0), la = log(in.alpha), lm = log(m);
  const T d = numeric::from_int<T>(static_cast<long>(in.dim()));
  const T units = in.rho * (abs(le) + eps_units) + abs(ls) + d + abs(la) + (one + in.rho) * (abs(lm) + d) + numeric::from_int<T>(8);
  return decide_with_allowance<T>(label, st, Relation::LessEqual, T(in.rho * le + ls), T(la + (one + in.rho) * lm),
                                  absolute_allowance(T(numeric::from_int<T>(2) * units)), std::move(where));
}

// min_{j∈S̄, γ_j>0} λ_j/γ_j (nullopt when every γ_j in S̄ is 0)
template <numeric::RealNumber T>
std::optional<T> min_ratio_small(const model::Instance<T>& in, std::size_t split) {
  std::optional<T> r;
  const T zero = numeric::from_int<T>(0);
  for (std::size_t j = split; j < in.dim(); ++j) {
    if (!(zero < in.gamma[j])) continue;
    const T q = in.lambda[j] / in.gamma[j];
    if (!r || q < *r) r = q;
  }
  return r;
}

// max_{i∈P} λ_i/γ_1
template <numeric::RealNumber T>
T max_ratio_top(const model::Instance<T>& in, const lemma2::Blocks<T>& b) {
  T r = numeric::from_int<T>(0);
  for (std::size_t i = 0; i < in.dim(); ++i)
    if (b.in_P[i] && r < T(in.lambda[i] / in.gamma[0])) r = in.lambda[i] / in.gamma[0];
  return r;
}

// A premise the generator constructed must hold certainly in T; otherwise the
// case is reported as a failure of that premise (a generator or rounding bug).
template <numeric::RealNumber T>
std::optional<detail::CaseCheck> premise_failure(const Inequality<T>& q) {
  if (certainly(q)) return std::nullopt;
  Inequality<T> f = q;
  f.verdict = lemma2::Verdict::Fails;
  f.label += " (premise, constructed)";
  f.note = "the generator constructed this premise to hold; it does not hold certainly in this type";
  return detail::CaseCheck{to_verdict(f), std::nullopt};
}

}  // namespace annealcheck::properties::lemma2_checks
