// Exact conversion of binary128 to MPFR: x = m·2^(e−113) with the integer
// m < 2^113 split into two 64-bit halves (all steps exact in binary128).
#pragma once

#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/numeric/float128_traits.hpp"

#include <cstdint>

namespace annealcheck::audit {

template <>
struct exact_mpfr<numeric::float128> {
  static mpfr_prec_t bits() { return 128; }
  static int set(mpfr_ptr out, const numeric::float128& x) {
    const __float128 v = x.backend().value();
    if (v != v) { mpfr_set_nan(out); return 0; }
    if (v - v != v - v) { mpfr_set_inf(out, v < 0 ? -1 : 1); return 0; }
    if (v == 0) { mpfr_set_zero(out, 1); return 0; }
    int e = 0;
    const __float128 f = frexpq(v < 0 ? -v : v, &e);   // in [1/2, 1)
    const __float128 m = ldexpq(f, 113);              // integer < 2^113
    const __float128 hi = floorq(ldexpq(m, -64));
    const __float128 lo = m - ldexpq(hi, 64);
    mpfr_set_uj(out, static_cast<std::uintmax_t>(hi), MPFR_RNDN);
    mpfr_mul_2si(out, out, 64, MPFR_RNDN);
    int t = mpfr_add_uj(out, out, static_cast<std::uintmax_t>(lo), MPFR_RNDN);
    t |= mpfr_mul_2si(out, out, static_cast<long>(e) - 113, MPFR_RNDN);
    if (v < 0) mpfr_neg(out, out, MPFR_RNDN);
    return t;
  }

 private:
  static int mpfr_add_uj(mpfr_ptr out, mpfr_srcptr a, std::uintmax_t b, mpfr_rnd_t r) {
    mpfr_t t;
    mpfr_init2(t, 64);
    mpfr_set_uj(t, b, MPFR_RNDN);
    const int x = mpfr_add(out, a, t, r);
    mpfr_clear(t);
    return x;
  }
};

}  // namespace annealcheck::audit
