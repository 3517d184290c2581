// Traits of MPFR at exact binary precision: mpfr128, mpfr256, mpfr1024 (static)
// and mpfr:BITS (runtime, set per thread with scoped_mpfr_bits).
#pragma once

#include "annealcheck/numeric/mpfr_exact.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <string>

namespace annealcheck::numeric {

using mpfr128 = mpfr_exact<128>;
using mpfr256 = mpfr_exact<256>;
using mpfr1024 = mpfr_exact<1024>;
using mpfr_dynamic = mpfr_exact<0>;

template <unsigned B>
struct number_traits<mpfr_exact<B>> {
  using T = mpfr_exact<B>;
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = B > 0;  // mpfr:BITS takes its precision from the thread
  static constexpr bool has_transcendentals = true;
  static std::string id() {
    if constexpr (B > 0) return "mpfr" + std::to_string(B);
    else return "mpfr:" + std::to_string(thread_mpfr_bits());
  }
  static long bits() { return static_cast<long>(mpfr_exact_backend<B>::precision_bits()); }
  static T epsilon() { return std::numeric_limits<T>::epsilon(); }
  static T from_rational(const Rational& q) {  // correctly rounded: mpfr_set_q
    T x;
    mpfr_set_q(x.backend().data(), q.get(), MPFR_RNDN);
    return x;
  }
  static std::string str(const T& x) { return x.backend().str(0, std::ios_base::fmtflags{}); }
  static std::string str(const T& x, int digits) { return x.backend().str(digits, std::ios_base::fmtflags{}); }
};

}  // namespace annealcheck::numeric
