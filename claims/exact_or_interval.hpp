// A value in a certified claim evaluation (claim_certified.hpp): the exact rational when
// every input was exact and every operation rational (+ − × ÷, small integer powers,
// min, max, |.|, negation), so that identities such as L̂(δ_GF(T)) = ε or L̂(δ(0)) =
// Σ γ_i δ_i(0)² are decided exactly rather than left to overlapping enclosures; always
// also its MPFI enclosure (at the thread's MPFI precision), which carries it otherwise.
#pragma once

#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/interval/mpfi_ops.hpp"
#include "claims/side_functions.hpp"

#include <optional>
#include <stdexcept>

namespace annealcheck::claims::certified_value {

using I = interval::Mpfi<0>;
using numeric::Rational;

// A quantity without a rigorous enclosure at this precision: the claim is undecided.
class Undecidable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline I enclose(const Rational& q) { return numeric::number_traits<I>::from_rational(q); }

struct V {
  std::optional<Rational> q;  // the exact value, when known
  I iv;                       // an enclosure of it
};

inline V exact(const Rational& q) { return {q, enclose(q)}; }
inline V approx(const I& x) { return {std::nullopt, x}; }

inline V operator+(const V& a, const V& b) { return a.q && b.q ? exact(*a.q + *b.q) : approx(a.iv + b.iv); }
inline V operator-(const V& a, const V& b) { return a.q && b.q ? exact(*a.q - *b.q) : approx(a.iv - b.iv); }
inline V operator*(const V& a, const V& b) { return a.q && b.q ? exact(*a.q * *b.q) : approx(a.iv * b.iv); }
inline V operator-(const V& a) { return a.q ? exact(Rational(0) - *a.q) : approx(I(-a.iv)); }

inline V abs(const V& a) {
  using std::abs;
  if (a.q) return exact(a.q->sign() < 0 ? Rational(0) - *a.q : *a.q);
  return approx(abs(a.iv));
}

// a / b: a divisor exactly 0 leaves the claim undefined; one whose enclosure holds 0, undecided.
inline V divide(const V& a, const V& b) {
  if ((b.q && b.q->sign() == 0) || interval::is_exact_zero(b.iv)) throw DomainError("division by zero");
  if (a.q && b.q) return exact(*a.q / *b.q);
  if (!interval::certainly_positive(b.iv) && !interval::certainly_negative(b.iv)) throw Undecidable("a divisor's enclosure holds 0 at this precision");
  return approx(a.iv / b.iv);
}

inline V extremum(const V& a, const V& b, bool take_max) {
  if (a.q && b.q) return exact((*a.q < *b.q) == take_max ? *b.q : *a.q);
  I r;
  auto* out = r.backend().data();
  const auto pick = take_max ? mpfr_max : mpfr_min;
  pick(&out->left, interval::left(a.iv), interval::left(b.iv), MPFR_RNDD);
  pick(&out->right, interval::right(a.iv), interval::right(b.iv), MPFR_RNDU);
  return approx(r);
}

// a^n, n an integer; exact for |n| ≤ 64 (beyond, the rationals grow without need).
inline V power(const V& a, long n) {
  const unsigned long m = static_cast<unsigned long>(n < 0 ? -n : n);
  V p = a.q && m <= 64 ? exact(interval::pow_exact(*a.q, m)) : approx(interval::pow_uint(a.iv, m));
  return n < 0 ? divide(exact(Rational(1)), p) : p;
}

}  // namespace annealcheck::claims::certified_value
