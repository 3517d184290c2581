// Train and population losses in eigen-coordinates, and the ellipsoid extremes.
#pragma once

#include "annealcheck/numeric/blocks.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <cstddef>
#include <vector>

namespace annealcheck::model {

// Σ_{i∈[lo,hi)} w_i δ_i², accumulated in place into `out` with one scratch value:
// no allocation at static precision, so it may run inside a per-step loop. Over more
// than numeric::block_size terms, one running sum per block, the blocks added in
// order: the order dynamics::DescentKernel uses on two threads, so that every loss
// of a state has the same bits whoever computes it. Positive terms only, so the
// relative error is at most (hi - lo + 2)·u in any order.
template <numeric::LadderNumber T>
void weighted_square_sum_into(T& out, T& scratch, const std::vector<T>& w, const std::vector<T>& delta,
                              std::size_t lo, std::size_t hi) {
  const auto block_sum = [&](T& sum, std::size_t from, std::size_t to) {
    sum = 0;  // assignment from int: no temporary, no allocation
    for (std::size_t i = from; i < to; ++i) {
      numeric::multiply_into(scratch, delta[i], delta[i]);
      scratch *= w[i];
      sum += scratch;
    }
  };
  if (hi - lo <= numeric::block_size) {
    block_sum(out, lo, hi);
    return;
  }
  T block;
  block_sum(out, lo, lo + numeric::block_size);
  for (std::size_t from = lo + numeric::block_size; from < hi; from += numeric::block_size) {
    block_sum(block, from, hi - from < numeric::block_size ? hi : from + numeric::block_size);
    out += block;
  }
}

template <numeric::LadderNumber T>
T weighted_square_sum(const std::vector<T>& w, const std::vector<T>& delta, std::size_t lo, std::size_t hi) {
  T out, scratch;
  weighted_square_sum_into(out, scratch, w, delta, lo, hi);
  return out;
}

// (E1) L̂(δ) = Σ_i γ_i δ_i²
template <numeric::LadderNumber T>
T train_loss(const std::vector<T>& gamma, const std::vector<T>& delta) {
  return weighted_square_sum(gamma, delta, 0, delta.size());
}

// (E2) L_D(δ) = Σ_i λ_i δ_i²
template <numeric::LadderNumber T>
T population_loss(const std::vector<T>& lambda, const std::vector<T>& delta) {
  return weighted_square_sum(lambda, delta, 0, delta.size());
}

// (E3) the extremes of L_D on {L̂ = ε}: ε·min_i λ_i/γ_i and ε·max_i λ_i/γ_i over γ_i > 0
// (the max is infinite when some γ_i = 0; `has_zero_gamma` says so).
template <numeric::OrderedNumber T>
struct EllipsoidExtremes {
  T min, max;
  std::size_t argmin = 0, argmax = 0;
  bool has_zero_gamma = false;
};

template <numeric::OrderedNumber T>
EllipsoidExtremes<T> ellipsoid_extremes(const std::vector<T>& gamma, const std::vector<T>& lambda, const T& eps) {
  EllipsoidExtremes<T> e;
  bool first = true;
  const T zero = numeric::from_int<T>(0);
  for (std::size_t i = 0; i < gamma.size(); ++i) {
    if (!(zero < gamma[i])) {
      e.has_zero_gamma = true;
      continue;
    }
    const T r = lambda[i] / gamma[i];
    if (first || r < e.min) e.min = r, e.argmin = i;
    if (first || e.max < r) e.max = r, e.argmax = i;
    first = false;
  }
  e.min *= eps;
  e.max *= eps;
  return e;
}

}  // namespace annealcheck::model
