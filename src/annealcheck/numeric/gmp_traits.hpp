// Traits of GMP's types: gmp_float50 (mpf_t, 50 decimal digits; GMP rounds by
// truncation and keeps whole limbs, so its precision is at least, not exactly, 50
// digits) and mpq (exact rationals: no exp or log).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <boost/multiprecision/gmp.hpp>

#include <string>

namespace annealcheck::numeric {

using gmp_float50 = boost::multiprecision::number<boost::multiprecision::gmp_float<50>, boost::multiprecision::et_off>;
using mpq = boost::multiprecision::number<boost::multiprecision::gmp_rational, boost::multiprecision::et_off>;

template <>
struct number_traits<gmp_float50> {
  using T = gmp_float50;
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = true;  // static precision
  static constexpr bool has_transcendentals = true;
  static std::string id() { return "gmp_float50"; }
  // Boost targets 50 digits (168 bits) in its gmp_float functions, though mpf keeps
  // whole limbs (192 bits): the guaranteed precision is the smaller.
  static long bits() { return std::numeric_limits<T>::digits; }
  static T epsilon() { return std::numeric_limits<T>::epsilon(); }
  static T from_rational(const Rational& q) {
    T x;
    mpf_set_q(x.backend().data(), q.get());
    return x;
  }
  static std::string str(const T& x) { return x.str(std::numeric_limits<T>::max_digits10, std::ios_base::scientific); }
  static std::string str(const T& x, int digits) { return x.str(digits, std::ios_base::fmtflags{}); }
};

template <>
struct number_traits<mpq> {
  using T = mpq;
  static constexpr bool is_interval = false;
  static constexpr bool is_exact = true;
  static constexpr bool thread_independent = true;
  static constexpr bool has_transcendentals = false;
  static std::string id() { return "mpq"; }
  static long bits() { return 0; }
  static T epsilon() { return T(0); }
  static T from_rational(const Rational& q) {
    T x;
    mpq_set(x.backend().data(), q.get());
    return x;
  }
  static std::string str(const T& x) { return x.str(); }
  static std::string str(const T& x, int digits) {
    return boost::multiprecision::number<boost::multiprecision::gmp_float<0>, boost::multiprecision::et_off>(
               x, static_cast<unsigned>(digits + 5))
        .str(digits, std::ios_base::fmtflags{});
  }
};

}  // namespace annealcheck::numeric
