// StepwiseFacts' fast paths (lemma2/stepwise_facts.hpp, error_bounds.md §4b) against
// the slow ones:
//  - the (P4) filter changes nothing: with and without it, every verdict, the
//    tightest decision (step, coordinate, both sides and their bounds) and the
//    counts are identical, at float, double, long double and mpfr256;
//  - the closed-form state bounds hold against 2048 bits at every step, and are
//    within 1% of the step-by-step recursion's;
//  - a trajectory pushed off the dynamics (one coordinate scaled up from a step on)
//    fails (P4) at the same step with and without the filter.
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "reference.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace annealcheck;
namespace ref = annealcheck::testing;
using Ref = ref::Reference;

// γ over `decades` decades with a repeated top eigenvalue now and then (|P| ≥ 2), δ(0)
// of mixed signs and magnitudes, K up to 120.
model::InstanceSpec random_spec(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> dim(2, 9), kk(1, 120), dec(1, 12);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int d = dim(rng), decades = dec(rng);
  std::vector<double> g;
  for (int i = 0; i < d; ++i) g.push_back(std::pow(10.0, -decades * unit(rng)));
  std::sort(g.rbegin(), g.rend());
  if (unit(rng) < 0.3) g[1] = g[0];
  model::InstanceSpec s;
  const auto text = [](double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return std::string(buf);
  };
  for (int i = 0; i < d; ++i) {
    s.gamma.push_back(model::exact(text(g[static_cast<std::size_t>(i)])));
    s.lambda.push_back(model::exact(text(std::pow(10.0, 2 * (0.5 - unit(rng))))));
    s.delta0.push_back(model::exact(text((unit(rng) < 0.5 ? -1 : 1) * std::pow(10.0, 3 * (0.5 - unit(rng))))));
  }
  s.k = static_cast<std::size_t>(d / 2 + 1);
  s.alpha = model::exact(std::string("1/2"));
  s.eps = model::exact(std::string("1e-30"));
  s.K = kk(rng);
  return s;
}

template <class T>
struct FactsRun {
  std::vector<lemma2::Inequality<T>> results;
  long filtered = 0;
};

// GD steps, observed by StepwiseFacts; `push` scales coordinate i by (1 + 1e-3)
// from step `from` on (a trajectory that is no longer the dynamics).
template <class T>
FactsRun<T> run_facts(const model::Instance<T>& in, bool filter, long from = -1, std::size_t i_push = 0) {
  const auto b = lemma2::blocks(in);
  const auto s = lemma2::input_sides(in, b);
  lemma2::StepwiseFacts<T> facts(in, b, s, filter);
  const std::vector<T> f = dynamics::descent_factors(in.gamma, in.eta);
  std::vector<T> delta = in.delta0;
  T loss, scratch;
  model::weighted_square_sum_into(loss, scratch, in.gamma, delta, 0, delta.size());
  facts(dynamics::StepEvent<T>{dynamics::Phase::GradientDescent, 0, nullptr, delta, loss});
  for (long t = 1; t <= in.K; ++t) {
    for (std::size_t i = 0; i < delta.size(); ++i) delta[i] *= f[i];
    if (from > 0 && t >= from) delta[i_push] *= T(numeric::from_int<T>(1001) / numeric::from_int<T>(1000));
    model::weighted_square_sum_into(loss, scratch, in.gamma, delta, 0, delta.size());
    facts(dynamics::StepEvent<T>{dynamics::Phase::GradientDescent, static_cast<std::size_t>(t), nullptr, delta, loss});
  }
  return {facts.results(), facts.filtered_count()};
}

template <class T>
void expect_same(const std::vector<lemma2::Inequality<T>>& a, const std::vector<lemma2::Inequality<T>>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].verdict, b[k].verdict) << what << " " << a[k].label;
    EXPECT_EQ(a[k].where, b[k].where) << what << " " << a[k].label;
    EXPECT_EQ(a[k].note, b[k].note) << what << " " << a[k].label;
    // The same computation on both paths: exactly equal values (== is the point).
    EXPECT_TRUE(a[k].lhs == b[k].lhs && a[k].rhs == b[k].rhs && a[k].bound == b[k].bound) << what << " " << a[k].label;
  }
}

