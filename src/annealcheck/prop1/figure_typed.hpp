// Figure 1's data in a number type T (part of prop1_typed.hpp): the GF path, the
// annealed GD steps (η = 1/γ_1, exact) and the flow after them on β itself, the
// train and test loss contours, and markers (prop1/figure.hpp writes and plots it).
#pragma once

#include "annealcheck/prop1/figure.hpp"
#include "annealcheck/prop1/sample_runs.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace annealcheck::prop1::typed {

// β, β − β*, train and test loss at β (doubles: plotting only).
template <numeric::RealNumber T>
FigurePoint figure_point(const SampleRuns<T>& s, LeastSquaresKernel<T>& kernel, const std::vector<T>& beta) {
  const std::vector<T> r = residual(s.ls, beta);
  FigurePoint p;
  p.beta1 = static_cast<double>(beta[0]);
  p.beta2 = static_cast<double>(beta[1]);
  p.r1 = static_cast<double>(r[0]);
  p.r2 = static_cast<double>(r[1]);
  p.train = static_cast<double>(kernel.train_loss(beta));
  p.test = static_cast<double>(quadratic_form(s.ls.Sigma, r));
  return p;
}

template <numeric::RealNumber T>
FigureBlock path_block(const SampleRuns<T>& s, LeastSquaresKernel<T>& kernel, const std::vector<std::vector<T>>& path,
                       std::string name, std::string label) {
  FigureBlock b{std::move(name), std::move(label), {}};
  for (const auto& beta : path) b.points.push_back(figure_point(s, kernel, beta));
  return b;
}

// The ellipse {β : (β − β*)ᵀ A (β − β*) = level}, A = V diag(γ) Vᵀ (S_X: train, Σ_X: test).
template <numeric::RealNumber T>
FigureBlock ellipse(const SampleRuns<T>& s, LeastSquaresKernel<T>& kernel, const SymmetricEigen<T>& e, const T& level,
                    std::string name, std::string label) {
  using std::cos;
  using std::sin;
  using std::sqrt;
  FigureBlock b{std::move(name), std::move(label), {}};
  const int N = 360;
  const T two_pi = numeric::from_int<T>(2) * boost::math::constants::pi<T>();
  for (int k = 0; k <= N; ++k) {
    const T th = two_pi * numeric::from_int<T>(k) / numeric::from_int<T>(N);
    std::vector<T> c{T(sqrt(level / e.values[0]) * cos(th)), T(sqrt(level / e.values[1]) * sin(th))};
    std::vector<T> beta = from_eigen_coordinates(e, c);
    for (std::size_t i = 0; i < beta.size(); ++i) beta[i] += s.ls.beta_star[i];
    b.points.push_back(figure_point(s, kernel, beta));
  }
  return b;
}

// Train contours (the stopping ellipse, 8 levels from L̂(β(0)) down, a zoom around ε)
// and test contours around the two runs' ends.
template <numeric::RealNumber T>
void contour_blocks(FigureData& f, const SampleRuns<T>& s, LeastSquaresKernel<T>& kernel, const SymmetricEigen<T>& sig,
                    const T& eps, const T& gf_end, const T& ann_end) {
  using Tr = numeric::number_traits<T>;
  f.blocks.push_back(ellipse(s, kernel, s.eig, eps, "stopping_ellipse", "train loss = eps"));
  const T loss0 = kernel.train_loss(s.beta0);
  for (int j = 0; j < 8; ++j) {
    const T level = loss0 / numeric::from_int<T>(1L << (2 * j));
    f.blocks.push_back(ellipse(s, kernel, s.eig, level, "train_contour", "train loss = " + Tr::str(level, 3)));
  }
  for (const auto& [num_, den] : std::vector<std::pair<long, long>>{{1, 4}, {1, 2}, {2, 1}}) {
    const T level = eps * numeric::from_int<T>(num_) / numeric::from_int<T>(den);
    f.blocks.push_back(ellipse(s, kernel, s.eig, level, "zoom_train_contour", "train loss = " + Tr::str(level, 3)));
  }
  for (const T& level : {T(ann_end / numeric::from_int<T>(2)), ann_end, gf_end, T(gf_end * numeric::from_int<T>(2))})
    f.blocks.push_back(ellipse(s, kernel, sig, level, "test_contour", "test loss = " + Tr::str(T(level / eps), 4) + " eps"));
}

// Figure 1 data from a non-degenerate sample, GD with η = 1/γ_1 (exact).
template <numeric::RealNumber T>
FigureData figure_data(const SampleRuns<T>& s, const DataModel& m, const std::vector<std::size_t>& seq,
                       const Prop1Inputs& in, const Prop1Options& o) {
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  const std::vector<long> counts = counts_of(seq, m.d);
  const long top = *std::max_element(counts.begin(), counts.end());
  const Rational eta_fig = Rational(static_cast<long>(m.n)) / Rational(top);  // 1/γ_1
  const T eps = Tr::from_rational(in.eps);
  LeastSquaresKernel<T> kernel(s.ls);
  FigureData f;
  f.eps = static_cast<double>(eps);
  f.title = "Proposition 1 (Nakkiran 2020), sample " + sequence_text(seq) + ": alpha = " + o.alpha + ", eps = " + o.eps +
            ", K = " + std::to_string(o.K) + ", η = 1/γ₁ = " + eta_fig.str() + ", type " + Tr::id();
  const BetaFlowResult<T> gf = matrix_exponential_flow(s.ls, s.eig, s.beta0, eps, o.figure_flow_points);
  const BetaDescentResult<T> gd = beta_descent(s.ls, s.beta0, Tr::from_rational(eta_fig), o.K, eps, o.figure_gd_points);
  const BetaFlowResult<T> after = matrix_exponential_flow(s.ls, s.eig, gd.beta, eps, o.figure_flow_points);
  f.blocks.push_back(path_block(s, kernel, gf.path, "gf_path", "GF"));
  f.blocks.push_back(path_block(s, kernel, gd.path, "annealed_gd", "GD, eta = 1/gamma_1"));
  f.blocks.push_back(path_block(s, kernel, after.path, "annealed_flow", "GF after GD"));
  contour_blocks(f, s, kernel, symmetric_eigen(s.ls.Sigma, m.d), eps, test_loss(s.ls, gf.beta), test_loss(s.ls, after.beta));
  FigureBlock markers{"markers", "beta_0, beta*, GF end, annealed end", {}};
  for (const auto* beta : {&s.beta0, &s.ls.beta_star, &gf.beta, &after.beta}) markers.points.push_back(figure_point(s, kernel, *beta));
  f.blocks.push_back(std::move(markers));
  // zoom window: the largest zoom train contour (2ε) with a margin
  T gmin = s.eig.values[0];
  for (const T& g : s.eig.values)
    if (g < gmin) gmin = g;
  f.zoom_half_width = 1.25 * static_cast<double>(T(sqrt(numeric::from_int<T>(2) * eps / gmin)));
  return f;
}

}  // namespace annealcheck::prop1::typed
