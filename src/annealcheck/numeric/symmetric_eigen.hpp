// Eigen-decomposition of a real symmetric matrix, A = V·diag(values)·Vᵀ, by the
// cyclic Jacobi method (Golub & Van Loan §8.5) in any RealNumber type: for the
// matrix exponential exp(−2 S_X t) = V·diag(e^{−2γ_i t})·Vᵀ of gradient flow (E4)
// when S_X is not diagonal (SPEC §5, β-space).
//
// Accuracy: Jacobi is backward stable; eigenvalues to a few ulps of ‖A‖.
// A diagonal input is returned unchanged (no rotation is applied), so diagonal
// S_X stays exact. Eigenvalues with |γ| ≤ 4·d·ε_T·‖A‖_F are set to exactly 0 (a
// rank-deficient S_X, SPEC §4 case (3,0), would otherwise get a rounding-level
// rate that makes the stopping-time bracket astronomically wide); `clamped`
// counts them. Values sorted descending, vectors permuted alike.
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace annealcheck::numeric {

template <RealNumber T>
struct SymmetricEigen {
  std::size_t d = 0;
  std::vector<T> values;   // descending
  std::vector<T> vectors;  // d×d row-major; column j is the eigenvector of values[j]
  int sweeps = 0;
  std::size_t clamped = 0;
};

template <RealNumber T>
SymmetricEigen<T> symmetric_eigen(std::vector<T> a, std::size_t d) {
  using std::abs;
  using std::sqrt;
  const T zero = from_int<T>(0), one = from_int<T>(1), two = from_int<T>(2);
  const T eps = number_traits<T>::epsilon();
  std::vector<T> v(d * d, zero);
  for (std::size_t i = 0; i < d; ++i) v[i * d + i] = one;
  T frob = zero;
  for (const T& x : a) frob += x * x;
  frob = sqrt(frob);
  SymmetricEigen<T> out;
  out.d = d;
  for (int sweep = 0; sweep < 100; ++sweep) {
    bool rotated = false;
    for (std::size_t p = 0; p + 1 < d; ++p) {
      for (std::size_t q = p + 1; q < d; ++q) {
        const T apq = a[p * d + q];
        if (!(eps * eps * frob < abs(apq))) {  // negligible: ≤ ε²‖A‖
          a[p * d + q] = a[q * d + p] = zero;
          continue;
        }
        rotated = true;
        const T theta = (a[q * d + q] - a[p * d + p]) / (two * apq);
        T t;
        if (one / eps < abs(theta)) t = one / (two * theta);  // θ² would overflow; t ≈ 1/(2θ)
        else t = (zero < theta ? one : -one) / (abs(theta) + sqrt(theta * theta + one));
        const T c = one / sqrt(t * t + one), s = t * c;
        a[p * d + p] -= t * apq;
        a[q * d + q] += t * apq;
        a[p * d + q] = a[q * d + p] = zero;
        for (std::size_t k = 0; k < d; ++k) {
          if (k != p && k != q) {
            const T akp = a[k * d + p], akq = a[k * d + q];
            a[k * d + p] = a[p * d + k] = c * akp - s * akq;
            a[k * d + q] = a[q * d + k] = s * akp + c * akq;
          }
          const T vkp = v[k * d + p], vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
    out.sweeps = sweep + 1;
    if (!rotated) break;
  }
  std::vector<std::size_t> order(d);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return a[j * d + j] < a[i * d + i]; });
  const T tiny = from_int<T>(4 * static_cast<long>(d)) * eps * frob;
  out.values.resize(d);
  out.vectors.assign(d * d, zero);
  for (std::size_t j = 0; j < d; ++j) {
    out.values[j] = a[order[j] * d + order[j]];
    if (!(tiny < abs(out.values[j]))) {
      if (!(out.values[j] == zero)) ++out.clamped;
      out.values[j] = zero;
    }
    for (std::size_t k = 0; k < d; ++k) out.vectors[k * d + j] = v[k * d + order[j]];
  }
  return out;
}

// Vᵀx and V·x
template <RealNumber T>
std::vector<T> to_eigen_coordinates(const SymmetricEigen<T>& e, const std::vector<T>& x) {
  std::vector<T> out(e.d, from_int<T>(0));
  for (std::size_t j = 0; j < e.d; ++j)
    for (std::size_t k = 0; k < e.d; ++k) out[j] += e.vectors[k * e.d + j] * x[k];
  return out;
}
template <RealNumber T>
std::vector<T> from_eigen_coordinates(const SymmetricEigen<T>& e, const std::vector<T>& c) {
  std::vector<T> out(e.d, from_int<T>(0));
  for (std::size_t k = 0; k < e.d; ++k)
    for (std::size_t j = 0; j < e.d; ++j) out[k] += e.vectors[k * e.d + j] * c[j];
  return out;
}

}  // namespace annealcheck::numeric
