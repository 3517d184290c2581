// Certified brackets of the GF stopping time (interval/stopping_bracket.hpp).
#include "annealcheck/interval/stopping_bracket.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace annealcheck;
using I = numeric::mpfi_dynamic;

namespace {

struct Mpfr {
  explicit Mpfr(long p) { mpfr_init2(v, p); }
  ~Mpfr() { mpfr_clear(v); }
  mpfr_t v;
};

I R(long p, unsigned long q = 1) { return numeric::number_traits<I>::from_rational(numeric::Rational(p, q)); }

// One active rate: L̂(t) = w e^{-r t}, so T = ln(w/ε)/r, computed here with MPFR at 4x precision.
void exact_single_rate(mpfr_ptr out, long w, long r, unsigned long eps_den) {
  mpfr_set_si(out, w, MPFR_RNDN);
  mpfr_mul_ui(out, out, eps_den, MPFR_RNDN);
  mpfr_log(out, out, MPFR_RNDN);
  mpfr_div_si(out, out, r, MPFR_RNDN);
}

bool contains(const I& x, mpfr_srcptr v) {
  return mpfr_lessequal_p(interval::left(x), v) && mpfr_lessequal_p(v, interval::right(x));
}

}  // namespace

TEST(StoppingBracket, ContainsTheRootAndIsNarrow) {
  for (long bits : {64L, 200L, 1000L}) {
    numeric::scoped_mpfi_bits scope(bits);
    const std::vector<I> w{R(7)}, r{R(3)};
    const I eps = R(1, 1000000000UL);
    Mpfr exact(4 * bits), guess(bits);
    exact_single_rate(exact.v, 7, 3, 1000000000UL);
    mpfr_set(guess.v, exact.v, MPFR_RNDN);
    const auto b = interval::StoppingBracket<0>(w, r, eps).certify(guess.v);
    ASSERT_TRUE(b.has_value()) << bits;
    EXPECT_TRUE(contains(*b, exact.v)) << bits;
    // Width: a few hundred ulps at most (h starts at |t|·2^{12-bits}).
    Mpfr width(64);
    mpfr_sub(width.v, interval::right(*b), interval::left(*b), MPFR_RNDU);
    EXPECT_LT(mpfr_get_d(width.v, MPFR_RNDU), std::ldexp(mpfr_get_d(exact.v, MPFR_RNDN), 16 - static_cast<int>(bits))) << bits;
    // And both ends really are certified.
    interval::StoppingBracket<0> sb(w, r, eps);
    EXPECT_EQ(sb.sign_at(interval::left(*b)), interval::Sign3::Positive);
    EXPECT_EQ(sb.sign_at(interval::right(*b)), interval::Sign3::Negative);
  }
}

TEST(StoppingBracket, AWrongGuessFallsBackToCertifiedBisection) {
  numeric::scoped_mpfi_bits scope(128);
  const std::vector<I> w{R(2), R(5)}, r{R(8), R(4)};  // two rates: no closed form needed to test containment
  const I eps = R(1, 1000UL);
  Mpfr far(128);
  mpfr_set_d(far.v, 1e9, MPFR_RNDN);
  const auto b = interval::StoppingBracket<0>(w, r, eps).certify(far.v);
  ASSERT_TRUE(b.has_value());
  interval::StoppingBracket<0> sb(w, r, eps);
  EXPECT_EQ(sb.sign_at(interval::left(*b)), interval::Sign3::Positive);
  EXPECT_EQ(sb.sign_at(interval::right(*b)), interval::Sign3::Negative);
  Mpfr width(64);
  mpfr_sub(width.v, interval::right(*b), interval::left(*b), MPFR_RNDU);
  EXPECT_LT(mpfr_get_d(width.v, MPFR_RNDU), 1e-30);
}
