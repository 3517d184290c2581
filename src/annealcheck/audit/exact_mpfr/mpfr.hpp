// MPFR rungs are already MPFR values: a copy at the same precision is exact.
#pragma once

#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::audit {

template <unsigned B>
struct exact_mpfr<numeric::mpfr_exact<B>> {
  static mpfr_prec_t bits() { return static_cast<mpfr_prec_t>(numeric::number_traits<numeric::mpfr_exact<B>>::bits()); }
  static int set(mpfr_ptr out, const numeric::mpfr_exact<B>& x) { return mpfr_set(out, x.backend().data(), MPFR_RNDN); }
};

}  // namespace annealcheck::audit
