// Exact rationals (GMP mpq_t) for reading and validating inputs without rounding.
//
// Every instance value enters the harness as text: "1e-30", "-2.5", "2/3", "7".
// parse_rational reads such text exactly; validation (sortedness, signs, the gap ρ)
// is then decided exactly, and each number type later reads the same text at its
// own precision (numeric/number_traits.hpp), never through double.
#pragma once

#include <gmp.h>

#include <compare>
#include <string>
#include <string_view>

namespace annealcheck::numeric {

class Rational {
 public:
  Rational() { mpq_init(q_); }
  explicit Rational(long n, unsigned long d = 1);
  Rational(const Rational& o) { mpq_init(q_); mpq_set(q_, o.q_); }
  Rational(Rational&& o) noexcept : Rational() { mpq_swap(q_, o.q_); }
  Rational& operator=(const Rational& o) { mpq_set(q_, o.q_); return *this; }
  Rational& operator=(Rational&& o) noexcept { mpq_swap(q_, o.q_); return *this; }
  ~Rational() { mpq_clear(q_); }

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // b != 0
  friend bool operator==(const Rational& a, const Rational& b) { return mpq_equal(a.q_, b.q_) != 0; }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    const int c = mpq_cmp(a.q_, b.q_);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  int sign() const { return mpq_sgn(q_); }
  bool is_integer() const { return mpz_cmp_ui(mpq_denref(q_), 1) == 0; }
  std::string str() const;          // "p/q" or "p": exact
  double approx() const { return mpq_get_d(q_); }  // for display only
  const mpq_t& get() const { return q_; }
  mpq_t& get() { return q_; }

 private:
  mpq_t q_;
};

// Why a text is not a finite rational: empty reason means it parsed.
struct RationalParse {
  Rational value;
  std::string error;  // "", "not a number", "not finite (NaN)", "not finite (infinity)", "exponent too large"
  bool ok() const { return error.empty(); }
};

// Accepts [+-]digits[.digits][(e|E)[+-]digits] and [+-]int/int (int > 0 below).
// Exponents are limited to |e| <= limits::kMaxDecimalExponent (100000) so that
// "1e999999999" cannot exhaust memory; leading zeros in an exponent are allowed.
RationalParse parse_rational(std::string_view text);

}  // namespace annealcheck::numeric
