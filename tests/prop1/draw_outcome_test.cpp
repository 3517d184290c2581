// Per-draw GF and annealed GD in log space (prop1/draw_outcome.hpp):
// * the stated rounding allowance covers the real error: double results are
//   compared with a 1024-bit evaluation of the same draw, and a decided verdict
//   in double never contradicts the reference;
// * Proposition 1's cases: (2,1) ends at 0.75ε (annealed) and at the closed-form
//   GF value; (3,0) is an exact tie, even after K = 5000 steps with factor −2
//   (which would overflow double if δ(K) were formed).
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "annealcheck/prop1/draw_outcome.hpp"
#include "annealcheck/prop1/paper_table.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>

using namespace annealcheck::prop1;
using annealcheck::numeric::mpfr1024;
using annealcheck::numeric::mpfr256;
using annealcheck::numeric::Rational;

namespace {

rc::Gen<DiagonalDraw> gen_draw() {
  return rc::gen::exec([] {
    const long d = *rc::gen::element(1L, 2L, 2L, 3L, 3L, 4L);
    const long n = *rc::gen::inRange(d, d + 5);  // n ≥ d: non-degenerate draws are possible
    // half the time every coordinate is drawn at least once (no zero eigenvalue)
    const bool all_drawn = *rc::gen::arbitrary<bool>();
    std::vector<long> counts(static_cast<std::size_t>(d), all_drawn ? 1 : 0);
    for (long k = all_drawn ? d : 0; k < n; ++k) ++counts[static_cast<std::size_t>(*rc::gen::inRange(0L, d))];
    const DataModel m = general_model(d, n, {});
    const Rational eta = *rc::gen::element(Rational(1, 2), Rational(1), Rational(3, 2), Rational(2), Rational(5, 2));
    const Rational alpha = *rc::gen::element(Rational(1, 2), Rational(1, 100), Rational(1, 1000000));
    const Rational eps = *rc::gen::element(Rational(1, 2), Rational(1, 1000), Rational(1, 1000000000), Rational(3, 7));
    const long K = *rc::gen::inRange(0, 31);
    return make_diagonal_draw(m, counts, alpha, eps, eta, K);
  });
}

double rel(double x, const mpfr1024& ref) {
  const mpfr1024 r = (mpfr1024(x) - ref) / ref;
  return std::fabs(static_cast<double>(r));
}

}  // namespace

RC_GTEST_PROP(DrawOutcome, AllowanceCoversTheErrorOfDouble, ()) {
  const DiagonalDraw d = *gen_draw();
  const DrawOutcome<double> lo = evaluate_draw<double>(d);
  const DrawOutcome<mpfr1024> hi = evaluate_draw<mpfr1024>(d);
  RC_ASSERT(lo.gd.t_stop == hi.gd.t_stop);
  RC_ASSERT(lo.exact_tie == hi.exact_tie);
  if (hi.gf_moving > 0) RC_ASSERT(rel(lo.gf_moving, hi.gf_moving) <= lo.allowance);
  if (hi.ann_moving > 0) RC_ASSERT(rel(lo.ann_moving, hi.ann_moving) <= lo.allowance);
  RC_TAG(kind_name(lo.kind), lo.exact_tie ? "exact tie" : "no tie");
  for (const Rational& r : {Rational(1), Rational(3, 2), Rational(2), Rational(199, 100)}) {
    const Decision a = ratio_at_least(lo, r), b = ratio_at_least(hi, r);
    if (a == Decision::Holds) RC_ASSERT(b != Decision::Fails);
    if (a == Decision::Fails) RC_ASSERT(b != Decision::Holds);
  }
}

