// The bodies of `annealcheck prop1` and `annealcheck prop1 general` for one
// number type T; each translation unit generated from prop1/run_type.cpp.in
// (one per type of the ladder list, numeric/ladder.hpp) instantiates them for one type.
//
// prop1: draw n = 3 samples (seeded), build X, y, S_X, Σ_X, run GF and annealed
// GD on β itself (SPEC §4, η = 3/2 fixed before sampling), compare with the
// paper's table and with the exact closed forms, cross-check every run with the
// diagonal log-space route (prop1/draw_outcome.hpp), sweep α and K, enumerate
// the 2³ sequences exactly, and optionally draw Figure 1.
// general: P[L_D(GF)/L_D(annealed) ≥ r] over the draws of SPEC §5.
#pragma once

#include "annealcheck/dynamics/beta_space.hpp"
#include "annealcheck/dynamics/odeint_flow.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/symmetric_eigen.hpp"
#include "annealcheck/prop1/data_model.hpp"
#include "annealcheck/prop1/diagonal_draw.hpp"
#include "annealcheck/prop1/draw_outcome.hpp"
#include "annealcheck/prop1/enumeration.hpp"
#include "annealcheck/prop1/figure.hpp"
#include "annealcheck/prop1/least_squares.hpp"
#include "annealcheck/prop1/options.hpp"
#include "annealcheck/prop1/paper_table.hpp"
#include "annealcheck/prop1/report.hpp"
#include "annealcheck/prop1/sampler.hpp"
#include "annealcheck/prop1/threshold_probability.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <cmath>
#include <map>
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

inline std::string sequence_text(const std::vector<std::size_t>& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i) out += ' ';
    out += 'e';
    out += std::to_string(s[i] + 1);
  }
  return out;
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

template <numeric::RealNumber T>
SampleRuns<T> run_sample(const DataModel& m, const std::vector<std::size_t>& seq, const Prop1Inputs& in,
                         const Rational& eta, const Prop1Options& o, SampleText& text) {
  using Tr = numeric::number_traits<T>;
  const int dg = o.digits;
  SampleRuns<T> s;
  s.ls = build_least_squares<T>(m, seq, in.alpha);
  s.eig = symmetric_eigen(s.ls.S, m.d);
  s.beta0.assign(m.d, numeric::from_int<T>(0));
  const T eps = Tr::from_rational(in.eps);
  const T eta_t = Tr::from_rational(eta);
  const std::vector<long> counts = counts_of(seq, m.d);
  s.diag = make_diagonal_draw(m, counts, in.alpha, in.eps, eta, o.K);
  s.diag_outcome = evaluate_draw<T>(s.diag);

  // data
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
  std::vector<Rational> gamma = train_spectrum(m, counts);
  std::sort(gamma.begin(), gamma.end(), [](const Rational& a, const Rational& b) { return b < a; });
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

  // GF(ε) on β
  const std::string method = o.flow == "odeint" ? "Boost.Odeint Bulirsch-Stoer on beta, from the data gradient"
                                                : "matrix exponential exp(-2 S_X t) (Jacobi eigenbasis)";
  {
    const FlowRun<T> f = flow(s, s.beta0, eps, o, in);
    s.gf_beta = f.beta;
    RunText& r = text.gf;
    r.name = "GF(eps)";
    r.method = method;
    r.flow_time = num(f.time, dg);
    r.solver_note = f.note;
    LeastSquaresKernel<T> kernel(s.ls);
    r.train_loss = num(kernel.train_loss(s.gf_beta), dg);
    const T tl = test_loss(s.ls, s.gf_beta);
    r.test_loss = num(tl, dg);
    r.residual = eigen_residual(s, s.gf_beta, dg);
    r.diagonal_route_test_loss = num(s.diag_outcome.gf_population_loss, dg);
    r.route_relative_difference = num(relative_difference(tl, s.diag_outcome.gf_population_loss), 3);
  }
  // annealed GD(K, η, ε) on β: K GD steps from the data gradient, then GF
  {
    s.gd = beta_descent(s.ls, s.beta0, eta_t, o.K, eps);
    RunText& r = text.annealed;
    r.name = "annealed GD(K, eta, eps)";
    r.method = "GD on beta from the data gradient, then " + method;
    r.gd_steps = s.gd.steps;
    r.stopped_early = s.gd.stopped_early;
    r.overflow = s.gd.overflow;
    r.overflow_step = s.gd.overflow_step;
    r.gd_train_loss = num(s.gd.train_loss, dg);
    r.diagonal_route_test_loss = num(s.diag_outcome.ann_population_loss, dg);
    if (!s.gd.overflow) {
      const FlowRun<T> f = flow(s, s.gd.beta, eps, o, in);
      s.ann_beta = f.beta;
      r.flow_time = num(f.time, dg);
      r.solver_note = f.note;
      LeastSquaresKernel<T> kernel(s.ls);
      r.train_loss = num(kernel.train_loss(s.ann_beta), dg);
      const T tl = test_loss(s.ls, s.ann_beta);
      r.test_loss = num(tl, dg);
      r.residual = eigen_residual(s, s.ann_beta, dg);
      r.route_relative_difference = num(relative_difference(tl, s.diag_outcome.ann_population_loss), 3);
    } else {
      r.solver_note = "the GD phase left " + Tr::id() + "'s range at step " + std::to_string(s.gd.overflow_step) +
                      " (factor 1 - 2 eta gamma_1 = " + descent_factors_exact(gamma, eta)[0].str() +
                      "); the beta-space run stops there. The diagonal log-space route never forms delta(K) and "
                      "gives the value below.";
    }
  }
  return s;
}