template <class T>
long filter_agrees(int cases, unsigned seed) {
  std::mt19937_64 rng(seed);
  long filtered = 0;
  for (int n = 0; n < cases; ++n) {
    const auto spec = random_spec(rng);
    const auto in = model::materialize<T>(spec);
    const FactsRun<T> on = run_facts(in, true), off = run_facts(in, false);
    EXPECT_EQ(off.filtered, 0);
    expect_same(on.results, off.results, numeric::number_traits<T>::id() + " case " + std::to_string(n));
    filtered += on.filtered;
  }
  return filtered;
}

TEST(StepwiseFacts, FilterChangesNothingFloat) { EXPECT_GT(filter_agrees<float>(150, 1), 1000); }
TEST(StepwiseFacts, FilterChangesNothingDouble) { EXPECT_GT(filter_agrees<double>(300, 2), 1000); }
TEST(StepwiseFacts, FilterChangesNothingLongDouble) { EXPECT_GT(filter_agrees<long double>(100, 3), 1000); }
TEST(StepwiseFacts, FilterChangesNothingMpfr256) { EXPECT_GT(filter_agrees<numeric::mpfr256>(60, 4), 1000); }

// Across blocks (numeric/blocks.hpp): at d = 2·block_size + 100 the filter and its
// log screen run on two threads, their misses get the full rule in index order, and
// everything is still the full rule's — also when a coordinate of the last block (the
// worker's) is pushed off the dynamics and fails (P4).
model::InstanceSpec spec_across_blocks() {
  const std::size_t d = 2 * numeric::block_size + 100;
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> g;
  for (std::size_t i = 0; i < d; ++i) g.push_back(std::pow(10.0, -6 * unit(rng)));
  std::sort(g.rbegin(), g.rend());
  model::InstanceSpec s;
  char buf[40];
  const auto text = [&](double x) {
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return model::exact(std::string(buf));
  };
  for (std::size_t i = 0; i < d; ++i) {
    s.gamma.push_back(text(g[i]));
    s.lambda.push_back(text(std::pow(10.0, 2 * (0.5 - unit(rng)))));
    s.delta0.push_back(text((unit(rng) < 0.5 ? -1 : 1) * std::pow(10.0, 3 * (0.5 - unit(rng)))));
  }
  s.k = d / 2;
  s.alpha = model::exact(std::string("1/2"));
  s.eps = model::exact(std::string("1e-30"));
  s.K = 30;
  return s;
}

template <class T>
void filter_agrees_across_blocks() {
  const auto in = model::materialize<T>(spec_across_blocks());
  const FactsRun<T> on = run_facts(in, true), off = run_facts(in, false);
  expect_same(on.results, off.results, numeric::number_traits<T>::id() + " across blocks");
  EXPECT_GT(on.filtered, static_cast<long>(in.dim()) * in.K / 2);  // the filter does clear most
  const std::size_t last = in.dim() - 1;                           // in Q, in the worker's last block
  const FactsRun<T> pon = run_facts(in, true, 12, last), poff = run_facts(in, false, 12, last);
  expect_same(pon.results, poff.results, numeric::number_traits<T>::id() + " pushed, across blocks");
  bool p4_fails = false;
  for (const auto& r : pon.results) p4_fails |= r.label == "P4" && r.verdict == lemma2::Verdict::Fails;
  EXPECT_TRUE(p4_fails);
}

TEST(StepwiseFacts, FilterChangesNothingAcrossBlocksLongDouble) { filter_agrees_across_blocks<long double>(); }
TEST(StepwiseFacts, FilterChangesNothingAcrossBlocksMpfr256) { filter_agrees_across_blocks<numeric::mpfr256>(); }

