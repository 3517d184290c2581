// A random orthogonal matrix, exactly: U = H(v_1)···H(v_r) with Householder
// reflections H(v) = I − 2vvᵀ/(vᵀv) of integer vectors v. Each H(v) is a
// rational orthogonal matrix, so UᵀU = I holds exactly in mpq and U reaches every
// number type rounded once from exact values (SPEC §5 "β-space").
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <rapidcheck.h>

#include <vector>

namespace annealcheck::properties {

using RationalMatrix = std::vector<std::vector<numeric::Rational>>;

RationalMatrix householder_product(std::size_t d, const std::vector<std::vector<int>>& reflections);
// U·diag(w)·Uᵀ
RationalMatrix conjugate_diagonal(const RationalMatrix& u, const std::vector<numeric::Rational>& w);
std::vector<numeric::Rational> multiply(const RationalMatrix& a, const std::vector<numeric::Rational>& x);

namespace gen {
// 0..d reflections (shrinking toward none: U = I), entries in [−4, 4], never all zero.
rc::Gen<std::vector<std::vector<int>>> householder_vectors(std::size_t d);
}  // namespace gen

}  // namespace annealcheck::properties
