// Exact conversion of Boost cpp_bin_float to MPFR from its representation:
// value = (−1)^sign · bits · 2^(exponent − bit_count + 1), bits a bit_count-bit integer.
#pragma once

#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"

#include <gmp.h>

namespace annealcheck::audit {

template <unsigned D>
struct exact_mpfr<numeric::cpp_bin_float<D>> {
  using T = numeric::cpp_bin_float<D>;
  using B = typename T::backend_type;
  static mpfr_prec_t bits() { return static_cast<mpfr_prec_t>(B::bit_count) + 64; }
  static int set(mpfr_ptr out, const T& x) {
    const B& b = x.backend();
    if (b.exponent() == B::exponent_nan) { mpfr_set_nan(out); return 0; }
    if (b.exponent() == B::exponent_infinity) { mpfr_set_inf(out, b.sign() ? -1 : 1); return 0; }
    if (b.exponent() == B::exponent_zero) { mpfr_set_zero(out, b.sign() ? -1 : 1); return 0; }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, b.bits().size(), -1, sizeof(*b.bits().limbs()), 0, 0, b.bits().limbs());
    const int t = mpfr_set_z_2exp(out, z, static_cast<mpfr_exp_t>(b.exponent()) - static_cast<mpfr_exp_t>(B::bit_count) + 1, MPFR_RNDN);
    mpz_clear(z);
    if (b.sign()) mpfr_neg(out, out, MPFR_RNDN);
    return t;
  }
};

}  // namespace annealcheck::audit
