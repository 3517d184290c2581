// RapidCheck generators of exact numbers (SPEC inputs are exact: numeric/rational.hpp).
//
// RapidCheck's own floating generators cannot serve (integer plus fraction,
// 6-digit printing, nothing for multiprecision). Every value here is an exact
// rational built from a few small integers, so that
//   * each number type later reads the same value at its own precision, and
//   * shrinking moves toward simple numbers: small integers, dyadic fractions,
//     exponent 0 (a shrunk counterexample reads like "1/2", "3", "1e-20").
// Integers are drawn uniformly (not scaled by RapidCheck's size: callers scale
// explicitly where they want to, e.g. the dimension) and shrink to the lower
// bound, then to the next few integers, then by halving the distance.
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <rapidcheck.h>

#include <string>

namespace annealcheck::properties::gen {

using numeric::Rational;

Rational pow10(int e);  // 10^e exactly (any sign of e)
Rational pow2(int e);   // 2^e exactly

// q > 0 rounded toward zero to `digits` significant decimal digits (exact result:
// a short decimal instead of a rational with a growing denominator).
Rational round_down_digits(const Rational& q, int digits);

// m · 2^(−f) · 10^e with m ≥ 1: the simplest is 1 (m = 1, f = 0, e = 0).
struct SimpleNumber {
  int mantissa = 1;
  int frac_bits = 0;
  int exp10 = 0;
  Rational value() const;
};

// Uniform in [lo, hi]; shrinks to lo, lo+1, lo+2, lo+3, then halves the distance to lo.
rc::Gen<int> small_int(int lo, int hi);
// Uniform in [−radius, radius]; shrinks toward 0.
rc::Gen<int> centered_int(int radius);
// Uniform in [lo, hi_at_full_size] with the upper end scaled by RapidCheck's size
// (size 0 gives lo, size ≥ 100 the full range); shrinks like small_int.
rc::Gen<int> sized_int(int lo, int hi_at_full_size);
// mantissa in [1, 2^b] with b ≤ max_mantissa_bits, f ≤ max_frac_bits, |e| ≤ exp_radius.
rc::Gen<SimpleNumber> simple_positive(int exp_radius, int max_mantissa_bits = 20, int max_frac_bits = 8);
// +1, −1 or (if allowed) 0, mostly +1; shrinks toward +1.
rc::Gen<int> sign(bool allow_zero);
// A value in the open interval (0, 1): 1/2, dyadic m/2^f, 10^−j, 1 − 10^−j, p/q;
// shrinks toward 1/2. Used for α and for ε of Proposition 1.
rc::Gen<Rational> open_unit_interval();
// GD steps K in [0, max_K]: K = 0 often (about 1 case in 10), mostly K ≤ 100,
// occasionally up to 10^4 (the upper end scaled by size); shrinks toward 0, 1, 2, 3.
rc::Gen<long> gd_steps(long max_K);

}  // namespace annealcheck::properties::gen
