// Exact rational matrices for β-space (SPEC §5 "Beyond the diagonal"): a random
// orthogonal U = H(v_1)···H(v_r) from Householder reflections H(v) = I − 2vvᵀ/(vᵀv)
// of integer vectors v — each H(v) is rational and orthogonal, so UᵀU = I holds
// exactly in mpq — and S_X = U·diag(w)·Uᵀ. Values reach a number type rounded once
// from the exact ones (round_each).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <vector>

namespace annealcheck::numeric {

using RationalMatrix = std::vector<std::vector<Rational>>;

// U = I·H(v_1)···H(v_r); zero vectors and vectors of another length are skipped.
RationalMatrix householder_product(std::size_t d, const std::vector<std::vector<int>>& reflections);
// U·diag(w)·Uᵀ
RationalMatrix conjugate_diagonal(const RationalMatrix& u, const std::vector<Rational>& w);
// A·x
std::vector<Rational> multiply(const RationalMatrix& a, const std::vector<Rational>& x);

// Each value rounded once into T.
template <LadderNumber T>
std::vector<T> round_each(const std::vector<Rational>& v) {
  std::vector<T> out;
  out.reserve(v.size());
  for (const auto& q : v) out.push_back(number_traits<T>::from_rational(q));
  return out;
}

}  // namespace annealcheck::numeric
