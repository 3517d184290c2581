// Test support: a strictly more precise reference (MPFR at 2048 bits) and the
// distance of a computed value from it in units of the computed type's epsilon.
#pragma once

#include "annealcheck/numeric/mpfr_traits.hpp"

#include <string>

namespace annealcheck::testing {

using Reference = numeric::mpfr_dynamic;
inline constexpr long kReferenceBits = 2048;

// x (of any ladder type) read exactly enough into the reference precision: its
// decimal expansion to bits·log10(2) + 30 digits, so the conversion adds < 1e-20 ulp.
template <class T>
Reference to_reference(const T& x) {
  using Tr = numeric::number_traits<T>;
  const std::string text = Tr::str(x, static_cast<int>(static_cast<double>(Tr::bits()) * 0.30103) + 30);
  numeric::scoped_mpfr_bits scope(kReferenceBits);
  return numeric::parse_number<Reference>(text);
}

// |x − ref| / (eps_T · |ref|): relative error in units of T's epsilon.
template <class T>
double error_in_eps(const T& x, const Reference& ref) {
  using Tr = numeric::number_traits<T>;
  const Reference e = to_reference(Tr::epsilon());  // before the scope: T's own epsilon
  numeric::scoped_mpfr_bits scope(kReferenceBits);
  const Reference d = abs(Reference(to_reference(x) - ref));
  if (ref == 0) return static_cast<double>(Reference(d / e));
  return static_cast<double>(Reference(d / (e * abs(ref))));
}

}  // namespace annealcheck::testing