TEST(DrawOutcome, Proposition1Case21) {
  const DataModel m = proposition1_model();
  const Rational alpha(1, 1000000), eps(1, 1000000000);
  for (const std::vector<long>& counts : {std::vector<long>{2, 1}, std::vector<long>{1, 2}}) {
    const DrawOutcome<mpfr256> o = evaluate_draw<mpfr256>(make_diagonal_draw(m, counts, alpha, eps, Rational(3, 2), 10));
    EXPECT_EQ(o.kind, DrawKind::Lemma2);
    EXPECT_FALSE(o.exact_tie);
    EXPECT_EQ(o.gd.t_stop, 10);
    const mpfr256 e = annealcheck::numeric::number_traits<mpfr256>::from_rational(eps);
    const Case21ClosedForm<mpfr256> cf = case21_closed_form<mpfr256>(alpha, eps);
    // annealed: exactly 0.75ε (δ_2 = 0 after one step), up to the stated allowance
    EXPECT_LE(static_cast<double>(mpfr256(abs(o.ann_population_loss - cf.good_test_loss) / cf.good_test_loss)),
              static_cast<double>(o.allowance));
    EXPECT_LE(static_cast<double>(mpfr256(abs(o.gf_population_loss - cf.bad_test_loss) / cf.bad_test_loss)),
              static_cast<double>(o.allowance));
    EXPECT_EQ(ratio_at_least(o, Rational(2) * (Rational(1) - alpha)), Decision::Holds);  // Lemma 2
    EXPECT_EQ(ratio_at_least(o, Rational(2)), Decision::Fails);  // GF ends strictly below 1.5ε
    EXPECT_LT(o.gf_population_loss, mpfr256(3) * e / 2);
  }
}

TEST(DrawOutcome, Proposition1Case30IsAnExactTieWithoutOverflow) {
  const DataModel m = proposition1_model();
  for (long K : {0L, 1L, 2L, 7L, 5000L}) {
    const DiagonalDraw d = make_diagonal_draw(m, {3, 0}, Rational(1, 10000), Rational(1, 1000000), Rational(3, 2), K);
    const DrawOutcome<double> lo = evaluate_draw<double>(d);
    const DrawOutcome<mpfr256> hi = evaluate_draw<mpfr256>(d);
    EXPECT_EQ(lo.kind, DrawKind::Degenerate);
    EXPECT_TRUE(lo.exact_tie) << "K = " << K;
    EXPECT_EQ(lo.gd.t_stop, K);
    EXPECT_TRUE(std::isfinite(lo.ann_population_loss));
    // both end at γ_1δ_1² = ε: moving part λ_1ε/γ_1 = ε/2; the other coordinate adds (1/2)·10⁴/α
    EXPECT_NEAR(lo.ann_moving / 1e-6, 0.5, 0.5 * lo.allowance);
    EXPECT_NEAR(lo.gf_moving / 1e-6, 0.5, 0.5 * lo.allowance);
    EXPECT_EQ(lo.constant, 5e7);
    EXPECT_LE(rel(lo.ann_population_loss, mpfr1024(hi.ann_population_loss)), lo.allowance);
    EXPECT_EQ(ratio_at_least(lo, Rational(1)), Decision::Holds);
    EXPECT_EQ(ratio_at_least(lo, Rational(1000001, 1000000)), Decision::Fails);
    EXPECT_EQ(lower_run(lo), "tie (exact)");
  }
}

TEST(DrawOutcome, GdLandingBelowEpsIsNotATie) {
  // one moving coordinate, factor 0 (γ = 1, η = 1/2): GD jumps to δ = 0, below ε
  const DataModel m = general_model(2, 3, {});
  const DrawOutcome<double> o = evaluate_draw<double>(make_diagonal_draw(m, {3, 0}, Rational(1, 2), Rational(1, 1000), Rational(1, 2), 3));
  EXPECT_FALSE(o.exact_tie);
  EXPECT_EQ(o.gd.t_stop, 1);
  EXPECT_LT(o.gd.endpoint_vs_eps, 0);
  EXPECT_EQ(o.ann_moving, 0.0);
  EXPECT_EQ(lower_run(o), "annealed");
}
