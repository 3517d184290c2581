// One traits point per number type of the precision ladder, and the concepts that
// the algorithms are written against.
//
// number_traits<T> (specialised in *_traits.hpp, one header per family so that a
// translation unit pulls in only the heavy headers of the types it instantiates):
//   id()            stable ladder id ("double", "mpfr256", "mpfr:300", "mpq", ...)
//   bits()          significand bits of the values made now (0 for exact rationals)
//   is_interval     values are enclosures (MPFI): never compare them with < or >
//   is_exact        arithmetic is exact (mpq): no exp/log
//   has_transcendentals  exp, log, sqrt exist (everything but mpq)
//   thread_independent   arithmetic reads no per-thread state, so another thread
//                   computes the same bits (false for runtime precision, which is
//                   set per thread): numeric/block_runner.hpp may use a worker
//   epsilon()       2^(1-bits), the spacing of the type at 1 (0 when exact)
//   from_rational() the exact input rounded once to T (an enclosure for intervals)
//   str(x)          text that reads back to exactly x at the same precision
//                   ("p/q" for rationals, "[lo, hi]" outward-rounded for intervals)
//   str(x, digits)  x to `digits` significant digits, for tables
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <concepts>
#include <stdexcept>
#include <string>
#include <string_view>

namespace annealcheck::numeric {

template <class T>
struct number_traits;  // no primary definition: an unsupported type does not compile

template <class T>
concept LadderNumber = requires(T a, T b, const Rational& q) {
  { number_traits<T>::id() } -> std::convertible_to<std::string>;
  { number_traits<T>::bits() } -> std::convertible_to<long>;
  { number_traits<T>::from_rational(q) } -> std::same_as<T>;
  { number_traits<T>::str(a) } -> std::convertible_to<std::string>;
  { a + b } -> std::convertible_to<T>;
  { a - b } -> std::convertible_to<T>;
  { a * b } -> std::convertible_to<T>;
  { a / b } -> std::convertible_to<T>;
  { -a } -> std::convertible_to<T>;
  a += b; a -= b; a *= b; a /= b;
};

// Totally ordered: <, <= decide (not intervals).
template <class T>
concept OrderedNumber = LadderNumber<T> && !number_traits<T>::is_interval && requires(T a, T b) {
  { a < b } -> std::convertible_to<bool>;
  { a <= b } -> std::convertible_to<bool>;
};

// Ordered with exp, log, sqrt: what gradient flow needs.
template <class T>
concept RealNumber = OrderedNumber<T> && number_traits<T>::has_transcendentals;

template <class T>
concept ExactNumber = OrderedNumber<T> && number_traits<T>::is_exact;

template <class T>
concept IntervalNumber = LadderNumber<T> && number_traits<T>::is_interval;

// Reads an instance value ("1e-30", "2/3") at T's precision; throws
// std::invalid_argument naming the text when it is not a finite number.
template <LadderNumber T>
T parse_number(std::string_view text) {
  RationalParse p = parse_rational(text);
  if (!p.ok()) {  // appended, not `"\"" + …`: GCC 12's -Wrestrict misfires on that at -O3
    std::string message = "\"";
    message.append(text).append("\" is ").append(p.error);
    throw std::invalid_argument(message);
  }
  return number_traits<T>::from_rational(p.value);
}

// r = a·b without a temporary (one MPFR call for the MPFR types): for loops that
// must not allocate or copy per element. Boost.Multiprecision's multiply(r, a, b)
// is found by argument-dependent lookup; builtins multiply directly.
template <LadderNumber T>
void multiply_into(T& r, const T& a, const T& b) {
  if constexpr (requires { multiply(r, a, b); }) multiply(r, a, b);
  else r = a * b;
}

// Small integers are exact in every ladder type (|n| < 2^24 even for float).
template <LadderNumber T>
T from_int(long n) {
  return T(n);
}

}  // namespace annealcheck::numeric
