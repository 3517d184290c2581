// Proposition 1 (SPEC §4): the paper's table exactly in rationals, and the (2,1)
// case end to end: L_D(annealed) = (3/4)ε and the GF bound at α = 1e-6, ε = 1e-9.
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/lemma2/evaluation.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "reference.hpp"

#include <gtest/gtest.h>

namespace {

using namespace annealcheck;
using numeric::mpq;

// Residuals with exact squares: good [√(3ε/2), 0], bad [0, √(3ε)]. The losses are
// linear in δ², so feeding δ² as weights keeps everything rational.
TEST(Prop1Table, GoodAndBadResidualsExactly) {
  const std::vector<mpq> gamma{mpq(2, 3), mpq(1, 3)}, lambda{mpq(1, 2), mpq(1, 2)};
  for (const mpq& eps : {mpq(1, 1000000000), mpq(1, 7), mpq(3, 4)}) {
    const std::vector<mpq> good_sq{mpq(3) * eps / 2, mpq(0)}, bad_sq{mpq(0), mpq(3) * eps};
    const std::vector<mpq> ones{mpq(1), mpq(1)};
    auto loss = [&](const std::vector<mpq>& w, const std::vector<mpq>& sq) {
      mpq s = 0;
      for (std::size_t i = 0; i < 2; ++i) s += w[i] * sq[i];
      return s;
    };
    EXPECT_EQ(loss(gamma, good_sq), eps);
    EXPECT_EQ(loss(lambda, good_sq), mpq(3, 4) * eps);
    EXPECT_EQ(loss(gamma, bad_sq), eps);
    EXPECT_EQ(loss(lambda, bad_sq), mpq(3, 2) * eps);
    // (E3): the good residual attains the minimum, the bad one the maximum.
    EXPECT_EQ(mpq(3, 4) * eps, eps * (lambda[0] / gamma[0]));
    EXPECT_EQ(mpq(3, 2) * eps, eps * (lambda[1] / gamma[1]));
  }
}

template <class T>
lemma2::Evaluation<T> prop1(const std::string& alpha, const std::string& eps, long K) {
  return lemma2::evaluate(engine::materialize_prop1<T>(engine::prop1_case21(alpha, eps, K)));
}

TEST(Prop1Case21, AnnealedEndsAtThreeQuartersEps) {
  using T = numeric::mpfr256;
  for (long K : {1L, 2L, 10L, 101L}) {
    const auto ev = prop1<T>("1e-6", "1e-9", K);
    const T ratio = ev.fast_population_loss / numeric::parse_number<T>("1e-9");
    // 1 − 2ηγ_2 = 0 exactly in the reals; in 256 bits it is ≤ 2^-255, so δ_2(K)² ≤ 1e10·2^-510:
    // the ratio is 3/4 to ~150 digits; 200·eps covers the stopping-time conditioning (4γ_1T ≈ 43).
    EXPECT_LT(annealcheck::testing::error_in_eps(ratio, annealcheck::testing::to_reference(numeric::parse_number<T>("0.75"))), 200.0)
        << "K=" << K << " ratio " << numeric::number_traits<T>::str(ratio);
  }
}

TEST(Prop1Case21, GradientFlowBoundAtPaperParameters) {
  using T = numeric::mpfr256;
  const auto ev = prop1<T>("1e-6", "1e-9", 10);
  const T bound = numeric::parse_number<T>("1.5") * numeric::parse_number<T>("1e-9") * (1 - numeric::parse_number<T>("1e-6"));
  EXPECT_GE(ev.gf_population_loss, bound);  // (G): L_D(GF) ≥ (3/2)·ε·(1 − α)
  for (const auto& c : ev.checks) EXPECT_NE(c.verdict, lemma2::Verdict::Fails) << c.label << " at " << c.where;
}

TEST(Prop1Case21, RatioTendsToTwo) {
  using T = numeric::mpfr256;
  const auto a = prop1<T>("1e-2", "1e-3", 10), b = prop1<T>("1e-8", "1e-3", 10);
  const T ra = a.gf_population_loss / a.fast_population_loss, rb = b.gf_population_loss / b.fast_population_loss;
  EXPECT_LT(ra, rb);
  EXPECT_LT(rb, numeric::from_int<T>(2));
  EXPECT_GT(rb, numeric::parse_number<T>("1.999999"));
}

}  // namespace
