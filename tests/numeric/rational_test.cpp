#include "annealcheck/numeric/rational.hpp"

#include <gtest/gtest.h>

using annealcheck::numeric::parse_rational;
using annealcheck::numeric::Rational;

TEST(ParseRational, DecimalsAreExact) {
  EXPECT_EQ(parse_rational("0.1").value, Rational(1, 10));
  EXPECT_EQ(parse_rational("-2.5").value, Rational(-5, 2));
  EXPECT_EQ(parse_rational("1e-3").value, Rational(1, 1000));
  EXPECT_EQ(parse_rational("12.5E+2").value, Rational(1250));
  EXPECT_EQ(parse_rational(".5").value, Rational(1, 2));
  EXPECT_EQ(parse_rational("7.").value, Rational(7));
  EXPECT_EQ(parse_rational("1e-30").value.str(), "1/1000000000000000000000000000000");
}

TEST(ParseRational, ExponentMayHaveLeadingZeros) {  // issue 12: "1e-0000009" was "exponent too large"
  EXPECT_EQ(parse_rational("1e-0000009").value, Rational(1, 1000000000));
  EXPECT_EQ(parse_rational("25E+000000000000000000001").value, Rational(250));
  EXPECT_EQ(parse_rational("3e0000").value, Rational(3));
  EXPECT_FALSE(parse_rational("1e0000100001").ok());  // still 100001 after the zeros
  EXPECT_TRUE(parse_rational("1e-000100000").ok());
}

TEST(ParseRational, FractionsAreCanonical) {
  EXPECT_EQ(parse_rational("2/3").value, Rational(2, 3));
  EXPECT_EQ(parse_rational("4/6").value.str(), "2/3");
  EXPECT_EQ(parse_rational("-4/6").value, Rational(-2, 3));
}

TEST(ParseRational, RejectsWithReasons) {
  EXPECT_EQ(parse_rational("nan").error, "not finite (NaN)");
  EXPECT_EQ(parse_rational("-Infinity").error, "not finite (infinity)");
  EXPECT_EQ(parse_rational("1/0").error, "not finite (division by zero)");
  EXPECT_EQ(parse_rational("abc").error, "not a number");
  EXPECT_EQ(parse_rational("").error, "not a number");
  EXPECT_EQ(parse_rational("1e").error, "not a number");
  EXPECT_EQ(parse_rational("1.2.3").error, "not a number");
  EXPECT_EQ(parse_rational("0x10").error, "not a number");
  EXPECT_FALSE(parse_rational("1e999999999").ok());
}
