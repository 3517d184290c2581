// numeric/block_runner.hpp and the blocked loops built on it (issue 11, d = 10⁵ on two
// cores). What must hold whatever the thread count:
//  - every block runs exactly once, and an exception in either half reaches the caller;
//  - DescentKernel's step over several blocks gives, bit for bit, the state of the
//    coordinate-wise product and the loss model::weighted_square_sum_into computes
//    on one thread (the blocked order is the definition, not an accident);
//  - LogTrainLoss over several blocks (its sums and logarithms split across threads)
//    puts the stopping time where 1024 bits put it, to a few ulps of mpfr256.
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/numeric/block_runner.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace {

using namespace annealcheck;

TEST(BlockRunner, EveryBlockRunsOnceOnEitherPath) {
  for (const bool worker : {false, true}) {
    numeric::BlockRunner runner(worker);
    for (const std::size_t blocks : {1UL, 2UL, 7UL, 25UL}) {
      std::vector<std::atomic<int>> seen(blocks);
      for (int round = 0; round < 50; ++round) runner.run(blocks, [&](std::size_t b) { ++seen[b]; });
      for (std::size_t b = 0; b < blocks; ++b) EXPECT_EQ(seen[b].load(), 50) << "block " << b << " of " << blocks;
    }
  }
}

TEST(BlockRunner, AnExceptionInEitherHalfReachesTheCaller) {
  numeric::BlockRunner runner(true);
  for (const std::size_t bad : {0UL, 5UL}) {  // the caller's half, the worker's half (of 6)
    EXPECT_THROW(runner.run(6, [&](std::size_t b) {
      if (b == bad) throw std::runtime_error("block failed");
    }), std::runtime_error);
    int ran = 0;
    runner.run(6, [&](std::size_t) { ++ran; });  // and the runner still works
    EXPECT_EQ(ran, 6);
  }
}

TEST(BlockRunner, BlocksCoverTheRangeExactly) {
  const std::size_t n = 3 * numeric::block_size + 17;
  std::vector<int> hits(n, 0);
  numeric::for_each_block<double>(n, [&](std::size_t b) {
    for (std::size_t i = numeric::block_begin(b); i < numeric::block_end(b, n); ++i) ++hits[i];
  });
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(hits[i], 1) << i;
  EXPECT_EQ(numeric::block_count(n), 4U);
  EXPECT_EQ(numeric::block_count(numeric::block_size), 1U);
}

template <class T>
std::vector<T> spectrum(std::size_t d) {
  std::vector<T> g;
  for (std::size_t i = 0; i < d; ++i)
    g.push_back(numeric::from_int<T>(static_cast<long>(2 * d - i)) / numeric::from_int<T>(static_cast<long>(2 * d)));
  return g;
}

template <class T>
void kernel_matches_one_thread() {
  const std::size_t d = 3 * numeric::block_size + 17;
  const std::vector<T> gamma = spectrum<T>(d);
  std::vector<T> delta, serial;
  for (std::size_t i = 0; i < d; ++i) delta.push_back(numeric::from_int<T>(static_cast<long>(i % 11) - 5) / numeric::from_int<T>(3));
  serial = delta;
  const T eta = numeric::from_int<T>(1) / gamma[0];
  dynamics::DescentKernel<T> kernel(gamma, eta);
  const std::vector<T> f = dynamics::descent_factors(gamma, eta);
  T loss, scratch;
  for (int step = 0; step < 5; ++step) {
    kernel.step(delta);
    for (std::size_t i = 0; i < d; ++i) serial[i] *= f[i];
    model::weighted_square_sum_into(loss, scratch, gamma, serial, 0, d);
    for (std::size_t i = 0; i < d; ++i) ASSERT_TRUE(delta[i] == serial[i]) << "step " << step << " i " << i;  // the same products
    EXPECT_TRUE(kernel.loss() == loss) << "step " << step;  // the same blocked sum, bit for bit
  }
}

TEST(BlockedLoops, DescentKernelMatchesOneThreadDouble) { kernel_matches_one_thread<double>(); }
TEST(BlockedLoops, DescentKernelMatchesOneThreadMpfr256) { kernel_matches_one_thread<numeric::mpfr256>(); }

// The blocked sum is a sum: over 3 blocks it is within (n + 2)·u of the exact one
// (here: against 1024 bits, of whose error 2^-1000 is nothing at this scale).
TEST(BlockedLoops, BlockedSumIsWithinTheSummationBound) {
  const std::size_t d = 3 * numeric::block_size + 17;
  const auto g = spectrum<numeric::mpfr256>(d);
  const auto gw = spectrum<numeric::mpfr1024>(d);
  std::vector<numeric::mpfr256> x(g);
  std::vector<numeric::mpfr1024> xw(gw);
  const numeric::mpfr256 s = model::weighted_square_sum(g, x, 0, d);
  const numeric::mpfr1024 sw = model::weighted_square_sum(gw, xw, 0, d);
  const numeric::mpfr1024 rel = abs(numeric::mpfr1024(s) - sw) / sw;
  // (d + 2)·u for the sum, plus the inputs' own rounding at 256 bits (3u per term).
  EXPECT_LT(rel, numeric::mpfr1024(static_cast<long>(d + 5)) * numeric::mpfr1024(std::numeric_limits<numeric::mpfr256>::epsilon()));
}

TEST(BlockedLoops, StoppingTimeOverBlocksMatches1024Bits) {
  const std::size_t d = 3 * numeric::block_size + 17;
  const auto g = spectrum<numeric::mpfr256>(d);
  const auto gw = spectrum<numeric::mpfr1024>(d);
  std::vector<numeric::mpfr256> x;
  std::vector<numeric::mpfr1024> xw;
  for (std::size_t i = 0; i < d; ++i) {
    x.push_back(numeric::from_int<numeric::mpfr256>(static_cast<long>(i % 13) + 1));
    xw.push_back(numeric::from_int<numeric::mpfr1024>(static_cast<long>(i % 13) + 1));
  }
  const auto eps = numeric::from_int<numeric::mpfr256>(1) / numeric::from_int<numeric::mpfr256>(1000);
  const auto epsw = numeric::from_int<numeric::mpfr1024>(1) / numeric::from_int<numeric::mpfr1024>(1000);
  const numeric::mpfr256 t = dynamics::stopping_time(g, x, eps).time;
  const numeric::mpfr1024 tw = dynamics::stopping_time(gw, xw, epsw).time;
  const numeric::mpfr1024 ulps = abs(numeric::mpfr1024(t) - tw) / (tw * numeric::mpfr1024(std::numeric_limits<numeric::mpfr256>::epsilon()));
  // The sums' rounding moves log L̂ by ~d·u and T by that over the slope: a few
  // hundred ulps at most here (the slope is ≥ 4γ_min = 2); 0.01·d ulps is the allowance.
  EXPECT_LT(ulps, numeric::mpfr1024(static_cast<long>(d / 100)));
}

}  // namespace
