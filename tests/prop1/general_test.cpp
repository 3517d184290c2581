// SPEC §5 generalization (prop1/threshold_probability.hpp): for d = 3, n = 4 the
// enumerated probabilities sum to exactly 1 and the exact P[ratio ≥ r] lies in
// the Monte Carlo Clopper–Pearson interval.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/prop1/report.hpp"
#include "annealcheck/prop1/threshold_probability.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace annealcheck;
using annealcheck::numeric::Rational;

TEST(General, EnumerationSumsToOneAndAgreesWithMonteCarlo) {
  for (const auto& p : std::vector<std::vector<std::string>>{{}, {"1/2", "1/4", "1/4"}}) {
    for (const std::string r_text : {"3/2", "1", "1.9"}) {
      prop1::GeneralOptions o;
      o.d = 3;
      o.n = 4;
      o.p = p;
      o.r = r_text;
      o.method = "both";
      o.samples = 20000;
      o.confidence = 0.999;
      const prop1::GeneralReport rep = prop1::run_general(engine::parse_type_id("double"), o);
      ASSERT_TRUE(rep.enumeration && rep.monte_carlo);
      const auto& e = *rep.enumeration;
      EXPECT_EQ(e.rows.size(), 15u);
      EXPECT_EQ(e.total, Rational(1));
      EXPECT_EQ(e.holds + e.fails + e.undecided, Rational(1));
      Rational holds(0);
      for (const auto& row : e.rows)
        if (row.verdict == prop1::Decision::Holds) holds = holds + row.probability;
      EXPECT_EQ(holds, e.holds);
      EXPECT_EQ(e.undecided, Rational(0));
      const auto& mc = *rep.monte_carlo;
      EXPECT_EQ(mc.undecided, 0u);
      const double exact = e.holds.approx();
      EXPECT_LE(mc.ci_holds.lo, exact) << "r = " << r_text;
      EXPECT_GE(mc.ci_holds.hi, exact) << "r = " << r_text;
      EXPECT_LT(mc.ci_holds.hi - mc.ci_holds.lo, 0.03);  // the interval says something
    }
  }
}

TEST(General, UniformThreeByFourThresholdThreeHalves) {
  // By hand: with η = 2 only the draws (2,1,1) up to order (GD factors −1, 0, 0)
  // end with ratio ≈ 2 ≥ 3/2; every other draw is degenerate and its ratio is
  // 1 + O(εα): P = 3 · 12/81 = 4/9.
  prop1::GeneralOptions o;
  o.method = "enumerate";
  const prop1::GeneralReport rep = prop1::run_general(engine::parse_type_id("mpfr128"), o);
  ASSERT_TRUE(rep.enumeration);
  EXPECT_EQ(rep.enumeration->holds, Rational(4, 9));
}

TEST(General, AutoSwitchesToMonteCarloWhenEnumerationIsTooLarge) {
  prop1::GeneralOptions o;
  o.d = 6;
  o.n = 12;
  o.max_enumeration = 100;
  o.samples = 2000;
  const prop1::GeneralReport rep = prop1::run_general(engine::parse_type_id("double"), o);
  EXPECT_FALSE(rep.enumeration.has_value());
  ASSERT_TRUE(rep.monte_carlo.has_value());
  EXPECT_EQ(rep.monte_carlo->samples, 2000u);
  o.method = "enumerate";
  EXPECT_THROW(prop1::run_general(engine::parse_type_id("double"), o), InputError);
}

TEST(ClopperPearson, KnownValues) {
  // Clopper & Pearson (1934) / standard tables: n = 10, k = 5, 95%: [0.1871, 0.8129]
  const prop1::Interval iv = prop1::clopper_pearson(5, 10, 0.95);
  EXPECT_NEAR(iv.lo, 0.1871, 1e-4);
  EXPECT_NEAR(iv.hi, 0.8129, 1e-4);
  // k = 0: the upper end solves (1 − p)^n = α/2
  const prop1::Interval zero = prop1::clopper_pearson(0, 100, 0.99);
  EXPECT_EQ(zero.lo, 0.0);
  EXPECT_NEAR(zero.hi, 1 - std::pow(0.005, 1.0 / 100), 1e-12);
}
