// Rounding an exact rational once to a hardware type, through MPFR at that type's
// precision (MPFR rounds correctly; the conversion out of MPFR is then exact
// except for subnormal results). Kept out of line so that mpfr.h stays in one TU.
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <string>

namespace annealcheck::numeric {

float rational_to_float(const Rational& q);
double rational_to_double(const Rational& q);
long double rational_to_long_double(const Rational& q);
// Decimal text with `digits10` significant digits of q rounded to `bits` bits
// (enough digits to read back to the same `bits`-bit value).
std::string rational_to_decimal(const Rational& q, long bits, int digits10);

}  // namespace annealcheck::numeric
