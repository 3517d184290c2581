// One sample of Proposition 1 run in a number type T (part of prop1_typed.hpp):
// its data as text, GF(ε) and annealed GD(K, η, ε) on β itself (SPEC §4; by the
// matrix exponential or Boost.Odeint), each cross-checked with the diagonal
// log-space route (prop1/draw_outcome.hpp).
#pragma once

#include "annealcheck/dynamics/beta_space.hpp"
#include "annealcheck/dynamics/odeint_flow.hpp"
#include "annealcheck/numeric/symmetric_eigen.hpp"
#include "annealcheck/prop1/data_model.hpp"
#include "annealcheck/prop1/diagonal_draw.hpp"
#include "annealcheck/prop1/draw_outcome.hpp"
#include "annealcheck/prop1/least_squares.hpp"
#include "annealcheck/prop1/options.hpp"
#include "annealcheck/prop1/report.hpp"
#include "annealcheck/prop1/sampler.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace annealcheck::prop1::typed {

// The general β-space runs (dynamics/) and the eigen-decomposition (numeric/).
using dynamics::BetaDescentResult;
using dynamics::BetaFlowResult;
using dynamics::OdeintFlowResult;
using numeric::SymmetricEigen;
using numeric::symmetric_eigen;

template <numeric::RealNumber T>
Number num(const T& x, int digits) {
  using Tr = numeric::number_traits<T>;
  return {Tr::str(x), Tr::str(x, digits)};
}

// |x − ref| / |ref|
template <numeric::RealNumber T>
T relative_difference(const T& x, const T& ref) {
  using std::abs;
  return abs(x - ref) / abs(ref);
}

// matching significant digits: ⌊−log10(rel)⌋, or "exact in T" when rel = 0
template <numeric::RealNumber T>
std::string digits_text(const T& rel) {
  using std::floor;
  using std::log10;
  const T zero = numeric::from_int<T>(0);
  if (!(zero < rel)) return "all (equal in T)";
  const T dg = floor(-log10(rel));
  return std::to_string(static_cast<long>(dg));
}

template <numeric::RealNumber T>
DrawSummary summarize(const DiagonalDraw& d, const DrawOutcome<T>& o, const Rational& r, int digits) {
  using Tr = numeric::number_traits<T>;
  DrawSummary s;
  s.counts = d.counts;
  s.kind = kind_name(o.kind);
  const T e = Tr::from_rational(d.eps);
  s.gf_over_eps = Tr::str(T(o.gf_population_loss / e), digits);
  s.ann_over_eps = Tr::str(T(o.ann_population_loss / e), digits);
  s.gf_moving_over_eps = Tr::str(T(o.gf_moving / e), digits);
  s.ann_moving_over_eps = Tr::str(T(o.ann_moving / e), digits);
  s.ratio = Tr::str(o.ratio, digits);
  s.ratio_full = Tr::str(o.ratio);
  s.lower = lower_run(o);
  s.tie_reason = o.tie_reason;
  s.allowance_eps = o.allowance_eps;
  s.gd_steps = o.gd.t_stop;
  s.gd_exact = o.gd.exact;
  s.verdict = ratio_at_least(o, r);
  return s;
}

// Everything computed in T on one sample, kept for the table and the figure.
template <numeric::RealNumber T>
struct SampleRuns {
  LeastSquares<T> ls;
  SymmetricEigen<T> eig;
  std::vector<T> beta0;
  std::vector<T> gf_beta;
  BetaDescentResult<T> gd;
  std::vector<T> ann_beta;  // empty when the GD phase overflowed
  DiagonalDraw diag;
  DrawOutcome<T> diag_outcome;
};

template <numeric::RealNumber T>
struct FlowRun {
  std::vector<T> beta;
  T time;
  std::string note;
};