// K = 0: no GD step, so (P3), (P4), (P5) are all n/a for that reason (the interval
// reference's convention too), not for a reason about P or Q.
TEST(StepwiseFacts, NoStepMeansNotApplicableForThatReason) {
  std::mt19937_64 rng(9);
  model::InstanceSpec spec = random_spec(rng);
  spec.K = 0;
  const auto in = model::materialize<double>(spec);
  const FactsRun<double> r = run_facts(in, true);
  ASSERT_EQ(r.results.size(), 3U);
  for (const auto& q : r.results) {
    EXPECT_EQ(q.verdict, lemma2::Verdict::NotApplicable) << q.label;
    EXPECT_EQ(q.note, "no GD step") << q.label;
  }
}

// A pushed coordinate in Q fails (P4) at the step it is pushed, on both paths.
TEST(StepwiseFacts, PushedTrajectoryFailsAtTheSameStep) {
  std::mt19937_64 rng(5);
  int failures = 0;
  for (int n = 0; n < 80; ++n) {
    const auto spec = random_spec(rng);
    const auto in = model::materialize<double>(spec);
    const auto b = lemma2::blocks(in);
    std::size_t q = in.dim();
    for (std::size_t i = 0; i < in.dim(); ++i)
      if (!b.in_P[i]) q = i;  // the smallest γ in Q: f_i² closest to c
    if (q == in.dim() || in.K < 3) continue;
    const long from = 1 + in.K / 2;
    const FactsRun<double> on = run_facts(in, true, from, q), off = run_facts(in, false, from, q);
    expect_same(on.results, off.results, "pushed case " + std::to_string(n));
    for (const auto& r : on.results)
      if (r.label == "P4" && r.verdict == lemma2::Verdict::Fails) ++failures;
  }
  EXPECT_GT(failures, 20);  // the push is caught (when it outgrows the bound), filter or not
}

// The closed-form bounds (error_bounds.md §4b) against 2048 bits, and against the
// recursion of DescentErrors (§4) on the same trajectory.
TEST(StepwiseFacts, ClosedFormStateBoundsHoldAndMatchTheRecursion) {
  std::mt19937_64 rng(6);
  long checked = 0, closed_seen = 0;
  double worst_over_recursion = 0;
  for (int n = 0; n < 40; ++n) {
    const auto spec = random_spec(rng);
    const auto in = model::materialize<double>(spec);
    const auto b = lemma2::blocks(in);
    const auto s = lemma2::input_sides(in, b);
    lemma2::StepwiseFacts<double> facts(in, b, s);
    const std::vector<double> f = dynamics::descent_factors(in.gamma, in.eta);
    lemma2::bounds::DescentErrors<double> rec(in.gamma, s.eta, f, in.delta0);
    closed_seen += static_cast<long>(in.dim() - facts.tracked_count());
    std::vector<double> delta = in.delta0;
    numeric::scoped_mpfr_bits scope(ref::kReferenceBits);
    const auto rin = model::materialize<Ref>(spec);
    std::vector<Ref> rdelta = rin.delta0;
    const std::vector<Ref> rf = dynamics::descent_factors(rin.gamma, rin.eta);
    for (long t = 1; t <= in.K; ++t) {
      for (std::size_t i = 0; i < delta.size(); ++i) delta[i] *= f[i], rdelta[i] *= rf[i];
      double loss = model::train_loss(in.gamma, delta);
      facts(dynamics::StepEvent<double>{dynamics::Phase::GradientDescent, static_cast<std::size_t>(t), nullptr, delta, loss});
      rec.step(delta);
      const std::vector<double> E = facts.state_errors(delta);
      for (std::size_t i = 0; i < delta.size(); ++i) {
        const Ref err = abs(Ref(ref::to_reference(delta[i]) - rdelta[i]));
        EXPECT_LE(err, ref::to_reference(E[i])) << "case " << n << " step " << t << " i " << i;
        if (rec.errors()[i] > 0) worst_over_recursion = std::max(worst_over_recursion, E[i] / rec.errors()[i]);
        ++checked;
      }
    }
  }
  EXPECT_GT(closed_seen, 100);
  EXPECT_GT(checked, 5000);
  EXPECT_LE(worst_over_recursion, 1.01) << "the closed form is looser than the recursion";
  std::printf("closed-form state bounds: %ld checked, at most %.6f x the recursion's\n", checked, worst_over_recursion);
}

}  // namespace
