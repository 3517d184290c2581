// Traits of Boost's header-only binary floats: cpp_bin_float50 and cpp_bin_float100
// (50 and 100 decimal digits: 168 and 334 significand bits).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/round_rational.hpp"

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <string>

namespace annealcheck::numeric {

template <unsigned Digits10>
using cpp_bin_float = boost::multiprecision::number<boost::multiprecision::cpp_bin_float<Digits10>,
                                                    boost::multiprecision::et_off>;
using cpp_bin_float50 = cpp_bin_float<50>;
using cpp_bin_float100 = cpp_bin_float<100>;

template <unsigned D>
struct number_traits<cpp_bin_float<D>> {
  using T = cpp_bin_float<D>;
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = true;  // no per-thread state (number_traits.hpp)
  static constexpr bool has_transcendentals = true;
  static std::string id() { return "cpp_bin_float" + std::to_string(D); }
  static long bits() { return std::numeric_limits<T>::digits; }
  static T epsilon() { return std::numeric_limits<T>::epsilon(); }
  // Rounded once by MPFR to bits(); max_digits10 digits read back to that value.
  static T from_rational(const Rational& q) {
    return T(rational_to_decimal(q, bits(), std::numeric_limits<T>::max_digits10));
  }
  static std::string str(const T& x) { return x.str(std::numeric_limits<T>::max_digits10, std::ios_base::scientific); }
  static std::string str(const T& x, int digits) { return x.str(digits, std::ios_base::fmtflags{}); }
};

}  // namespace annealcheck::numeric