// Figure 1 data from a non-degenerate sample, GD with η = 1/γ_1 (exact).
template <numeric::RealNumber T>
FigureData figure_data(const SampleRuns<T>& s, const DataModel& m, const std::vector<std::size_t>& seq,
                       const Prop1Inputs& in, const Prop1Options& o) {
  using Tr = numeric::number_traits<T>;
  using std::cos;
  using std::sin;
  using std::sqrt;
  const std::vector<long> counts = counts_of(seq, m.d);
  const long top = *std::max_element(counts.begin(), counts.end());
  const Rational eta_fig = Rational(static_cast<long>(m.n)) / Rational(top);  // 1/γ_1
  const T eps = Tr::from_rational(in.eps);
  LeastSquaresKernel<T> kernel(s.ls);
  auto point = [&](const std::vector<T>& beta) {
    const std::vector<T> r = residual(s.ls, beta);
    FigurePoint p;
    p.beta1 = static_cast<double>(beta[0]);
    p.beta2 = static_cast<double>(beta[1]);
    p.r1 = static_cast<double>(r[0]);
    p.r2 = static_cast<double>(r[1]);
    p.train = static_cast<double>(kernel.train_loss(beta));
    p.test = static_cast<double>(quadratic_form(s.ls.Sigma, r));
    return p;
  };
  FigureData f;
  f.eps = static_cast<double>(eps);
  f.title = "Proposition 1 (Nakkiran 2020), sample " + sequence_text(seq) + ": alpha = " + o.alpha + ", eps = " + o.eps +
            ", K = " + std::to_string(o.K) + ", η = 1/γ₁ = " + eta_fig.str() + ", type " + Tr::id();
  // GF path
  const BetaFlowResult<T> gf = matrix_exponential_flow(s.ls, s.eig, s.beta0, eps, o.figure_flow_points);
  FigureBlock gf_block{"gf_path", "GF", {}};
  for (const auto& b : gf.path) gf_block.points.push_back(point(b));
  // GD with η = 1/γ_1, then GF
  const BetaDescentResult<T> gd =
      beta_descent(s.ls, s.beta0, Tr::from_rational(eta_fig), o.K, eps, o.figure_gd_points);
  FigureBlock gd_block{"annealed_gd", "GD, eta = 1/gamma_1", {}};
  for (const auto& b : gd.path) gd_block.points.push_back(point(b));
  const BetaFlowResult<T> after = matrix_exponential_flow(s.ls, s.eig, gd.beta, eps, o.figure_flow_points);
  FigureBlock after_block{"annealed_flow", "GF after GD", {}};
  for (const auto& b : after.path) after_block.points.push_back(point(b));
  // ellipses {β : (β − β*)ᵀ A (β − β*) = level} for A = S_X (train) or Σ_X (test)
  const SymmetricEigen<T> sig = symmetric_eigen(s.ls.Sigma, m.d);
  auto ellipse = [&](const SymmetricEigen<T>& e, const T& level, std::string name, std::string label) {
    FigureBlock b{std::move(name), std::move(label), {}};
    const int N = 360;
    const T two_pi = numeric::from_int<T>(2) * boost::math::constants::pi<T>();
    for (int k = 0; k <= N; ++k) {
      const T th = two_pi * numeric::from_int<T>(k) / numeric::from_int<T>(N);
      std::vector<T> c{T(sqrt(level / e.values[0]) * cos(th)), T(sqrt(level / e.values[1]) * sin(th))};
      std::vector<T> beta = from_eigen_coordinates(e, c);
      for (std::size_t i = 0; i < beta.size(); ++i) beta[i] += s.ls.beta_star[i];
      b.points.push_back(point(beta));
    }
    return b;
  };
  f.blocks.push_back(std::move(gf_block));
  f.blocks.push_back(std::move(gd_block));
  f.blocks.push_back(std::move(after_block));
  f.blocks.push_back(ellipse(s.eig, eps, "stopping_ellipse", "train loss = eps"));
  const T loss0 = kernel.train_loss(s.beta0);
  for (int j = 0; j < 8; ++j) {
    const T level = loss0 / numeric::from_int<T>(1L << (2 * j));
    f.blocks.push_back(ellipse(s.eig, level, "train_contour", "train loss = " + Tr::str(level, 3)));
  }
  for (const auto& [num_, den] : std::vector<std::pair<long, long>>{{1, 4}, {1, 2}, {2, 1}}) {
    const T level = eps * numeric::from_int<T>(num_) / numeric::from_int<T>(den);
    f.blocks.push_back(ellipse(s.eig, level, "zoom_train_contour", "train loss = " + Tr::str(level, 3)));
  }
  const T gf_end = test_loss(s.ls, gf.beta), ann_end = test_loss(s.ls, after.beta);
  for (const T& level : {T(ann_end / numeric::from_int<T>(2)), ann_end, gf_end, T(gf_end * numeric::from_int<T>(2))})
    f.blocks.push_back(ellipse(sig, level, "test_contour", "test loss = " + Tr::str(T(level / eps), 4) + " eps"));
  FigureBlock markers{"markers", "beta_0, beta*, GF end, annealed end", {}};
  markers.points = {point(s.beta0), point(s.ls.beta_star), point(gf.beta), point(after.beta)};
  f.blocks.push_back(std::move(markers));
  // zoom window: the largest zoom train contour (2ε) with a margin
  T gmin = s.eig.values[0];
  for (const T& g : s.eig.values)
    if (g < gmin) gmin = g;
  f.zoom_half_width = 1.25 * static_cast<double>(T(sqrt(numeric::from_int<T>(2) * eps / gmin)));
  return f;
}

