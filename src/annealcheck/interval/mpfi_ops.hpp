// Primitives on MPFI enclosures (numeric::mpfi_interval<D>, Boost.Multiprecision
// over MPFI) that the certified reference needs beyond + − × ÷ exp log sqrt:
// the end points, certain signs, hull, exact construction, integer powers.
//
// Contract (inclusion principle, as in Arb): every function returns an interval
// containing the exact result for every point of its arguments. Nothing here
// compares enclosures with < or > (Boost's comparison throws from noexcept on
// overlap): signs are read from the end points.
#pragma once

#include "annealcheck/numeric/mpfi_traits.hpp"

#include <mpfi.h>

namespace annealcheck::interval {

template <unsigned D>
using Mpfi = numeric::mpfi_interval<D>;

// An mpfr_t of a given precision, cleared on scope exit.
struct ScopedMpfr {
  explicit ScopedMpfr(mpfr_prec_t p) { mpfr_init2(v, p); }
  ~ScopedMpfr() { mpfr_clear(v); }
  ScopedMpfr(const ScopedMpfr&) = delete;
  ScopedMpfr& operator=(const ScopedMpfr&) = delete;
  mpfr_t v;
};

template <unsigned D>
mpfr_srcptr left(const Mpfi<D>& x) { return &x.backend().data()->left; }
template <unsigned D>
mpfr_srcptr right(const Mpfi<D>& x) { return &x.backend().data()->right; }

// Certain signs: true only when every point of x has the sign.
template <unsigned D>
bool certainly_positive(const Mpfi<D>& x) { return !mpfi_nan_p(x.backend().data()) && mpfr_sgn(left(x)) > 0; }
template <unsigned D>
bool certainly_nonnegative(const Mpfi<D>& x) { return !mpfi_nan_p(x.backend().data()) && mpfr_sgn(left(x)) >= 0; }
template <unsigned D>
bool certainly_negative(const Mpfi<D>& x) { return !mpfi_nan_p(x.backend().data()) && mpfr_sgn(right(x)) < 0; }
template <unsigned D>
bool certainly_nonpositive(const Mpfi<D>& x) { return !mpfi_nan_p(x.backend().data()) && mpfr_sgn(right(x)) <= 0; }
// x is the single point 0.
template <unsigned D>
bool is_exact_zero(const Mpfi<D>& x) { return mpfr_zero_p(left(x)) && mpfr_zero_p(right(x)); }

// The smallest interval holding the points a and b (a <= b not required).
template <unsigned D>
Mpfi<D> span(mpfr_srcptr a, mpfr_srcptr b) {
  Mpfi<D> r;
  if (mpfr_lessequal_p(a, b)) mpfi_interv_fr(r.backend().data(), a, b);
  else mpfi_interv_fr(r.backend().data(), b, a);
  return r;
}

template <unsigned D>
Mpfi<D> hull(const Mpfi<D>& a, const Mpfi<D>& b) {
  Mpfi<D> r;
  mpfi_union(r.backend().data(), a.backend().data(), b.backend().data());
  return r;
}

template <unsigned D>
Mpfi<D> point(mpfr_srcptr a) {
  Mpfi<D> r;
  mpfi_set_fr(r.backend().data(), a);
  return r;
}

template <unsigned D>
Mpfi<D> square(const Mpfi<D>& x) {  // tighter than x·x when x straddles 0
  Mpfi<D> r;
  mpfi_sqr(r.backend().data(), x.backend().data());
  return r;
}

// base^n by repeated squaring; base^0 = 1 (also for base = 0).
template <unsigned D>
Mpfi<D> pow_uint(const Mpfi<D>& base, unsigned long n) {
  Mpfi<D> acc = numeric::from_int<Mpfi<D>>(1), b = base;
  for (; n > 0; n >>= 1) {
    if (n & 1UL) acc *= b;
    if (n > 1) b = square(b);
  }
  return acc;
}

}  // namespace annealcheck::interval