template <numeric::RealNumber T>
FlowRun<T> flow(const SampleRuns<T>& s, const std::vector<T>& start, const T& eps, const Prop1Options& o,
                const Prop1Inputs& in) {
  using Tr = numeric::number_traits<T>;
  FlowRun<T> f;
  if (o.flow == "odeint") {
    using std::pow;
    const T tol = in.odeint_tol ? Tr::from_rational(*in.odeint_tol)
                                : T(pow(numeric::from_int<T>(2), numeric::from_int<T>(-3 * Tr::bits() / 4)));
    const OdeintFlowResult<T> r = odeint_flow(s.ls, start, eps, tol);
    f.beta = r.beta;
    f.time = r.time;
    f.note = std::to_string(r.newton_iterations) + " Newton iterations, " + std::to_string(r.rhs_evaluations) +
             " right-hand-side evaluations, tol " + Tr::str(tol, 3);
  } else {
    const BetaFlowResult<T> r = matrix_exponential_flow(s.ls, s.eig, start, eps);
    f.beta = r.beta;
    f.time = r.time;
    f.note = std::to_string(r.newton_iterations) + " Newton iterations (stopping time in log space)";
  }
  return f;
}

// V ᵀ(β − β*): the residual in the eigenbasis of S_X, larger γ first (the paper's order)
template <numeric::RealNumber T>
std::vector<Number> eigen_residual(const SampleRuns<T>& s, const std::vector<T>& beta, int digits) {
  std::vector<Number> out;
  for (const T& x : to_eigen_coordinates(s.eig, residual(s.ls, beta))) out.push_back(num(x, digits));
  return out;
}

// The sample's data as text: X, y, S_X, Σ_X, the spectrum, the GD factors and its kind.
template <numeric::RealNumber T>
void sample_data_text(const SampleRuns<T>& s, const DataModel& m, const std::vector<std::size_t>& seq,
                      const std::vector<Rational>& gamma, const Rational& eta, int dg, SampleText& text) {
  const std::vector<long> counts = counts_of(seq, m.d);
  text.sequence = seq;
  text.counts = counts;
  for (std::size_t k = 0; k < seq.size(); ++k) {
    std::vector<Rational> row;
    for (std::size_t i = 0; i < m.d; ++i) row.push_back(m.basis[i][seq[k]]);
    text.X.push_back(vector_text(row));
    text.y.push_back(num(s.ls.y[k], dg));
  }
  text.S_X = matrix_text(train_covariance(m, counts), m.d);
  text.Sigma_X = matrix_text(population_covariance(m), m.d);
  text.gamma = vector_text(gamma);
  text.factors = vector_text(descent_factors_exact(gamma, eta));
  text.kind = kind_name(s.diag_outcome.kind);
  switch (s.diag_outcome.kind) {
    case DrawKind::Lemma2:
      text.kind_note = "a Lemma 2 instance: k = 2, rho = gamma_1/gamma_2 - 1 = " + (gamma[0] / gamma[1] - Rational(1)).str();
      break;
    case DrawKind::EqualSpectrum:
      text.kind_note = "S_X = gamma I: GF and annealed GD end at the same point";
      break;
    case DrawKind::Degenerate:
      text.kind_note = "a zero eigenvalue: that coordinate never moves under GF or GD; not a Lemma 2 instance with k = 2";
      break;
  }
  if (s.eig.clamped > 0) text.kind_note += " (" + std::to_string(s.eig.clamped) + " rounding-level eigenvalue(s) of S_X set to 0)";
}

// GF from `start` (by the chosen method) and the losses where it ends, into r;
// returns β there. diagonal_ld: the diagonal route's test loss of the same run.
template <numeric::RealNumber T>
std::vector<T> flow_into(const SampleRuns<T>& s, const std::vector<T>& start, const T& eps, const T& diagonal_ld,
                         const Prop1Options& o, const Prop1Inputs& in, RunText& r) {
  const int dg = o.digits;
  const FlowRun<T> f = flow(s, start, eps, o, in);
  r.flow_time = num(f.time, dg);
  r.solver_note = f.note;
  LeastSquaresKernel<T> kernel(s.ls);
  r.train_loss = num(kernel.train_loss(f.beta), dg);
  const T tl = test_loss(s.ls, f.beta);
  r.test_loss = num(tl, dg);
  r.residual = eigen_residual(s, f.beta, dg);
  r.route_relative_difference = num(relative_difference(tl, diagonal_ld), 3);
  return f.beta;
}

