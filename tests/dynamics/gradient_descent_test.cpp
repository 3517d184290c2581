// GD (E5) stepwise against its closed form δ_i(K) = (1 − 2ηγ_i)^K δ_i(0), exactly
// in rationals (== is the point here: mpq arithmetic is exact).
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace annealcheck;
using numeric::mpq;

std::vector<mpq> q(const std::vector<std::string>& v) {
  std::vector<mpq> out;
  for (const auto& s : v) out.push_back(numeric::parse_number<mpq>(s));
  return out;
}

TEST(DescentExact, StepwiseEqualsClosedFormInRationals) {
  const std::vector<std::vector<std::string>> gammas{{"2/3", "1/3"}, {"5", "5", "3/7", "1e-3", "0"}, {"1", "0.999", "0.5"}};
  const std::vector<std::vector<std::string>> deltas{{"-100", "-100"}, {"1", "-2", "3/5", "7", "-1"}, {"0.1", "-0.2", "0"}};
  for (std::size_t c = 0; c < gammas.size(); ++c) {
    const auto g = q(gammas[c]), d0 = q(deltas[c]);
    for (const mpq& eta : {mpq(1) / g[0], mpq(9) / (mpq(10) * g[0]), mpq(3, 2)}) {
      std::vector<mpq> d = d0;
      dynamics::DescentKernel<mpq> kernel(g, eta);
      for (unsigned long K = 1; K <= 40; ++K) {
        kernel.step(d);
        const auto closed = dynamics::descent_closed_form(g, eta, d0, K);
        for (std::size_t i = 0; i < d.size(); ++i) ASSERT_EQ(d[i], closed[i]) << "case " << c << " K=" << K << " i=" << i;
        ASSERT_EQ(kernel.loss(), model::train_loss(g, d));
      }
    }
  }
}

TEST(DescentExact, TopCoordinatesFlipSignWithStepOneOverGammaOne) {  // (P3) exactly
  const auto g = q({"2/3", "2/3", "1/3"}), d0 = q({"3", "-1/7", "5"});
  std::vector<mpq> d = d0;
  dynamics::DescentKernel<mpq> kernel(g, mpq(1) / g[0]);
  for (int t = 1; t <= 11; ++t) {
    kernel.step(d);
    const mpq sign = (t % 2) ? mpq(-1) : mpq(1);
    EXPECT_EQ(d[0], sign * d0[0]);
    EXPECT_EQ(d[1], sign * d0[1]);
    EXPECT_EQ(d[2], mpq(0));  // 1 − 2·(3/2)·(1/3) = 0
  }
}

TEST(DescentPhase, StopsEarlyAtEps) {
  // 1-D: factor 1 − 2·(1/4)·1 = 1/2, loss 4^{-t}·L0; ε = L0/64 is reached after 3 steps.
  const std::vector<mpq> g{mpq(1)}, d0{mpq(8)};
  const auto r = dynamics::run_descent_phase(g, d0, mpq(1, 4), 10, mpq(1), dynamics::NullObserver{});
  EXPECT_TRUE(r.stopped_early);
  EXPECT_EQ(r.steps, 3);
  EXPECT_EQ(r.train_loss, mpq(1));
}

}  // namespace
