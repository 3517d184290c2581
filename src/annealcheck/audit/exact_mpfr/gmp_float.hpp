// Exact conversion of GMP mpf_t (gmp_float50) to MPFR: mpfr_set_f is exact when
// the target holds every limb the value carries (GMP keeps prec + 1 limbs).
#pragma once

#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"

namespace annealcheck::audit {

template <>
struct exact_mpfr<numeric::gmp_float50> {
  static mpfr_prec_t bits() {
    return static_cast<mpfr_prec_t>(mpf_get_prec(numeric::gmp_float50().backend().data())) + 3 * GMP_NUMB_BITS;
  }
  static int set(mpfr_ptr out, const numeric::gmp_float50& x) { return mpfr_set_f(out, x.backend().data(), MPFR_RNDN); }
};

}  // namespace annealcheck::audit