template <numeric::RealNumber T>
Prop1Report run_prop1(const Prop1Options& o) {
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  const Prop1Inputs in = parse_prop1_inputs(o);
  const int dg = o.digits;
  const DataModel m = proposition1_model(o.rotated);
  const Rational eta(3, 2);  // fixed before sampling (SPEC §4)
  Prop1Report rep;
  rep.type_id = Tr::id();
  rep.bits = Tr::bits();
  rep.alpha = o.alpha;
  rep.eps = o.eps;
  rep.eta = eta.str();
  rep.r = o.r.empty() ? "2(1 - alpha) = " + in.r.str() : in.r.str();
  rep.K = o.K;
  rep.seed = o.seed;
  rep.rotated = o.rotated;
  rep.flow_method = o.flow;
  rep.beta_star_scale = num(T(numeric::from_int<T>(100) / sqrt(Tr::from_rational(in.alpha))), dg);

  // 1. the drawn sample
  ExactSampler sampler(m, o.seed);
  const std::vector<std::size_t> seq = sampler.sample_sequence();
  SampleRuns<T> drawn = run_sample<T>(m, seq, in, eta, o, rep.drawn);
  // the paper's table is about the (2,1) case: use the draw when it is one, else e1 e1 e2
  const bool drawn_is_21 = drawn.diag_outcome.kind == DrawKind::Lemma2;
  std::vector<std::size_t> table_seq = seq;
  SampleRuns<T> other;
  if (!drawn_is_21) {
    table_seq = {0, 0, 1};
    rep.table_sample.emplace();
    other = run_sample<T>(m, table_seq, in, eta, o, *rep.table_sample);
    rep.notes.push_back("the drawn sample is degenerate (counts " + std::to_string(rep.drawn.counts[0]) + "," +
                        std::to_string(rep.drawn.counts[1]) +
                        "); the paper's table is about the (2,1) case, shown for the sample e1 e1 e2");
  }
  const SampleRuns<T>& ts = drawn_is_21 ? drawn : other;

  // 2. the paper's table (β-space runs of the (2,1) sample)
  {
    const Case21ClosedForm<T> cf = case21_closed_form<T>(in.alpha, in.eps);
    const T eps = Tr::from_rational(in.eps);
    LeastSquaresKernel<T> kernel(ts.ls);
    const std::vector<T> good = to_eigen_coordinates(ts.eig, residual(ts.ls, ts.ann_beta));
    const std::vector<T> bad = to_eigen_coordinates(ts.eig, residual(ts.ls, ts.gf_beta));
    using std::abs;
    auto row_cmp = [&](std::string q, std::string paper, const T& paper_v, const T* closed, const T& computed) {
      TableRowText r;
      r.quantity = std::move(q);
      r.paper = std::move(paper);
      r.closed_form = closed ? Tr::str(*closed, dg) : "";
      r.computed = Tr::str(computed, dg);
      r.closed_form_full = closed ? Tr::str(*closed) : "";
      r.computed_full = Tr::str(computed);
      const T rel = relative_difference(computed, paper_v);
      r.rel_vs_paper = Tr::str(rel, 3);
      r.digits_vs_paper = digits_text(rel);
      if (closed) r.rel_vs_closed_form = Tr::str(relative_difference(computed, *closed), 3);
      return r;
    };
    auto row_zero = [&](std::string q, std::string paper, const T* closed, const T& computed) {
      TableRowText r;
      r.quantity = std::move(q);
      r.paper = std::move(paper);
      r.closed_form = closed ? Tr::str(*closed, dg) : "";
      r.computed = Tr::str(computed, dg);
      r.closed_form_full = closed ? Tr::str(*closed) : "";
      r.computed_full = Tr::str(computed);
      r.rel_vs_paper = "|x|/sqrt(eps) = " + Tr::str(T(abs(computed) / sqrt(eps)), 3);
      r.digits_vs_paper = "-";
      if (closed) r.rel_vs_closed_form = "|x - cf|/sqrt(eps) = " + Tr::str(T(abs(computed - *closed) / sqrt(eps)), 3);
      return r;
    };
    if (o.K >= 1 && !ts.ann_beta.empty()) {
      const T zero = numeric::from_int<T>(0);
      rep.table.push_back(row_cmp("good (annealed) |residual_1|", "sqrt(3 eps/2)", cf.good_residual_1, &cf.good_residual_1, abs(good[0])));
      rep.table.push_back(row_zero("good (annealed) residual_2", "0", &zero, good[1]));
      rep.table.push_back(row_cmp("good (annealed) train loss", "eps", eps, &eps, kernel.train_loss(ts.ann_beta)));
      rep.table.push_back(row_cmp("good (annealed) test loss", "0.75 eps", cf.good_test_loss, &cf.good_test_loss, test_loss(ts.ls, ts.ann_beta)));
    } else {
      rep.notes.push_back("K = 0: annealed GD is GF, so the table's good row does not arise");
    }
    const T bad_paper_2 = sqrt(numeric::from_int<T>(3) * eps), bad_test_paper = Tr::from_rational(Rational(3, 2) * in.eps);
    rep.table.push_back(row_zero("bad (GF) residual_1", "0", &cf.bad_residual_1, abs(bad[0])));
    rep.table.push_back(row_cmp("bad (GF) |residual_2|", "sqrt(3 eps)", bad_paper_2, &cf.bad_residual_2, abs(bad[1])));
    rep.table.push_back(row_cmp("bad (GF) train loss", "eps", eps, &eps, kernel.train_loss(ts.gf_beta)));
    rep.table.push_back(row_cmp("bad (GF) test loss", "1.5 eps", bad_test_paper, &cf.bad_test_loss, test_loss(ts.ls, ts.gf_beta)));
    if (!ts.ann_beta.empty()) {
      const T ann = test_loss(ts.ls, ts.ann_beta);
      if (numeric::from_int<T>(0) < ann) rep.ratio = num(T(test_loss(ts.ls, ts.gf_beta) / ann), dg);
      else rep.ratio = {"undefined", "undefined (L_D(annealed) = 0 in " + Tr::id() + ")"};
    }
    // β-space resolution: β − β* is formed next to |β*|, so residuals below
    // ε_T·|β*| are rounding noise (SPEC §6); the stopping point has |β − β*| ~ √ε.
    {
      using std::abs;
      T bmax = numeric::from_int<T>(0);
      for (const T& b : ts.ls.beta_star)
        if (bmax < abs(b)) bmax = abs(b);
      const T resolution = Tr::epsilon() * bmax;
      if (!(resolution < sqrt(eps) / numeric::from_int<T>(1000)))
        rep.notes.push_back("in " + Tr::id() + " beta-space resolves beta - beta* only to eps_T |beta*| = " + Tr::str(resolution, 3) +
                            ", not far below sqrt(eps) = " + Tr::str(T(sqrt(eps)), 3) +
                            ": the beta-space columns are rounding noise here (SPEC §6); the diagonal route is not affected. "
                            "Use a wider type, or a larger eps or alpha.");
    }
    rep.ratio_bound = num(Tr::from_rational(Rational(2) * (Rational(1) - in.alpha)), dg);
    if (o.K >= 1 && ts.diag_outcome.kind == DrawKind::Lemma2 &&
        ratio_at_least(ts.diag_outcome, Rational(2) * (Rational(1) - in.alpha)) == Decision::Fails) {
      rep.claims_hold = false;
      rep.failures.push_back("Lemma 2 / Proposition 1: L_D(GF)/L_D(annealed) >= 2(1 - alpha) fails on the (2,1) sample");
    }
    if (o.require_digits > 0) {
      for (const auto& r : rep.table) {
        if (r.quantity.find("test loss") == std::string::npos) continue;
        const bool exact = r.digits_vs_paper.rfind("all", 0) == 0;
        if (!exact && std::stol(r.digits_vs_paper) < o.require_digits) {
          rep.claims_hold = false;
          rep.failures.push_back(r.quantity + " matches the paper to " + r.digits_vs_paper + " digits, fewer than the " +
                                 std::to_string(o.require_digits) + " required (--require-digits)");
        }
      }
    }
  }

  // 3. how the ratio approaches 2: diagonal route, counts (2,1)
  {
    const DataModel plain = proposition1_model(false);
    std::vector<std::pair<Rational, std::string>> alphas{{Rational(1, 2), "0.5"}, {Rational(1, 100), "1e-2"},
                                                         {Rational(1, 10000), "1e-4"}, {Rational(1, 100000000), "1e-8"},
                                                         {in.alpha, o.alpha}};
    std::stable_sort(alphas.begin(), alphas.end(), [](const auto& a, const auto& b) { return b.first < a.first; });
    alphas.erase(std::unique(alphas.begin(), alphas.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                 alphas.end());
    std::vector<long> Ks{0, 1, 2, o.K};
    std::sort(Ks.begin(), Ks.end());
    Ks.erase(std::unique(Ks.begin(), Ks.end()), Ks.end());
    const T eps = Tr::from_rational(in.eps);
    for (const auto& [a, a_text] : alphas) {
      for (long K : Ks) {
        const DiagonalDraw d = make_diagonal_draw(plain, {2, 1}, a, in.eps, eta, K);
        const DrawOutcome<T> out = evaluate_draw<T>(d);
        SweepRowText row;
        row.alpha = a_text;
        row.K = K;
        row.gf_over_eps = num(T(out.gf_population_loss / eps), dg);
        row.ann_over_eps = num(T(out.ann_population_loss / eps), dg);
        row.ratio = num(out.ratio, dg);
        row.two_minus_ratio = num(T(numeric::from_int<T>(2) - out.ratio), 4);
        // GF: L_D = 1.5ε(1 − 3ε/c² + …) with c² = 10⁴/α (prop1/paper_table.hpp), so
        // for K ≥ 1: 2 − ratio = 6εα/10⁴ to leading order
        row.predicted_gap = K == 0 ? Number{"", "-"} : num(Tr::from_rational(Rational(6) * in.eps * a / Rational(10000)), 4);
        const Rational bound = Rational(2) * (Rational(1) - a);
        row.bound = num(Tr::from_rational(bound), dg);
        if (K == 0) row.bound_holds = "n/a (K = 0: annealed = GF)";
        else row.bound_holds = decision_name(ratio_at_least(out, bound));
        rep.sweep.push_back(std::move(row));
      }
    }
  }

  // 4. exact enumeration of the 2³ sequences
  {
    Rational p21(0), p_ann(0), p_gf(0), p_tie(0), p_und(0), p_holds(0), p_r_und(0), total(0);
    std::map<std::vector<long>, DrawSummary> cache;
    for (const SequenceDraw& sd : enumerate_sequences(m)) {
      auto it = cache.find(sd.counts);
      if (it == cache.end()) {
        const DiagonalDraw d = make_diagonal_draw(m, sd.counts, in.alpha, in.eps, eta, o.K);
        it = cache.emplace(sd.counts, summarize(d, evaluate_draw<T>(d), in.r, dg)).first;
      }
      SequenceRowText row;
      row.sequence = sequence_text(sd.sequence);
      std::vector<Rational> g = train_spectrum(m, sd.counts);
      row.S_X = "diag" + vector_text(g);
      row.summary = it->second;
      row.summary.probability = sd.probability;
      row.summary.sequences = Rational(1);
      total = total + sd.probability;
      std::sort(g.begin(), g.end(), [](const Rational& a, const Rational& b) { return b < a; });
      if (g[0] == Rational(2, 3) && g[1] == Rational(1, 3)) p21 = p21 + sd.probability;
      const std::string& low = row.summary.lower;
      if (low == "annealed") p_ann = p_ann + sd.probability;
      else if (low == "GF") p_gf = p_gf + sd.probability;
      else if (low.rfind("tie", 0) == 0) p_tie = p_tie + sd.probability;
      else p_und = p_und + sd.probability;
      if (row.summary.verdict == Decision::Holds) p_holds = p_holds + sd.probability;
      else if (row.summary.verdict == Decision::Undecided) p_r_und = p_r_und + sd.probability;
      rep.sequences.push_back(std::move(row));
    }
    rep.p_case21 = p21.str();
    rep.p_annealed_lower = p_ann.str();
    rep.p_gf_lower = p_gf.str();
    rep.p_tie = p_tie.str();
    rep.p_undecided = p_und.str();
    rep.p_ratio_holds = p_holds.str();
    rep.p_ratio_undecided = p_r_und.str();
    rep.p_total = total.str();
    if (!(p21 == Rational(3, 4))) {
      rep.claims_hold = false;
      rep.failures.push_back("P[S_X = diag(2/3, 1/3) up to order] = " + p21.str() + ", not 3/4 (SPEC §4)");
    }
    if (!(total == Rational(1))) {
      rep.claims_hold = false;
      rep.failures.push_back("the 2^3 sequence probabilities sum to " + total.str() + ", not 1");
    }
  }

  // 5. Figure 1
  if (!o.figure_prefix.empty()) rep.figure = write_figure(figure_data(ts, m, table_seq, in, o), o.figure_prefix);
  return rep;
}

template <numeric::RealNumber T>
GeneralReport run_general(const GeneralOptions& o) {
  using Tr = numeric::number_traits<T>;
  const GeneralInputs in = parse_general_inputs(o);
  GeneralReport rep;
  rep.type_id = Tr::id();
  rep.bits = Tr::bits();
  rep.d = in.model.d;
  rep.n = in.model.n;
  rep.p = o.p.empty() ? "uniform" : in.model.p_text;
  rep.alpha = o.alpha;
  rep.eps = o.eps;
  rep.eta = in.eta ? in.eta->str() + (o.eta.empty() ? " (default n/ceil(n max p), fixed before sampling)" : " (fixed before sampling)")
                   : "per draw: 1/gamma_1 of each draw";
  rep.r = o.r.empty() ? "2(1 - alpha) = " + in.r.str() : in.r.str();
  rep.K = o.K;
  rep.count_vectors = count_vector_total(in.model.d, in.model.n);
  const DrawEvaluator evaluate = [&](const std::vector<long>& counts) {
    Rational eta;
    if (in.eta) {
      eta = *in.eta;
    } else {
      const long top = *std::max_element(counts.begin(), counts.end());
      eta = Rational(static_cast<long>(in.model.n)) / Rational(top);
    }
    const DiagonalDraw d = make_diagonal_draw(in.model, counts, in.alpha, in.eps, eta, o.K);
    return summarize(d, evaluate_draw<T>(d), in.r, o.digits);
  };
  const bool small = rep.count_vectors <= o.max_enumeration;
  const bool enumerate = o.method == "enumerate" || o.method == "both" || (o.method == "auto" && small);
  const bool sample = o.method == "monte-carlo" || o.method == "both" || (o.method == "auto" && !small);
  if (enumerate && !small)
    throw InputError("--method", "enumerate (" + std::to_string(rep.count_vectors) + " count vectors)",
                     "at most --max-enumeration = " + std::to_string(o.max_enumeration) + " count vectors; use monte-carlo or raise the limit");
  rep.method = enumerate && sample ? "enumeration and monte-carlo" : enumerate ? "enumeration" : "monte-carlo";
  if (enumerate) rep.enumeration = enumerate_threshold(in.model, evaluate);
  if (sample) rep.monte_carlo = monte_carlo_threshold(in.model, evaluate, o.samples, o.confidence, o.seed);
  return rep;
}

}  // namespace annealcheck::prop1::typed
