// Gradient descent in eigen-coordinates (E5): δ_i(t+1) = (1 − 2ηγ_i)·δ_i(t).
//
// The factors are computed once; a step is d in-place multiplications and the
// train loss d fused-in-place products, so a step never allocates (the test
// tests/dynamics/gradient_descent_allocation_test.cpp counts allocations).
#pragma once

#include "annealcheck/dynamics/mutant.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/number_traits.hpp"

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
  DescentKernel(const std::vector<T>& gamma, const T& eta) : gamma_(gamma), factor_(descent_factors(gamma, eta)) {}

  // One step (E5) and L̂ (E1) of the new state into `loss`, in one pass: four
  // operations per coordinate, as a hand-written loop (bench/step_bench.cpp). The
  // same operations in the same order as weighted_square_sum_into. No allocation.
  void step(std::vector<T>& delta) {
    loss_ = 0;
    for (std::size_t i = 0; i < delta.size(); ++i) {
      delta[i] *= factor_[i];
      numeric::multiply_into(scratch_, delta[i], delta[i]);
      scratch_ *= gamma_[i];
      loss_ += scratch_;
    }
  }
  void measure(const std::vector<T>& delta) { model::weighted_square_sum_into(loss_, scratch_, gamma_, delta, 0, delta.size()); }
  const T& loss() const { return loss_; }
  const std::vector<T>& factors() const { return factor_; }

 private:
  const std::vector<T>& gamma_;
  std::vector<T> factor_;
  T loss_, scratch_;
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
