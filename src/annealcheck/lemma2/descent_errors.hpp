// §4 of error_bounds.md: the GD phase's bounds — the state δ̃_i(t) after t steps
// (DescentErrors), the step η and the contraction c = max_Q f_i² as Sides. Split
// from lemma2/error_bounds.hpp, whose unit, rounding and Side arithmetic they use.
#pragma once

#include "annealcheck/lemma2/error_bounds.hpp"

#include <limits>
#include <vector>

namespace annealcheck::lemma2::bounds {

// §4 of error_bounds.md: δ_i(t) after t GD steps δ ← fl(δ·f̃_i), against the exact
// δ_i(0)·f_i^t with f_i = 1 − 2ηγ_i for the exact η and γ. Step by step:
//   E_i(t) = A_i·E_i(t−1) + e_i·|δ̃_i(t−1)|,  E_i(0) = u|δ̃_i(0)|,
//   e_i ≥ |f̃_i(1 + θ) − f_i| = 2γ̃_i·e_η + 2η̃γ̃_i·2u + 2u|f̃_i|,  A_i = |f̃_i| + e_i.
// No allocation after construction: it may run inside the step loop.
template <numeric::OrderedNumber T>
class DescentErrors {
 public:
  // start_error: bounds on |δ̃_i(0) − δ_i(0)| (u|δ̃_i(0)| for an input rounded once).
  DescentErrors(const std::vector<T>& gamma, const Side<T>& eta, const std::vector<T>& factors, const std::vector<T>& delta0,
                const std::vector<T>& start_error)
      : e_(gamma.size()), A_(gamma.size()), E_(start_error), prev_(gamma.size()) {
    const T two = numeric::from_int<T>(2), u = unit<T>();
    for (std::size_t i = 0; i < gamma.size(); ++i) {
      const T g = abs_of(gamma[i]);
      e_[i] = two * g * eta.error + two * abs_of(eta.value) * g * two * u + two * u * abs_of(factors[i]);
      A_[i] = abs_of(factors[i]) + e_[i];
      prev_[i] = abs_of(delta0[i]);
    }
  }
  DescentErrors(const std::vector<T>& gamma, const Side<T>& eta, const std::vector<T>& factors, const std::vector<T>& delta0)
      : DescentErrors(gamma, eta, factors, delta0, input_errors(delta0)) {}

  // After each GD step, with the new state δ̃(t).
  void step(const std::vector<T>& delta) {
    for (std::size_t i = 0; i < delta.size(); ++i) step_one(i, delta[i]);
  }
  // The same for the coordinates `which` only (the others' entries go stale).
  void step(const std::vector<T>& delta, const std::vector<std::size_t>& which) {
    for (std::size_t i : which) step_one(i, delta[i]);
  }
  void release() {  // frees everything (StepwiseFacts::release_state)
    std::vector<T>().swap(e_), std::vector<T>().swap(A_), std::vector<T>().swap(E_), std::vector<T>().swap(prev_);
  }
  const std::vector<T>& errors() const { return E_; }       // E_i(t): bounds on |δ̃_i(t) − δ_i(t)|
  const std::vector<T>& factor_errors() const { return e_; }  // e_i: bounds on |f̃_i − f_i| (incl. the step's rounding)

 private:
  void step_one(std::size_t i, const T& delta) {
    E_[i] *= A_[i];
    scratch_ = e_[i];
    scratch_ *= prev_[i];
    E_[i] += scratch_;
    if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present) E_[i] += underflow_floor<T>();
    prev_[i] = delta;
    if (delta < numeric::from_int<T>(0)) prev_[i] = -prev_[i];
  }

  std::vector<T> e_, A_, E_, prev_;
  T scratch_;
};

// The step η as a Side: 1/γ_1 computed in T (γ_1 rounded, then a division: 2u) or
// an input rounded once (u); 2u covers both.
template <numeric::OrderedNumber T>
Side<T> eta_side(const T& eta) {
  return {eta, T(numeric::from_int<T>(2) * rounding(eta))};
}

// c = max_{i∈Q} f_i² (SPEC §3 (A)) with its bound from the factors' bounds e_i
// (c itself as lemma2::blocks computes it; 0 when Q is empty).
template <numeric::OrderedNumber T>
Side<T> contraction_side(const T& c, const std::vector<T>& factors, const std::vector<T>& factor_error,
                         const std::vector<bool>& in_P) {
  std::vector<Side<T>> sq;
  const T two = numeric::from_int<T>(2);
  for (std::size_t i = 0; i < factors.size(); ++i) {
    if (in_P[i]) continue;
    const T f2 = factors[i] * factors[i];
    sq.push_back({f2, T(two * abs_of(factors[i]) * factor_error[i] + factor_error[i] * factor_error[i] + rounding(f2))});
  }
  if (sq.empty()) return {c, numeric::from_int<T>(0)};
  return {c, extremum(sq, true).error};
}

}  // namespace annealcheck::lemma2::bounds
