// Correct digits against an enclosure (audit/digits.hpp): a rigorous lower bound.
#include "annealcheck/audit/digits.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace annealcheck;

namespace {

interval::Enclosure enclosure(double lo, double hi) {
  mpfi_t x;
  mpfi_init2(x, 200);
  mpfi_interv_d(x, lo, hi);
  interval::Enclosure e(x);
  mpfi_clear(x);
  return e;
}

struct Value {
  explicit Value(double v, long p = 200) { mpfr_init2(x, p), mpfr_set_d(x, v, MPFR_RNDN); }
  ~Value() { mpfr_clear(x); }
  mpfr_t x;
};

}  // namespace

TEST(Digits, ExactPointIsExactAtTheCap) {
  const audit::Digits d = audit::relative_digits(Value(0.75).x, enclosure(0.75, 0.75), 600);
  EXPECT_TRUE(d.exact);
  EXPECT_EQ(d.value, 600);
}

TEST(Digits, RelativeErrorGivesALowerBoundOnDigits) {
  // x = 1 + 2^-20 against the point 1: exactly 20·log10(2) = 6.0206 digits; the bound may not exceed it.
  const audit::Digits d = audit::relative_digits(Value(1 + std::ldexp(1.0, -20)).x, enclosure(1, 1), 600);
  EXPECT_FALSE(d.exact);
  EXPECT_LE(d.value, 20 * std::log10(2.0));
  EXPECT_GT(d.value, 20 * std::log10(2.0) - 1e-9);
}

TEST(Digits, WideEnclosureCapsTheCount) {
  // Even x = midpoint gets only what the width certifies: max distance to the ends / min |y|.
  const audit::Digits d = audit::relative_digits(Value(1.5).x, enclosure(1.0, 2.0), 600);
  EXPECT_NEAR(d.value, -std::log10(0.5), 1e-9);
}

TEST(Digits, EnclosureHoldingZeroHasNoRelativeDigits) {
  EXPECT_EQ(audit::relative_digits(Value(1e-30).x, enclosure(-1e-20, 1e-20), 600).value, 0);
  // ... but digits at a given scale are meaningful: error 1e-20 at scale 1 is 20 digits.
  Value scale(1);
  EXPECT_NEAR(audit::digits_at_scale(Value(0).x, enclosure(-1e-20, 1e-20), scale.x, 600).value, 20, 1e-6);
}

TEST(Digits, NonFiniteValuesHaveNone) {
  Value nan(0);
  mpfr_set_nan(nan.x);
  const audit::Digits d = audit::relative_digits(nan.x, enclosure(1, 2), 600);
  EXPECT_FALSE(d.finite);
  EXPECT_EQ(d.value, 0);
}
