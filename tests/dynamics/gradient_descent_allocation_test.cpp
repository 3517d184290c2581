// The GD step loop makes no heap allocation (Standards: "no heap allocation per
// step at static precision"). Counts every allocation that can happen: C++
// operator new, and GMP's/MPFR's allocator (mp_set_memory_functions), which is
// where MPFR limbs come from. The counter is shown to work: allocating one MPFR
// value inside the window is seen.
// operator new/delete are replaced below with malloc/free: GCC cannot see they pair up.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <gmp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

namespace {
std::atomic<long> g_allocations{0};

void* counting_alloc(size_t n) {
  ++g_allocations;
  return std::malloc(n);
}
void* counting_realloc(void* p, size_t, size_t n) {
  ++g_allocations;
  return std::realloc(p, n);
}
void counting_free(void* p, size_t) { std::free(p); }
}  // namespace

void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace annealcheck;

class AllocationCounting : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { mp_set_memory_functions(counting_alloc, counting_realloc, counting_free); }
};

template <class T>
long allocations_in_steps(long steps, std::size_t d) {
  std::vector<T> gamma, delta;
  for (std::size_t i = 0; i < d; ++i) {
    gamma.push_back(numeric::from_int<T>(static_cast<long>(d - i)) / numeric::from_int<T>(static_cast<long>(d)));
    delta.push_back(numeric::from_int<T>(static_cast<long>(i % 7) - 3));
  }
  dynamics::DescentKernel<T> kernel(gamma, T(numeric::from_int<T>(1) / gamma[0]));
  kernel.step(delta);  // warm-up
  const long before = g_allocations.load();
  for (long s = 0; s < steps; ++s) kernel.step(delta);
  return g_allocations.load() - before;
}

// The counter works: a runtime-precision MPFR value takes its limbs from the heap.
TEST_F(AllocationCounting, CounterSeesMpfrAllocations) {
  const long before = g_allocations.load();
  {
    numeric::mpfr_dynamic x = numeric::from_int<numeric::mpfr_dynamic>(3);
    (void)x;
  }
  EXPECT_GT(g_allocations.load(), before);
}

// Static precision keeps its limbs inline (numeric/mpfr_exact.hpp): values, copies,
// moves and the temporaries of arithmetic never touch the heap. (MPFR's own
// transcendental functions may allocate internally; they are not values of ours.)
TEST_F(AllocationCounting, StaticPrecisionValuesDoNotAllocate) {
  const long before = g_allocations.load();
  {
    numeric::mpfr256 x = numeric::from_int<numeric::mpfr256>(3), y = x;
    numeric::mpfr1024 z = numeric::from_int<numeric::mpfr1024>(7);
    numeric::mpfr256 w = (x * y + x / y) * (x - y * x);  // temporaries
    w = std::move(y);
    swap(x, w);
    z = (z + z) * z;
    EXPECT_TRUE(z > 0 && w > 0);
  }
  EXPECT_EQ(g_allocations.load(), before);
}

TEST_F(AllocationCounting, Mpfr256StepLoopDoesNotAllocate) { EXPECT_EQ(allocations_in_steps<numeric::mpfr256>(200, 64), 0); }
// Over three blocks the step runs on two threads (numeric/block_runner.hpp): handing
// a step to the worker allocates nothing either.
TEST_F(AllocationCounting, Mpfr256StepLoopAcrossBlocksDoesNotAllocate) {
  EXPECT_EQ(allocations_in_steps<numeric::mpfr256>(20, 2 * numeric::block_size + 5), 0);
}
TEST_F(AllocationCounting, Mpfr1024StepLoopDoesNotAllocate) { EXPECT_EQ(allocations_in_steps<numeric::mpfr1024>(50, 16), 0); }
TEST_F(AllocationCounting, RuntimeMpfrStepLoopDoesNotAllocate) {
  numeric::scoped_mpfr_bits scope(300);
  EXPECT_EQ(allocations_in_steps<numeric::mpfr_dynamic>(200, 16), 0);
}
TEST_F(AllocationCounting, CppBinFloatStepLoopDoesNotAllocate) {
  EXPECT_EQ(allocations_in_steps<numeric::cpp_bin_float50>(200, 16), 0);
}
TEST_F(AllocationCounting, DoubleStepLoopDoesNotAllocate) { EXPECT_EQ(allocations_in_steps<double>(1000, 64), 0); }

}  // namespace
