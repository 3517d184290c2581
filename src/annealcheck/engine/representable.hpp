// Whether an input's exact values survive conversion to a fixed-range number type.
//
// float, double, long double and float128 have a bounded exponent: an input such
// as eps = 1e-100000 becomes 0 there and 1e100000 becomes inf, and every check
// downstream then fails for no visible reason. check_representable refuses such
// input up front, naming the field, what the value becomes, and the smallest rung
// of the ladder (engine::ladder()) that holds it. The multiprecision types
// (MPFR, cpp_bin_float, gmp_float, mpq, MPFI) hold every value parse_rational
// accepts (|e| <= limits::kMaxDecimalExponent), so they always pass.
#pragma once

#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <optional>
#include <string>

namespace annealcheck::engine {

// Why `q` is not representable in `type` ("underflows to 0", "overflows to
// infinity"), or nullopt when it is. Exact: |q| <= 2^(e_sub - 1) rounds to 0 (ties
// to even), |q| >= 2^max_exponent rounds to infinity.
std::optional<std::string> not_representable(const numeric::Rational& q, const TypeSpec& type);

// Throws InputError naming the first input value `type` cannot hold.
void check_representable(const Problem& problem, const TypeSpec& type);

}  // namespace annealcheck::engine
