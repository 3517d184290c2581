// Gradient flow and annealed GD run on β itself (SPEC §2, §5 β-space):
//
// * GF(ε) by the matrix exponential: β(t) = β* + V·e^{−2Γt}·Vᵀ(β(0) − β*) with
//   S_X = VΓVᵀ (numeric/symmetric_eigen.hpp); the stopping time is the core's
//   Newton-in-log-space solve (dynamics/gradient_flow.hpp) on δ = Vᵀ(β(0) − β*).
// * the GD phase: β ← β − η·∇L_n(β) from the data gradient (E5 in β-space),
//   stopping early once L_n(β) ≤ ε, K steps at most. A growing factor
//   (|1 − 2ηγ| > 1; SPEC §4 case (3,0) has −2) can leave T's range: the run then
//   stops and reports the step at which L_n(β) stopped being finite, instead
//   of carrying inf/NaN forward.
#pragma once

#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/dynamics/least_squares.hpp"
#include "annealcheck/numeric/symmetric_eigen.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace annealcheck::dynamics {

template <numeric::RealNumber T>
bool is_finite(const T& x) {
  using std::isfinite;
  return isfinite(x);
}

template <numeric::RealNumber T>
struct BetaFlowResult {
  std::vector<T> beta;
  T time;
  std::uintmax_t newton_iterations = 0;
  std::vector<std::vector<T>> path;  // β at geometric train-loss checkpoints (when asked for)
};

// GF(ε) from β(0) by the matrix exponential. checkpoints > 0 also records the
// path (start, checkpoints−1 intermediate points at geometric train losses, stop).
template <numeric::RealNumber T>
BetaFlowResult<T> matrix_exponential_flow(const LeastSquares<T>& ls, const numeric::SymmetricEigen<T>& eig,
                                          const std::vector<T>& beta0, const T& eps, std::size_t checkpoints = 0) {
  BetaFlowResult<T> r;
  const std::vector<T> delta0 = to_eigen_coordinates(eig, residual(ls, beta0));
  const auto stop = stopping_time(eig.values, delta0, eps);
  r.time = stop.time;
  r.newton_iterations = stop.iterations;
  auto to_beta = [&](const std::vector<T>& delta) {
    std::vector<T> b = from_eigen_coordinates(eig, delta);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] += ls.beta_star[i];
    return b;
  };
  r.beta = to_beta(flow_state(eig.values, delta0, r.time));
  if (checkpoints > 0) {
    run_gradient_flow(eig.values, delta0, eps, checkpoints, [&](const StepEvent<T>& ev) {
      r.path.push_back(to_beta(ev.delta));
    });
  }
  return r;
}

template <numeric::RealNumber T>
struct BetaDescentResult {
  std::vector<T> beta;      // where the GD phase ended (last finite state on overflow)
  T train_loss;             // L_n there
  long steps = 0;
  bool stopped_early = false;
  bool overflow = false;    // L_n(β) left T's range
  long overflow_step = 0;
  std::vector<std::vector<T>> path;  // β(0), β(1), … (the first `keep` states)
};

template <numeric::RealNumber T>
BetaDescentResult<T> beta_descent(const LeastSquares<T>& ls, const std::vector<T>& beta0, const T& eta, long K,
                                  const T& eps, std::size_t keep = 0) {
  LeastSquaresKernel<T> kernel(ls);
  BetaDescentResult<T> r;
  r.beta = beta0;
  r.train_loss = kernel.train_loss(r.beta);
  if (keep > 0) r.path.push_back(r.beta);
  std::vector<T> previous(r.beta);
  for (long s = 1; s <= K; ++s) {
    if (r.train_loss <= eps) {
      r.stopped_early = true;
      break;
    }
    previous = r.beta;  // copy-assignment: no allocation
    kernel.gradient_step(r.beta, eta);
    const T& loss = kernel.train_loss(r.beta);
    if (!is_finite(loss)) {
      r.overflow = true;
      r.overflow_step = s;
      r.beta = previous;
      r.train_loss = kernel.train_loss(r.beta);
      break;
    }
    r.train_loss = loss;
    r.steps = s;
    if (r.path.size() < keep) r.path.push_back(r.beta);
  }
  return r;
}

}  // namespace annealcheck::dynamics
