// Traits of IEEE binary128 (Boost's float128 over GCC's __float128 / libquadmath).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/round_rational.hpp"

#include <boost/multiprecision/float128.hpp>

#include <string>

namespace annealcheck::numeric {

using float128 = boost::multiprecision::float128;  // a thin wrapper: no expression templates

template <>
struct number_traits<float128> {
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = true;  // no per-thread state (number_traits.hpp)
  static constexpr bool has_transcendentals = true;
  static std::string id() { return "float128"; }
  static long bits() { return 113; }
  static float128 epsilon() { return std::numeric_limits<float128>::epsilon(); }
  // Rounded once to 113 bits by MPFR; 40 digits read back to that value exactly.
  static float128 from_rational(const Rational& q) { return float128(rational_to_decimal(q, 113, 40)); }
  static std::string str(const float128& x) { return x.str(36, std::ios_base::scientific); }
  static std::string str(const float128& x, int digits) { return x.str(digits, std::ios_base::fmtflags{}); }
};

}  // namespace annealcheck::numeric
