// Generator of random exact orthogonal matrices: the integer Householder vectors
// of U = H(v_1)···H(v_r) (numeric/rational_matrix.hpp builds U exactly from them).
#pragma once

#include "annealcheck/numeric/rational_matrix.hpp"

#include <rapidcheck.h>

#include <vector>

namespace annealcheck::properties {

using numeric::conjugate_diagonal;
using numeric::householder_product;
using numeric::multiply;
using numeric::RationalMatrix;

namespace gen {
// 0..d reflections (shrinking toward none: U = I), entries in [−4, 4], never all zero.
rc::Gen<std::vector<std::vector<int>>> householder_vectors(std::size_t d);
}  // namespace gen

}  // namespace annealcheck::properties
