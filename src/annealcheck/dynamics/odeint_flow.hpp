// Gradient flow (E4) on β itself by numerical integration with Boost.Odeint, in
// the number type T: dβ/dt = −∇L_n(β) = −(2/n)·Xᵀ(Xβ − y), from the data,
// with no use of the eigen-decomposition — an independent route to compare with
// the matrix exponential (dynamics/beta_space.hpp).
//
// Stepper: Bulirsch–Stoer (extrapolation, order up to 16), relative and
// absolute tolerance `tol`. Stopping time: Newton on log L_n(β(t)) − log ε,
// whose t-derivative is −‖∇L_n‖²/L_n; log L_n(β(t)) is convex in t (SPEC §2),
// so the iterates increase monotonically onto the root; each iteration
// integrates the flow forward from the previous iterate. Accuracy is limited
// by tol (per step, relative to |β|) — not by T's epsilon.
#pragma once

#include "annealcheck/dynamics/least_squares.hpp"
#include "annealcheck/numeric/odeint_norm.hpp"

#include <boost/numeric/odeint/integrate/integrate_adaptive.hpp>
#include <boost/numeric/odeint/stepper/bulirsch_stoer.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace annealcheck::dynamics {

template <numeric::RealNumber T>
struct OdeintFlowResult {
  std::vector<T> beta;
  T time;
  int newton_iterations = 0;
  std::uint64_t rhs_evaluations = 0;
};

template <numeric::RealNumber T>
OdeintFlowResult<T> odeint_flow(const LeastSquares<T>& ls, const std::vector<T>& beta0, const T& eps, const T& tol) {
  namespace ode = boost::numeric::odeint;
  using std::abs;
  using std::log;
  using State = std::vector<T>;
  OdeintFlowResult<T> out;
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1);
  const T two_over_n = numeric::from_int<T>(2) / numeric::from_int<T>(static_cast<long>(ls.n));
  State r(ls.n);
  auto rhs = [&](const State& b, State& db, const T&) {
    for (std::size_t k = 0; k < ls.n; ++k) {
      r[k] = -ls.y[k];
      for (std::size_t i = 0; i < ls.d; ++i) r[k] += ls.X[k * ls.d + i] * b[i];
    }
    for (std::size_t i = 0; i < ls.d; ++i) {
      T g = zero;
      for (std::size_t k = 0; k < ls.n; ++k) g += ls.X[k * ls.d + i] * r[k];
      db[i] = -(two_over_n * g);
    }
    ++out.rhs_evaluations;
  };
  LeastSquaresKernel<T> kernel(ls);
  out.beta = beta0;
  out.time = zero;
  const T log_eps = log(eps);
  T previous_dt = zero;
  for (int it = 0; it < 100; ++it) {
    const T loss = kernel.train_loss(out.beta);
    const T g2 = kernel.gradient_norm_squared();
    const T f = log(loss) - log_eps;
    if (it == 0 && !(zero < f)) break;  // already at or below ε: T = 0
    if (!(zero < g2)) break;            // at the minimum
    const T dt = f * loss / g2;         // Newton step for log L_n(β(t)) − log ε
    // converged to the integrator's accuracy, or no longer converging (the
    // loss from the data has reached its rounding noise): stop without the step
    if (!(numeric::from_int<T>(8) * tol * (one + out.time) < abs(dt))) break;
    if (it >= 2 && !(abs(dt) < previous_dt)) break;
    previous_dt = abs(dt);
    out.newton_iterations = it + 1;
    ode::bulirsch_stoer<State, T> stepper(tol, tol);
    ode::integrate_adaptive(stepper, rhs, out.beta, out.time, T(out.time + dt), T(dt / numeric::from_int<T>(16)));
    out.time += dt;
  }
  return out;
}

}  // namespace annealcheck::dynamics
