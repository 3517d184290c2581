// Certified bracket of the GF stopping time (E4): an interval [t_lo, t_hi] with
//   g(t) = Σ_i w_i e^{−r_i t} − ε   certainly > 0 at t_lo and certainly < 0 at t_hi,
// both signs proved by interval evaluation at the (exact) end points. Because
// g is strictly decreasing (every r_i ≥ 0, some w_i r_i > 0), the root lies in the
// bracket: this is a proof, not a float root widened by a guess.
//
// How: start from an approximate root t̃ (any float: Newton in MPFR) and try
// t̃ ∓ h with h = |t̃|·2^{−(bits−12)}, growing h ×16 a few times until both signs
// are proved; if that fails (t̃ far off), take [0, t_up] with g(t_up) < 0 proved.
// Either bracket is then bisected with certified signs until it is |t|·2^{12−bits}
// narrow or the midpoint's sign is undecidable at this precision.
#pragma once

#include "annealcheck/interval/mpfi_ops.hpp"

#include <optional>
#include <vector>

namespace annealcheck::interval {

enum class Sign3 { Positive, Negative, Unknown };

// Σ_i w_i·exp(−r_i·t): an enclosure for every point of w, r, t.
template <unsigned D>
Mpfi<D> decay_sum(const std::vector<Mpfi<D>>& w, const std::vector<Mpfi<D>>& r, const Mpfi<D>& t) {
  using std::exp;
  Mpfi<D> s = numeric::from_int<Mpfi<D>>(0);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (is_exact_zero(w[i])) continue;
    s += w[i] * exp(-(r[i] * t));
  }
  return s;
}

template <unsigned D>
Sign3 sign3(const Mpfi<D>& x) {
  if (certainly_positive(x)) return Sign3::Positive;
  if (certainly_negative(x)) return Sign3::Negative;
  return Sign3::Unknown;
}

template <unsigned D>
class StoppingBracket {
 public:
  using I = Mpfi<D>;
  StoppingBracket(const std::vector<I>& w, const std::vector<I>& r, const I& eps) : w_(w), r_(r), eps_(eps) {}

  Sign3 sign_at(mpfr_srcptr t) const { return sign3(I(decay_sum(w_, r_, point<D>(t)) - eps_)); }

  // Requires g(0) > 0 proved by the caller. nullopt when no bracket could be proved.
  std::optional<I> certify(mpfr_srcptr approx) const {
    const mpfr_prec_t p = mpfr_get_prec(left(eps_));
    Mpfr t0(p), h(p), lo(p), hi(p);
    mpfr_set(t0.v, approx, MPFR_RNDN);
    if (!mpfr_number_p(t0.v) || mpfr_sgn(t0.v) < 0) mpfr_set_zero(t0.v, 1);
    mpfr_abs(h.v, t0.v, MPFR_RNDU);
    if (mpfr_cmp_d(h.v, 0x1p-20) < 0) mpfr_set_d(h.v, 0x1p-20, MPFR_RNDU);
    mpfr_mul_2si(h.v, h.v, -(static_cast<long>(p) - 12), MPFR_RNDU);
    // Grow a bracket around the guess: a good guess is certified at once.
    for (int attempt = 0; attempt < 8; ++attempt) {
      mpfr_sub(lo.v, t0.v, h.v, MPFR_RNDD);
      if (mpfr_sgn(lo.v) < 0) mpfr_set_zero(lo.v, 1);
      mpfr_add(hi.v, t0.v, h.v, MPFR_RNDU);
      if (sign_at(hi.v) == Sign3::Negative && (mpfr_zero_p(lo.v) || sign_at(lo.v) == Sign3::Positive))
        return refine(lo.v, hi.v);
      mpfr_mul_2si(h.v, h.v, 4, MPFR_RNDU);
    }
    // A poor guess: start from [0, t_up] with g(t_up) < 0 proved (t_up doubled until it is).
    mpfr_set_zero(lo.v, 1);
    mpfr_set_ui(hi.v, 1, MPFR_RNDN);
    for (int grow = 0; sign_at(hi.v) != Sign3::Negative; ++grow) {
      if (grow > 4096) return std::nullopt;
      mpfr_mul_2si(hi.v, hi.v, 1, MPFR_RNDU);
    }
    return refine(lo.v, hi.v);
  }

 private:
  using Mpfr = ScopedMpfr;

  // Bisection with certified signs, from a proved bracket [a, b], until it is as
  // narrow as |t|·2^{12−bits} or the midpoint's sign is undecidable at this precision.
  std::optional<I> refine(mpfr_srcptr a0, mpfr_srcptr b0) const {
    const mpfr_prec_t p = mpfr_get_prec(left(eps_));
    Mpfr a(p), b(p), m(p), w(p), target(p);
    mpfr_set(a.v, a0, MPFR_RNDN);
    mpfr_set(b.v, b0, MPFR_RNDN);
    for (long it = 0; it < 4 * static_cast<long>(p) + 64; ++it) {
      mpfr_sub(w.v, b.v, a.v, MPFR_RNDU);
      mpfr_abs(target.v, b.v, MPFR_RNDD);
      mpfr_mul_2si(target.v, target.v, -(static_cast<long>(p) - 12), MPFR_RNDD);
      if (mpfr_lessequal_p(w.v, target.v)) break;
      mpfr_add(m.v, a.v, b.v, MPFR_RNDN);
      mpfr_mul_2si(m.v, m.v, -1, MPFR_RNDN);
      if (mpfr_equal_p(m.v, a.v) || mpfr_equal_p(m.v, b.v)) break;
      const Sign3 s = sign_at(m.v);
      if (s == Sign3::Positive) mpfr_set(a.v, m.v, MPFR_RNDN);
      else if (s == Sign3::Negative) mpfr_set(b.v, m.v, MPFR_RNDN);
      else break;
    }
    return span<D>(a.v, b.v);
  }

  const std::vector<I>& w_;
  const std::vector<I>& r_;
  const I& eps_;
};

}  // namespace annealcheck::interval
