// The β-space GD phase allocates nothing per step at static precision: the
// number of heap allocations of a run does not depend on K.
// operator new/delete are replaced below with malloc/free: GCC cannot see they pair up.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "annealcheck/dynamics/beta_space.hpp"
#include "annealcheck/prop1/least_squares.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations{0};
}

void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace annealcheck::prop1;
using namespace annealcheck::dynamics;
using annealcheck::numeric::mpfr256;
using annealcheck::numeric::Rational;

TEST(BetaDescent, NoAllocationPerStep) {
  // (2,1) sample, η = 3/2, ε tiny so that no run stops early
  const DataModel m = proposition1_model(true);  // rotated: dense X, dense S_X
  const LeastSquares<mpfr256> ls = build_least_squares<mpfr256>(m, {0, 1, 0}, Rational(1, 10000));
  const std::vector<mpfr256> beta0(2, mpfr256(0));
  const mpfr256 eta("1.5"), eps("1e-300");
  auto count = [&](long K) {
    const long before = allocations.load();
    const BetaDescentResult<mpfr256> r = beta_descent(ls, beta0, eta, K, eps);
    EXPECT_EQ(r.steps, K);
    return allocations.load() - before;
  };
  const long few = count(10), many = count(1000);
  EXPECT_EQ(few, many) << "allocations grow with K: " << few << " for K = 10, " << many << " for K = 1000";
}
