// exp, sqrt, |.| and real powers of a Side (value and bound on its absolute error
// against the exact real; lemma2/error_bounds.hpp has + − × ÷, log and integer
// powers). Same conventions: first-order propagation plus one rounding of the
// result, u = epsilon(T) covering a 1-ulp libm/MPFR call and the second-order terms.
#pragma once

#include "annealcheck/lemma2/error_bounds.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace annealcheck::claims {

using lemma2::Side;

// A claim that is undefined on an instance (log of a non-positive number, an index
// out of range, min over an empty block): the case is not evaluable, never a verdict.
class DomainError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// exp a: |e^{a} − e^{ã}| ≤ e^{ã}(e^{e_a} − 1), and e^x − 1 ≤ x(1 + x) for 0 ≤ x ≤ 1.
template <numeric::RealNumber T>
Side<T> side_exp(const Side<T>& a) {
  using std::exp;
  const T r = exp(a.value);
  const T one = numeric::from_int<T>(1);
  const T grow = a.error < one ? T(a.error * (one + a.error)) : T(exp(a.error));
  return {r, T(lemma2::bounds::abs_of(r) * grow + lemma2::bounds::rounding(r))};
}

// √a: |√x − √y| = |x − y|/(√x + √y) ≤ min(√e_a, e_a/√ã) (the (1 + u) covers r ≠ √ã).
template <numeric::RealNumber T>
Side<T> side_sqrt(const Side<T>& a) {
  using std::sqrt;
  const T zero = numeric::from_int<T>(0);
  if (a.value < zero) throw DomainError("sqrt of a negative number");
  const T r = sqrt(a.value);
  T e = sqrt(a.error);
  if (zero < r) {
    const T alt = a.error / r * (numeric::from_int<T>(1) + lemma2::bounds::unit<T>());
    if (alt < e) e = alt;
  }
  return {r, T(e + lemma2::bounds::rounding(r))};
}

template <numeric::OrderedNumber T>
Side<T> side_abs(const Side<T>& a) {
  return {lemma2::bounds::abs_of(a.value), a.error};
}

template <numeric::OrderedNumber T>
Side<T> side_neg(const Side<T>& a) {
  return {T(-a.value), a.error};
}

// log with its domain checked (lemma2::side_log's bound).
template <numeric::RealNumber T>
Side<T> side_log_checked(const Side<T>& a) {
  if (!(numeric::from_int<T>(0) < a.value)) throw DomainError("log of a non-positive number");
  return lemma2::side_log(a);
}

// a^n for an integer n (negative: 1/a^|n|), by lemma2::side_pow.
template <numeric::RealNumber T>
Side<T> side_int_pow(const Side<T>& a, long n) {
  if (n >= 0) return lemma2::side_pow(a, n);
  if (a.value == numeric::from_int<T>(0)) throw DomainError("0 to a negative power");
  return lemma2::exact_side(numeric::from_int<T>(1)) / lemma2::side_pow(a, -n);
}

// a^b for a real b: exp(b·log a), a > 0.
template <numeric::RealNumber T>
Side<T> side_real_pow(const Side<T>& a, const Side<T>& b) {
  if (!(numeric::from_int<T>(0) < a.value)) throw DomainError("a non-positive number to a non-integer power");
  return side_exp(b * lemma2::side_log(a));
}

}  // namespace annealcheck::claims
