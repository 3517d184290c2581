// The least-squares problem of one draw of Proposition 1 (SPEC §4, §5): rows
// x_k = U e_{j_k} of X, y_k = ⟨β*, x_k⟩ (no noise), β* = 100·α^{−1/2}·U·1. X, S_X
// and Σ_X are exact rationals rounded once to T; β* and y are computed in T. The
// problem and its kernel are general β-space code (dynamics/least_squares.hpp).
#pragma once

#include "annealcheck/dynamics/least_squares.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/prop1/data_model.hpp"

#include <cmath>
#include <vector>

namespace annealcheck::prop1 {

using dynamics::LeastSquares;
using dynamics::LeastSquaresKernel;
using dynamics::quadratic_form;

template <numeric::RealNumber T>
LeastSquares<T> build_least_squares(const DataModel& m, const std::vector<std::size_t>& sequence, const Rational& alpha) {
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  LeastSquares<T> ls;
  ls.n = sequence.size();
  ls.d = m.d;
  const T scale = numeric::from_int<T>(100) / sqrt(Tr::from_rational(alpha));
  ls.beta_star.assign(m.d, numeric::from_int<T>(0));
  for (std::size_t i = 0; i < m.d; ++i) {
    Rational row_sum(0);  // (U·1)_i exactly
    for (std::size_t j = 0; j < m.d; ++j) row_sum = row_sum + m.basis[i][j];
    ls.beta_star[i] = scale * Tr::from_rational(row_sum);
  }
  for (std::size_t k = 0; k < ls.n; ++k) {
    T yk = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < m.d; ++i) {
      const T x = Tr::from_rational(m.basis[i][sequence[k]]);  // x_k = U e_{j_k}: column j_k of U
      ls.X.push_back(x);
      yk += x * ls.beta_star[i];
    }
    ls.y.push_back(yk);
  }
  std::vector<long> counts(m.d, 0);
  for (std::size_t j : sequence) ++counts[j];
  for (const Rational& q : train_covariance(m, counts)) ls.S.push_back(Tr::from_rational(q));
  for (const Rational& q : population_covariance(m)) ls.Sigma.push_back(Tr::from_rational(q));
  return ls;
}

}  // namespace annealcheck::prop1