// GF(ε) on β from β(0) = 0, with its losses and the diagonal route's test loss.
template <numeric::RealNumber T>
void gf_run(SampleRuns<T>& s, const T& eps, const std::string& method, const Prop1Options& o, const Prop1Inputs& in,
            RunText& r) {
  r.name = "GF(eps)";
  r.method = method;
  r.diagonal_route_test_loss = num(s.diag_outcome.gf_population_loss, o.digits);
  s.gf_beta = flow_into(s, s.beta0, eps, s.diag_outcome.gf_population_loss, o, in, r);
}

// Annealed GD(K, η, ε) on β: K GD steps from the data gradient, then GF (unless GD left T's range).
template <numeric::RealNumber T>
void annealed_run(SampleRuns<T>& s, const T& eps, const T& eta_t, const Rational& eta, const std::vector<Rational>& gamma,
                  const std::string& method, const Prop1Options& o, const Prop1Inputs& in, RunText& r) {
  using Tr = numeric::number_traits<T>;
  const int dg = o.digits;
  s.gd = beta_descent(s.ls, s.beta0, eta_t, o.K, eps);
  r.name = "annealed GD(K, eta, eps)";
  r.method = "GD on beta from the data gradient, then " + method;
  r.gd_steps = s.gd.steps;
  r.stopped_early = s.gd.stopped_early;
  r.overflow = s.gd.overflow;
  r.overflow_step = s.gd.overflow_step;
  r.gd_train_loss = num(s.gd.train_loss, dg);
  r.diagonal_route_test_loss = num(s.diag_outcome.ann_population_loss, dg);
  if (!s.gd.overflow) {
    s.ann_beta = flow_into(s, s.gd.beta, eps, s.diag_outcome.ann_population_loss, o, in, r);
  } else {
    r.solver_note = "the GD phase left " + Tr::id() + "'s range at step " + std::to_string(s.gd.overflow_step) +
                    " (factor 1 - 2 eta gamma_1 = " + descent_factors_exact(gamma, eta)[0].str() +
                    "); the beta-space run stops there. The diagonal log-space route never forms delta(K) and "
                    "gives the value below.";
  }
}

template <numeric::RealNumber T>
SampleRuns<T> run_sample(const DataModel& m, const std::vector<std::size_t>& seq, const Prop1Inputs& in,
                         const Rational& eta, const Prop1Options& o, SampleText& text) {
  using Tr = numeric::number_traits<T>;
  SampleRuns<T> s;
  s.ls = build_least_squares<T>(m, seq, in.alpha);
  s.eig = symmetric_eigen(s.ls.S, m.d);
  s.beta0.assign(m.d, numeric::from_int<T>(0));
  const T eps = Tr::from_rational(in.eps);
  const T eta_t = Tr::from_rational(eta);
  const std::vector<long> counts = counts_of(seq, m.d);
  s.diag = make_diagonal_draw(m, counts, in.alpha, in.eps, eta, o.K);
  s.diag_outcome = evaluate_draw<T>(s.diag);
  std::vector<Rational> gamma = train_spectrum(m, counts);  // descending
  std::sort(gamma.begin(), gamma.end(), [](const Rational& a, const Rational& b) { return b < a; });
  sample_data_text(s, m, seq, gamma, eta, o.digits, text);
  const std::string method = o.flow == "odeint" ? "Boost.Odeint Bulirsch-Stoer on beta, from the data gradient"
                                                : "matrix exponential exp(-2 S_X t) (Jacobi eigenbasis)";
  gf_run(s, eps, method, o, in, text.gf);
  annealed_run(s, eps, eta_t, eta, gamma, method, o, in, text.annealed);
  return s;
}

}  // namespace annealcheck::prop1::typed
