// A least-squares problem in β-space, in a number type T (SPEC §2, §5): rows x_k
// of X, targets y_k (Proposition 1: y_k = ⟨β*, x_k⟩, no noise; prop1/least_squares.hpp
// builds it from a draw),
//   train loss   L_n(β) = (1/n)·‖Xβ − y‖²          (= L̂, E1, from the data)
//   test loss    L_D(β) = (β − β*)ᵀ Σ_X (β − β*)    (= E[(⟨x,β⟩ − y)²], E2)
//   gradient     ∇L_n(β) = (2/n)·Xᵀ(Xβ − y)
// S_X = XᵀX/n and Σ_X are given (exact rationals rounded once to T). The kernel evaluates loss and gradient step in place
// (no allocation per GD step at static precision).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <cmath>
#include <vector>

namespace annealcheck::dynamics {

template <numeric::RealNumber T>
struct LeastSquares {
  std::size_t n = 0, d = 0;
  std::vector<T> X;          // n×d, row-major
  std::vector<T> y;          // n
  std::vector<T> beta_star;  // d
  std::vector<T> S;          // d×d: S_X = XᵀX/n (exact, rounded once)
  std::vector<T> Sigma;      // d×d: Σ_X (exact, rounded once)
};

template <numeric::RealNumber T>
class LeastSquaresKernel {
 public:
  explicit LeastSquaresKernel(const LeastSquares<T>& ls)
      : ls_(ls), r_(ls.n), two_over_n_(numeric::from_int<T>(2) / numeric::from_int<T>(static_cast<long>(ls.n))),
        inv_n_(numeric::from_int<T>(1) / numeric::from_int<T>(static_cast<long>(ls.n))) {}

  // L_n(β); keeps r = Xβ − y for the next gradient_step. No allocation.
  const T& train_loss(const std::vector<T>& beta) {
    loss_ = numeric::from_int<T>(0);
    for (std::size_t k = 0; k < ls_.n; ++k) {
      r_[k] = -ls_.y[k];
      for (std::size_t i = 0; i < ls_.d; ++i) {
        tmp_ = ls_.X[k * ls_.d + i];
        tmp_ *= beta[i];
        r_[k] += tmp_;
      }
      tmp_ = r_[k];
      tmp_ *= r_[k];
      loss_ += tmp_;
    }
    loss_ *= inv_n_;
    return loss_;
  }

  // β ← β − η·(2/n)·Xᵀr with r from the last train_loss(β). No allocation.
  void gradient_step(std::vector<T>& beta, const T& eta) {
    for (std::size_t i = 0; i < ls_.d; ++i) {
      acc_ = numeric::from_int<T>(0);
      for (std::size_t k = 0; k < ls_.n; ++k) {
        tmp_ = ls_.X[k * ls_.d + i];
        tmp_ *= r_[k];
        acc_ += tmp_;
      }
      acc_ *= two_over_n_;
      acc_ *= eta;
      beta[i] -= acc_;
    }
  }

  // ‖∇L_n(β)‖² with r from the last train_loss(β)
  T gradient_norm_squared() const {
    T s = numeric::from_int<T>(0);
    for (std::size_t i = 0; i < ls_.d; ++i) {
      T g = numeric::from_int<T>(0);
      for (std::size_t k = 0; k < ls_.n; ++k) g += ls_.X[k * ls_.d + i] * r_[k];
      g *= two_over_n_;
      s += g * g;
    }
    return s;
  }

  const LeastSquares<T>& problem() const { return ls_; }

 private:
  const LeastSquares<T>& ls_;
  std::vector<T> r_;
  T two_over_n_, inv_n_, loss_, tmp_, acc_;
};

// β − β*
template <numeric::RealNumber T>
std::vector<T> residual(const LeastSquares<T>& ls, const std::vector<T>& beta) {
  std::vector<T> r(beta);
  for (std::size_t i = 0; i < r.size(); ++i) r[i] -= ls.beta_star[i];
  return r;
}

// rᵀ A r for a d×d row-major A
template <numeric::RealNumber T>
T quadratic_form(const std::vector<T>& A, const std::vector<T>& r) {
  const std::size_t d = r.size();
  T s = numeric::from_int<T>(0);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) s += r[i] * A[i * d + j] * r[j];
  return s;
}

// (E2) in β-space: L_D(β) = (β − β*)ᵀ Σ_X (β − β*)
template <numeric::RealNumber T>
T test_loss(const LeastSquares<T>& ls, const std::vector<T>& beta) {
  return quadratic_form(ls.Sigma, residual(ls, beta));
}

}  // namespace annealcheck::dynamics
