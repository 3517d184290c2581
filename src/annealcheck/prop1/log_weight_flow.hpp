// Gradient flow (E4) on a diagonal instance given in log space:
//   L̂(t) = Σ_j exp(a_j − r_j t),  a_j = log(γ_j δ_j²),  r_j = 4γ_j > 0,
// so that a start point that is not representable in T (δ_j = f_j^K·δ_j(0) after
// K growing GD steps, f = −2: SPEC §4 case (3,0)) still has a representable flow.
// Stopping time: Newton on log L̂(t) − log ε as in dynamics/gradient_flow.hpp
// (convex and decreasing, started left of the root: monotone convergence),
// asked for all but 2 bits of T.
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <boost/math/tools/roots.hpp>

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace annealcheck::prop1 {

template <numeric::RealNumber T>
class LogWeightFlow {
 public:
  void add(const T& log_weight, const T& rate) {
    log_weight_.push_back(log_weight);
    rate_.push_back(rate);
  }
  bool empty() const { return rate_.empty(); }
  std::size_t size() const { return rate_.size(); }
  const std::vector<T>& log_weights() const { return log_weight_; }
  const std::vector<T>& rates() const { return rate_; }

  // (log L̂(t), d/dt log L̂(t)) by a shifted log-sum-exp
  std::pair<T, T> operator()(const T& t) const {
    using std::exp;
    using std::log;
    T m = log_weight_[0] - rate_[0] * t;
    for (std::size_t i = 1; i < rate_.size(); ++i) {
      const T a = log_weight_[i] - rate_[i] * t;
      if (m < a) m = a;
    }
    T s = numeric::from_int<T>(0), ds = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < rate_.size(); ++i) {
      const T e = exp(log_weight_[i] - rate_[i] * t - m);
      s += e;
      ds += rate_[i] * e;
    }
    return {m + log(s), -ds / s};
  }

  // Smallest t ≥ 0 with L̂(t) = ε (0 when L̂(0) ≤ ε); Newton iterations in *iterations.
  T stopping_time(const T& log_eps, std::uintmax_t* iterations = nullptr) const {
    const T zero = numeric::from_int<T>(0);
    if (empty()) return zero;
    const auto g = [&](const T& t) {
      auto [v, dv] = (*this)(t);
      return std::make_pair(T(v - log_eps), dv);
    };
    const T f0 = g(zero).first;
    if (!(zero < f0)) return zero;
    // bracket: L̂(t) ≤ L̂(0)·e^{−r_min t}, so the root is below f0/r_min
    T rmin = rate_[0];
    for (const T& r : rate_)
      if (r < rmin) rmin = r;
    T hi = f0 / rmin;
    hi *= numeric::from_int<T>(2);
    std::uintmax_t iters = 200;
    const T root = boost::math::tools::newton_raphson_iterate(
        g, zero, zero, hi, static_cast<int>(numeric::number_traits<T>::bits() - 2), iters);
    if (iterations) *iterations = iters;
    return root;
  }

  // Σ_j c_j exp(a_j − r_j t): with c_j = λ_j/γ_j this is Σ_j λ_j δ_j(t)² (E2).
  T weighted_sum(const std::vector<T>& coef, const T& t) const {
    using std::exp;
    T s = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < rate_.size(); ++i) s += coef[i] * exp(log_weight_[i] - rate_[i] * t);
    return s;
  }

  // max_j |a_j| + r_j·t: the size of the exponents, which scales the absolute
  // error of each exp argument (and so the relative error of each term).
  T exponent_size(const T& t) const {
    using std::abs;
    T m = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < rate_.size(); ++i) {
      const T s = abs(log_weight_[i]) + rate_[i] * t;
      if (m < s) m = s;
    }
    return m;
  }

 private:
  std::vector<T> log_weight_, rate_;
};

}  // namespace annealcheck::prop1
