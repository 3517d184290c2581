// What an audit measures (internal to audit/): the quantities with their SPEC
// labels, which of them count toward sufficiency, and the digit helpers shared by
// the reference loop (audit.cpp) and the per-rung comparison (rung_audit.cpp).
#pragma once

#include "annealcheck/interval/enclosure.hpp"
#include "annealcheck/interval/reference_result.hpp"

#include <string>
#include <vector>

namespace annealcheck::audit::detail {

struct QuantityInfo {
  const char* id;
  const char* label;
  const char* description;
  bool counted;
  bool unit_scale_at_zero = false;  // exactly 0: digits at scale 1 (c ∈ [0, 1)), not relative
};

// Pipeline order: inputs, GF run, annealed run. Counted: the stopping times, the
// population losses at both stops and the bounds (the quantities Lemma 2 is about).
const std::vector<QuantityInfo>& quantity_table();
const QuantityInfo& closed_form_info();

// One decimal, rounded down: 9.97 digits never prints as "10.0 < 10".
std::string fmt_digits(double d);
// The decimal digits of `bits` bits: no value can have more correct digits.
double digits_cap(long bits);
// Is the enclosure narrow enough to certify `digits` correct digits of a value?
bool narrow_enough(const interval::Enclosure& e, double digits);

}  // namespace annealcheck::audit::detail
