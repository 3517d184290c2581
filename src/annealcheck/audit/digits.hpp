// Correct significant digits of a computed value against a certified enclosure,
// rigorously (every rounding directed so that the count is a lower bound):
//
//   digits(x) = −log10( max_{y ∈ [lo, hi]} |x − y| / scale ),
//
// with scale = min_{y ∈ [lo, hi]} |y| (relative digits), or a given lower bound of a
// quantity's natural scale (margins: max(|lhs|, |rhs|), because a margin that is
// exactly 0 has no relative digits; SPEC §3 inequalities are judged at the scale
// of their sides). The count is capped by what the enclosure can certify; x equal
// to a point enclosure is "exact". NaN or ±inf have 0 digits.
#pragma once

#include "annealcheck/interval/enclosure.hpp"

#include <mpfr.h>

namespace annealcheck::audit {

struct Digits {
  double value = 0;      // >= 0, capped at `cap`
  bool exact = false;    // x is the exact value (point enclosure)
  bool finite = true;    // x is a finite number
};

Digits relative_digits(mpfr_srcptr x, const interval::Enclosure& e, double cap);
Digits digits_at_scale(mpfr_srcptr x, const interval::Enclosure& e, mpfr_srcptr scale_lower_bound, double cap);

// Lower bound of min |y| over the enclosure (0 when it holds 0), into `out`.
void magnitude_lower_bound(mpfr_ptr out, const interval::Enclosure& e);

}  // namespace annealcheck::audit
