// Annealed GD, GD(K, η, ε): K steps of GD with step η (E5), stopping early once
// the train loss reaches ε, then gradient flow (E4) until the train loss equals ε.
#pragma once

#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/dynamics/observer.hpp"

#include <vector>

namespace annealcheck::dynamics {

template <numeric::LadderNumber T>
struct DescentPhase {
  std::vector<T> delta;  // δ(K), or the point where GD stopped early
  T train_loss;
  long steps = 0;        // steps taken (< K when stopped early)
  bool stopped_early = false;
};

// The GD phase alone (ordered types, exact ones included). The observer sees the
// state after every step 1..steps; step 0 (the start) too.
template <numeric::OrderedNumber T, class Observer>
DescentPhase<T> run_descent_phase(const std::vector<T>& gamma, const std::vector<T>& delta0, const T& eta, long K,
                                  const T& eps, Observer&& observe) {
  DescentKernel<T> kernel(gamma, eta);
  DescentPhase<T> r{delta0, T{}, 0, false};
  kernel.measure(r.delta);
  observe(StepEvent<T>{Phase::GradientDescent, 0, nullptr, r.delta, kernel.loss()});
  const long last = active_mutant == ANNEALCHECK_MUTANT_GD_SHORT ? K - 1 : K;  // mutant.hpp
  for (long s = 1; s <= last; ++s) {
    if (kernel.loss() <= eps) {
      r.stopped_early = true;
      break;
    }
    kernel.step(r.delta);
    r.steps = s;
    observe(StepEvent<T>{Phase::GradientDescent, static_cast<std::size_t>(s), nullptr, r.delta, kernel.loss()});
  }
  r.train_loss = kernel.loss();
  return r;
}

template <numeric::RealNumber T>
struct AnnealedResult {
  DescentPhase<T> descent;
  FlowResult<T> flow;  // δ_fast = flow.delta
};

// The screen sees the GF phase's checkpoint times (run_gradient_flow).
template <numeric::RealNumber T, class Observer, class Screen = EveryCheckpoint>
AnnealedResult<T> run_annealed(const std::vector<T>& gamma, const std::vector<T>& delta0, const T& eta, long K,
                               const T& eps, std::size_t checkpoints, Observer&& observe, Screen&& screen = Screen{}) {
  AnnealedResult<T> r{run_descent_phase(gamma, delta0, eta, K, eps, observe), {}};
  r.flow = run_gradient_flow(gamma, r.descent.delta, eps, checkpoints, observe, screen);
  return r;
}

}  // namespace annealcheck::dynamics
