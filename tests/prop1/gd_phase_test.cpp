// Where the GD phase stops (prop1/gd_phase.hpp, gd_phase_exact.hpp): the
// O(log K) convex search must agree with plain step-by-step iteration in exact
// arithmetic on every generated instance — growing, decaying, mixed and
// vanishing factors, ε hit exactly, K = 0.
#include "annealcheck/prop1/draw_outcome.hpp"
#include "annealcheck/prop1/gd_phase_exact.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>

using namespace annealcheck::prop1;
using annealcheck::numeric::Rational;

namespace {

// h(t) = Σ_{γ_i>0} γ_i δ_i(0)² f_i^{2t}, by repeated exact multiplication
Rational loss_at(const DiagonalDraw& d, long t) {
  Rational h(0);
  for (std::size_t i = 0; i < d.gamma.size(); ++i) {
    if (d.gamma[i].sign() == 0) continue;
    Rational term = d.gamma[i] * d.w0[i];
    for (long s = 0; s < t; ++s) term = term * d.factor[i] * d.factor[i];
    h = h + term;
  }
  return h;
}

GdPhaseDecision brute_force(const DiagonalDraw& d) {
  GdPhaseDecision r;
  r.t_stop = d.K;
  for (long t = 0; t < d.K; ++t)
    if (loss_at(d, t) <= d.eps) {
      r.t_stop = t;
      break;
    }
  const Rational h = loss_at(d, r.t_stop);
  r.endpoint_vs_eps = h < d.eps ? -1 : (h == d.eps ? 0 : 1);
  return r;
}

rc::Gen<DiagonalDraw> gen_draw() {
  return rc::gen::exec([] {
    const long d = *rc::gen::element(1L, 2L, 2L, 3L, 3L, 4L);
    const long n = *rc::gen::inRange(d, d + 5);  // n ≥ d: non-degenerate draws are possible
    // half the time every coordinate is drawn at least once (no zero eigenvalue)
    const bool all_drawn = *rc::gen::arbitrary<bool>();
    std::vector<long> counts(static_cast<std::size_t>(d), all_drawn ? 1 : 0);
    for (long k = all_drawn ? d : 0; k < n; ++k) ++counts[static_cast<std::size_t>(*rc::gen::inRange(0L, d))];
    const DataModel m = general_model(d, n, {});
    const Rational eta = *rc::gen::element(Rational(1, 4), Rational(1, 2), Rational(1), Rational(3, 2), Rational(2),
                                           Rational(5, 2), Rational(3), Rational(7, 3));
    const Rational alpha = *rc::gen::element(Rational(1, 2), Rational(1, 100));
    const long K = *rc::gen::inRange(0, 61);
    DiagonalDraw draw = make_diagonal_draw(m, counts, alpha, Rational(1), eta, K);
    // ε relative to the start, or exactly equal to the loss after a few steps
    if (*rc::gen::arbitrary<bool>()) {
      draw.eps = loss_at(draw, *rc::gen::inRange(0, 6));
      if (draw.eps.sign() == 0) draw.eps = Rational(1, 1000);
    } else {
      draw.eps = loss_at(draw, 0) * *rc::gen::element(Rational(2), Rational(1), Rational(1, 2), Rational(1, 10),
                                                       Rational(1, 1000), Rational(1, 1000000000));
    }
    return draw;
  });
}

}  // namespace

RC_GTEST_PROP(GdPhase, ConvexSearchAgreesWithStepByStep, ()) {
  const DiagonalDraw d = *gen_draw();
  const auto fast = decide_gd_phase_exact(d);
  RC_ASSERT(fast.has_value());
  const GdPhaseDecision slow = brute_force(d);
  RC_ASSERT(fast->t_stop == slow.t_stop);
  RC_ASSERT(fast->endpoint_vs_eps == slow.endpoint_vs_eps);
  RC_ASSERT(fast->exact);
}

TEST(GdPhase, HugeKWithGrowingFactorCostsNothing) {
  // SPEC §4 case (3,0): factor −2, K = 10⁹: L̂ grows, never stops early.
  const DataModel m = proposition1_model();
  const DiagonalDraw d = make_diagonal_draw(m, {3, 0}, Rational(1, 2), Rational(1, 1000), Rational(3, 2), 1'000'000'000L);
  const auto r = decide_gd_phase_exact(d);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->t_stop, 1'000'000'000L);
  EXPECT_GT(r->endpoint_vs_eps, 0);
}

TEST(GdPhase, FallsBackToLogSpaceBeyondExactExponents) {
  // f = 1 − 2·10⁻⁷: L̂(t) = L̂(0)·f^{2t} reaches L̂(0)/e only after ≈ 2.5·10⁶ steps,
  // beyond the exact oracle's 2^20 exponent limit.
  const DataModel m = general_model(1, 1, {});
  DiagonalDraw d = make_diagonal_draw(m, {1}, Rational(1, 2), Rational(1), Rational(1, 10000000), 10'000'000L);
  d.eps = loss_at(d, 0) * Rational(367879441, 1000000000);  // ≈ 1/e
  EXPECT_FALSE(decide_gd_phase_exact(d).has_value());
  LogSpaceGdOracle<double> oracle(d);
  const GdPhaseDecision r = decide_gd_phase(oracle, d.K);
  // first t with f^{2t} ≤ 0.367879441: t = ⌈ln(0.367879441) / (2 ln f)⌉
  const double f = 1 - 2e-7;
  const double t_exact = std::log(0.367879441) / (2 * std::log(f));
  EXPECT_NEAR(static_cast<double>(r.t_stop), std::ceil(t_exact), 2.0);
  EXPECT_LE(r.endpoint_vs_eps, 0);
}
