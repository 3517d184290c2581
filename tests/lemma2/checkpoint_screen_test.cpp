// The checkpoint screen (lemma2/checkpoint_screen.hpp) changes nothing but the
// work: lemma2::evaluate with it (no tap) and without it (a tap sees every
// checkpoint, which turns the screen off) give identical checks — label, verdict,
// where, both sides, their bounds, margin and bound compared with == (the same T
// computations must have been made for every kept decision) — at long double,
// float128 and mpfr256, over random instances spanning 1–12 decades; and the
// screen must actually clear most checkpoints (else it is not the fast path).
#include "annealcheck/lemma2/evaluation.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/float128_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace annealcheck;

// γ over 1–12 decades, the top one repeated now and then (|P| ≥ 2), δ(0) of mixed
// signs and magnitudes, α in (0, 1), ε from 1e-2 to 1e-40, K up to 160; now and
// then a coordinate GD contracts below double's range (the screen flushes it to 0).
model::InstanceSpec random_spec(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> dim(2, 9), kk(1, 160), dec(1, 12), eps_exp(2, 40);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int d = dim(rng), decades = dec(rng);
  std::vector<double> g;
  for (int i = 0; i < d; ++i) g.push_back(std::pow(10.0, -decades * unit(rng)));
  std::sort(g.rbegin(), g.rend());
  if (d >= 3 && unit(rng) < 0.3) g[1] = g[0];
  if (d >= 3 && unit(rng) < 0.3) g[2] = 0.997 * g[0];  // δ_3(K) ~ 0.003^K δ_3(0): below double's range for K ≥ 125
  std::sort(g.rbegin(), g.rend());
  const auto text = [](double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return std::string(buf);
  };
  model::InstanceSpec s;
  for (int i = 0; i < d; ++i) {
    s.gamma.push_back(model::exact(text(g[static_cast<std::size_t>(i)])));
    s.lambda.push_back(model::exact(text(std::pow(10.0, 2 * (0.5 - unit(rng))))));
    s.delta0.push_back(model::exact(text((unit(rng) < 0.5 ? -1 : 1) * std::pow(10.0, 3 * (0.5 - unit(rng))))));
  }
  do s.k = static_cast<std::size_t>(std::uniform_int_distribution<int>(2, d)(rng));  // S = the top k−1, with a gap below
  while (g[s.k - 2] == g[s.k - 1] && s.k < static_cast<std::size_t>(d));
  s.alpha = model::exact(text(0.05 + 0.9 * unit(rng)));
  s.eps = model::exact("1e-" + std::to_string(eps_exp(rng)));
  s.K = kk(rng);
  model::validate(s);
  return s;
}

// Any tap but NullTap turns the screen off.
struct SeeEverything {
  template <class T>
  void operator()(lemma2::Run, const dynamics::StepEvent<T>&) const noexcept {}
};

template <class T>
void expect_same(const lemma2::Inequality<T>& a, const lemma2::Inequality<T>& b, const std::string& where) {
  SCOPED_TRACE(where + " " + a.label);
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.verdict, b.verdict);
  EXPECT_EQ(a.where, b.where);
  EXPECT_EQ(a.note, b.note);
  EXPECT_TRUE(a.lhs == b.lhs && a.rhs == b.rhs) << "sides differ";
  EXPECT_TRUE(a.lhs_error == b.lhs_error && a.rhs_error == b.rhs_error) << "side bounds differ";
  EXPECT_TRUE(a.margin == b.margin && a.bound == b.bound) << "margin or bound differs";
}

template <class T>
void compare_with_and_without_screen(int instances, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::size_t screened = 0, offered = 0;
  const std::size_t checkpoints = 64;
  for (int n = 0; n < instances; ++n) {
    const model::InstanceSpec spec = random_spec(rng);
    const auto in = model::materialize<T>(spec);
    const auto fast = lemma2::evaluate(in, checkpoints);
    const auto slow = lemma2::evaluate(in, checkpoints, SeeEverything{});
    EXPECT_EQ(slow.checkpoints_screened, 0u);
    ASSERT_EQ(fast.checks.size(), slow.checks.size());
    for (std::size_t c = 0; c < fast.checks.size(); ++c)
      expect_same(fast.checks[c], slow.checks[c], "instance " + std::to_string(n));
    screened += fast.checkpoints_screened;
    offered += 2 * (checkpoints - 1);
  }
  std::printf("checkpoint screen: %zu of %zu intermediate checkpoints cleared in double\n", screened, offered);
  EXPECT_GT(screened, offered / 2) << "the screen cleared too few checkpoints to be the fast path";
}

TEST(CheckpointScreen, ChangesNoCheckAtLongDouble) { compare_with_and_without_screen<long double>(150, 11); }
TEST(CheckpointScreen, ChangesNoCheckAtFloat128) { compare_with_and_without_screen<numeric::float128>(60, 12); }
TEST(CheckpointScreen, ChangesNoCheckAtMpfr256) { compare_with_and_without_screen<numeric::mpfr256>(100, 13); }

// Float and double compute every checkpoint themselves (no wider type to screen for).
TEST(CheckpointScreen, DoubleIsNeverScreened) {
  std::mt19937_64 rng(14);
  for (int n = 0; n < 20; ++n) EXPECT_EQ(lemma2::evaluate(model::materialize<double>(random_spec(rng)), 64).checkpoints_screened, 0u);
}

}  // namespace
