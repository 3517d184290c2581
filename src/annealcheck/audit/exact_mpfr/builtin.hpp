// Exact conversion of float, double, long double to MPFR (mpfr_set_* is exact at
// precision >= the type's significand: 64 bits covers all three).
#pragma once

#include <cstdint>  // before mpfr.h: enables the intmax_t functions
#include <mpfr.h>

namespace annealcheck::audit {

template <class T>
struct exact_mpfr;

template <>
struct exact_mpfr<float> {
  static mpfr_prec_t bits() { return 64; }
  static int set(mpfr_ptr out, float x) { return mpfr_set_flt(out, x, MPFR_RNDN); }
};
template <>
struct exact_mpfr<double> {
  static mpfr_prec_t bits() { return 64; }
  static int set(mpfr_ptr out, double x) { return mpfr_set_d(out, x, MPFR_RNDN); }
};
template <>
struct exact_mpfr<long double> {
  static mpfr_prec_t bits() { return 64; }
  static int set(mpfr_ptr out, long double x) { return mpfr_set_ld(out, x, MPFR_RNDN); }
};

}  // namespace annealcheck::audit
