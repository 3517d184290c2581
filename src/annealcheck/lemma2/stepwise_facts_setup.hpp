// StepwiseFacts<T>::closed_form_setup (error_bounds.md §4b): which coordinates take the
// closed-form state bound and which the step-by-step recursion; included by stepwise_facts.hpp.
#pragma once

#include "annealcheck/lemma2/stepwise_facts.hpp"

namespace annealcheck::lemma2 {

// error_bounds.md §4b. With A_i = |f̃_i| + e_i and a rounding of at most u/2 per
// step, κ_i(t) := E_i(t)/(u|δ̃_i(t)|) obeys κ(t) ≤ (A/|f̃|·κ(t−1) + ê/|f̃|)/(1 − u/2),
// ê = e/u; while K·(b + 1)·u ≤ 1/16 (b = ê/|f̃|/(1 − u/2)) the growth factor a^t
// stays below G := 1 + 2K(b_max + 1)u(1 + u) over K steps, so κ(t) ≤ (κ(0) + b·t)·G.
template <numeric::OrderedNumber T>
void StepwiseFacts<T>::closed_form_setup() {
  const std::size_t d = in_.dim();
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), quarter = one / numeric::from_int<T>(4);
  kappa0_.assign(d, zero);
  slope_.assign(d, zero);
  inv0_.assign(d, zero);
  class_of_.assign(d, 0);
  rel_sq0_max_ = zero;
  fast_mass_ = zero;
  fast_q2_ = zero;
  one_plus_du_ = one;
  for (Class& c : classes_) c.kappa0_max = c.b_max = c.kappa_max = c.H = c.negH = zero, c.growth = one;
  if constexpr (!numeric::number_traits<T>::is_exact) {
    const T u = bounds::unit<T>(), half_u = u / numeric::from_int<T>(2);
    const T limit = one / numeric::from_int<T>(16);
    const T K = numeric::from_int<T>(in_.K < 1 ? 1 : in_.K);
    constexpr bool subnormals = std::numeric_limits<T>::has_denorm == std::denorm_present;
    log_screen_ = numeric::number_traits<T>::bits() >= 64 && d >= kLogScreenMinCoordinates;
    if (log_screen_) log_factor_.assign(d, std::numeric_limits<double>::infinity());
    T q = zero;
    for (std::size_t i = 0; i < d; ++i) {
      const T f = bounds::abs_of(factors_[i]);
      const int cls = f < quarter ? 1 : 0;
      bool closed = zero < f && in_.delta0[i] != zero && !(cls == 1 && subnormals);
      T b = zero;
      if (closed) {
        b = errors_.factor_errors()[i] / u / f / (one - half_u);
        b *= one + u;  // the divisions' own roundings
        closed = K * (b + one) * u < limit && normal_throughout(i, f);
      }
      if (!closed) {
        tracked_.push_back(i);
        continue;
      }
      Class& c = classes_[cls];
      c.idx.push_back(i);
      if (log_screen_) log_factor_[i] = log_factor_up(f);
      class_of_[i] = static_cast<unsigned char>(cls);
      const T a0 = bounds::abs_of(in_.delta0[i]);
      kappa0_[i] = s_.delta0_error[i] / (u * a0) * (one + u * numeric::from_int<T>(4));
      slope_[i] = b;
      inv0_[i] = one / in_.delta0[i];
      if (c.kappa0_max < kappa0_[i]) c.kappa0_max = kappa0_[i];
      if (c.b_max < b) c.b_max = b;
      const T rel = s_.delta0_sq_error[i] / (a0 * a0) * (one + u * numeric::from_int<T>(4));
      if (rel_sq0_max_ < rel) rel_sq0_max_ = rel;
      if (cls == 1) {
        fast_mass_ += in_.gamma[i] * in_.delta0[i] * in_.delta0[i];
        if (q < f) q = f;
      }
    }
    // a_i^t ≤ e^{K(b_i + 1)u(1 + u)} ≤ 1 + 2K(b_max + 1)u(1 + u) (as K(b+1)u ≤ 1/16), and 2^-19
    // more for the roundings of E's own computation.
    for (Class& c : classes_) {
      c.growth = one + numeric::from_int<T>(2) * K * (c.b_max + one) * u * (one + u) + one / numeric::from_int<T>(1L << 19);
      // The screen costs one log in T per step (µs at 256 bits) and saves a product per
      // coordinate: worth it from a few hundred coordinates on.
      c.log_screen = log_screen_ && c.idx.size() >= kLogScreenMinCoordinates;
    }
    one_plus_du_ = one + numeric::from_int<T>(static_cast<long>(d) + 2) * u;
    fast_mass_ *= one_plus_du_;  // W_fast rounded up
    q *= one + half_u;           // |δ̃_i(t)| ≤ |δ̃_i(t−1)|·|f̃_i|(1 + u/2)
    fast_q2_ = q * q * (one + numeric::from_int<T>(4) * u);  // covers its own and each step's rounding
  } else {
    for (std::size_t i = 0; i < d; ++i) tracked_.push_back(i);
  }
}

}  // namespace annealcheck::lemma2
