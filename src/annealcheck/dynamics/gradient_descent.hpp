// Gradient descent in eigen-coordinates (E5): δ_i(t+1) = (1 − 2ηγ_i)·δ_i(t).
//
// The factors are computed once; a step is d in-place multiplications and the
// train loss d fused-in-place products, so a step never allocates (the test
// tests/dynamics/gradient_descent_allocation_test.cpp counts allocations).
#pragma once

#include "annealcheck/dynamics/mutant.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/block_runner.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <type_traits>
#include <vector>

namespace annealcheck::dynamics {

// (E5) per-coordinate factor 1 − 2ηγ_i
template <numeric::LadderNumber T>
std::vector<T> descent_factors(const std::vector<T>& gamma, const T& eta) {
  std::vector<T> f;
  f.reserve(gamma.size());
  const T one = numeric::from_int<T>(1);
  const T two_eta = active_mutant == ANNEALCHECK_MUTANT_GD_FACTOR ? eta : T(numeric::from_int<T>(2) * eta);
  for (const T& g : gamma) f.push_back(one - two_eta * g);
  return f;
}

template <numeric::LadderNumber T>
class DescentKernel {
 public:
  DescentKernel(const std::vector<T>& gamma, const T& eta)
      : gamma_(gamma), factor_(descent_factors(gamma, eta)), blocks_(numeric::block_count(gamma.size())),
        partial_(blocks_ > 1 ? blocks_ : 0), scratch_(blocks_),
        runner_(numeric::number_traits<T>::thread_independent && blocks_ > 1) {}

  // One step (E5) and L̂ (E1) of the new state into `loss`, in one pass: four
  // operations per coordinate, as a hand-written loop (bench/step_bench.cpp). The
  // same operations in the same order as weighted_square_sum_into: one running sum
  // per block of numeric::block_size coordinates, the blocks added in order (the
  // blocks run on two threads when d is large; the bits do not depend on it). No
  // allocation.
  void step(std::vector<T>& delta) {
    if (blocks_ == 1) {
      step_block(delta, 0, delta.size(), loss_, scratch_[0]);
      return;
    }
    runner_.run(blocks_, [&](std::size_t b) {
      step_block(delta, numeric::block_begin(b), numeric::block_end(b, delta.size()), partial_[b], scratch_[b]);
    });
    loss_ = partial_[0];
    for (std::size_t b = 1; b < blocks_; ++b) loss_ += partial_[b];
  }
  void measure(const std::vector<T>& delta) { model::weighted_square_sum_into(loss_, scratch_[0], gamma_, delta, 0, delta.size()); }
  const T& loss() const { return loss_; }
  const std::vector<T>& factors() const { return factor_; }

 private:
  void step_block(std::vector<T>& delta, std::size_t lo, std::size_t hi, T& sum, T& scratch) const {
    if constexpr (std::is_floating_point_v<T>) {  // the same operations, in registers
      T s = 0;
      for (std::size_t i = lo; i < hi; ++i) {
        delta[i] *= factor_[i];
        const T sq = delta[i] * delta[i];
        s += sq * gamma_[i];
      }
      sum = s;
    } else {  // in place: no temporary, so no allocation at runtime precision
      sum = 0;
      for (std::size_t i = lo; i < hi; ++i) {
        delta[i] *= factor_[i];
        numeric::multiply_into(scratch, delta[i], delta[i]);
        scratch *= gamma_[i];
        sum += scratch;
      }
    }
  }

  const std::vector<T>& gamma_;
  std::vector<T> factor_;
  std::size_t blocks_;
  std::vector<T> partial_, scratch_;  // one partial sum and one scratch value per block
  T loss_;
  numeric::BlockRunner runner_;
};

// Closed form of K steps: δ_i(K) = (1 − 2ηγ_i)^K·δ_i(0), by repeated squaring.
template <numeric::LadderNumber T>
std::vector<T> descent_closed_form(const std::vector<T>& gamma, const T& eta, const std::vector<T>& delta0, unsigned long K) {
  const std::vector<T> f = descent_factors(gamma, eta);
  std::vector<T> out(delta0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    T base = f[i], acc = numeric::from_int<T>(1);
    for (unsigned long e = K; e > 0; e >>= 1) {
      if (e & 1UL) acc *= base;
      base *= base;
    }
    out[i] *= acc;
  }
  return out;
}

}  // namespace annealcheck::dynamics
