// The exact data behind the certified reference (interval/exact_problem.hpp).
#include "annealcheck/interval/exact_problem.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <gtest/gtest.h>

using namespace annealcheck;
using numeric::Rational;

TEST(ExactProblem, Prop1DerivedConstantsAreExact) {
  // SPEC §4, case (2,1): gamma = (2/3, 1/3), eta = 3/2, so f_2 = 1 - 2(3/2)(1/3) = 0 and f_1 = -1.
  const auto e = interval::exact_problem(engine::prop1_case21("1e-8", "1e-30", 7));
  ASSERT_EQ(e.dim(), 2u);
  EXPECT_EQ(e.delta0_sq[0], Rational(1000000000000L));  // 10^4 / 1e-8
  ASSERT_TRUE(e.delta0[0].has_value());                  // 10^12 is a square: delta_i(0) = -10^6 exactly
  EXPECT_EQ(*e.delta0[0], Rational(-1000000L));
  EXPECT_EQ(e.factor[0], Rational(-1));
  EXPECT_EQ(e.factor[1], Rational(0));
  EXPECT_EQ(e.c, Rational(0));
  EXPECT_EQ(e.mu, Rational(3, 4));  // max_P lambda_i / gamma_1 = (1/2)/(2/3)
  EXPECT_TRUE(e.in_P[0]);
  EXPECT_FALSE(e.in_P[1]);
  EXPECT_EQ(e.M, Rational(1000000000000L) / Rational(3));
  EXPECT_EQ(*e.min_ratio_Sbar, Rational(3, 2));
  EXPECT_EQ(e.K, 7);
}

TEST(ExactProblem, IrrationalDeltaKeepsOnlyTheSquare) {
  const auto e = interval::exact_problem(engine::prop1_case21("2e-8", "1e-30", 1));
  EXPECT_FALSE(e.delta0[0].has_value());  // 10^4 / 2e-8 = 5e11 is not a square
  EXPECT_EQ(e.delta0_sq[0], Rational(500000000000L));
  EXPECT_EQ(e.delta0_sign[0], -1);
}

TEST(ExactProblem, NearTieIsDecidedExactly) {
  // gamma_2 = 1 - 1e-20 is in Q exactly (SPEC §6, second hazard).
  const auto spec = model::instance_from_json(
      io::parse_exact_json(R"({"gamma":["1","0.99999999999999999999","0.5"],"lambda":["1","2","1"],"delta0":["1","1","1"],"k":3,"eps":"1e-6","K":10})", "t"),
      "t");
  const auto e = interval::exact_problem(spec);
  EXPECT_TRUE(e.in_P[0]);
  EXPECT_FALSE(e.in_P[1]);
  EXPECT_FALSE(e.in_P[2]);
  const Rational f2 = Rational(1) - Rational(2) * (Rational(1) - Rational(1) / Rational(100000000000000000L) / Rational(1000));
  EXPECT_EQ(e.c, f2 * f2);
  EXPECT_TRUE(e.c < Rational(1));
}

TEST(ExactProblem, ExactSqrt) {
  EXPECT_EQ(*interval::exact_sqrt(Rational(9, 16)), Rational(3, 4));
  EXPECT_FALSE(interval::exact_sqrt(Rational(2)).has_value());
  EXPECT_EQ(interval::pow_exact(Rational(2, 3), 3), Rational(8, 27));
}
