// Traits of the hardware types float, double, long double (x87 80-bit on x86-64).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/round_rational.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace annealcheck::numeric {

template <class F>
struct builtin_float_traits {
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = true;  // no per-thread state (number_traits.hpp)
  static constexpr bool has_transcendentals = true;
  static long bits() { return std::numeric_limits<F>::digits; }
  static F epsilon() { return std::numeric_limits<F>::epsilon(); }
  // Correctly rounded (once, by MPFR at the type's precision) except in the
  // subnormal range, where a second rounding can occur.
  static F from_rational(const Rational& q) {
    if constexpr (std::is_same_v<F, float>) return rational_to_float(q);
    else if constexpr (std::is_same_v<F, double>) return rational_to_double(q);
    else return rational_to_long_double(q);
  }
  static std::string str(F x) { return str(x, std::numeric_limits<F>::max_digits10); }
  static std::string str(F x, int digits) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.*Lg", digits, static_cast<long double>(x));
    return buf;
  }
};

template <>
struct number_traits<float> : builtin_float_traits<float> {
  static std::string id() { return "float"; }
};
template <>
struct number_traits<double> : builtin_float_traits<double> {
  static std::string id() { return "double"; }
};
template <>
struct number_traits<long double> : builtin_float_traits<long double> {
  static std::string id() { return "long-double"; }
};

}  // namespace annealcheck::numeric
