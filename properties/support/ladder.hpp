// The number types a true property runs at, registered from one generic check:
//
//   add_ladder<kExactRungs>(d, {.double_cases = 400, .mpfr256_cases = 100, .mpq_cases = 100},
//                           []<class T>(const Case& c) { return check<T>(c); });
//
// double always; in the full ladder (ANNEALCHECK_FULL_LADDER, every build but the
// mutant suites) also mpfr256, the runtime MPFR rung (mpfr:BITS, mpfr:random;
// precision shrinking, issue 14) where the rungs say so, and mpq where they say so.
// The rungs are template arguments so that a check is only instantiated for the
// types it is registered at (an Odeint check has no mpq form).
#pragma once

#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties::detail {

struct Rungs {
  bool runtime_mpfr = true;  // mpfr:BITS and mpfr:random
  bool mpq = false;          // exact rationals
};
inline constexpr Rungs kFloatRungs{};                                    // double, mpfr256, mpfr:BITS
inline constexpr Rungs kExactRungs{.runtime_mpfr = true, .mpq = true};   // ... and mpq
inline constexpr Rungs kFixedRungs{.runtime_mpfr = false, .mpq = false};  // double and mpfr256 only

struct LadderCases {  // default case counts per type (before ANNEALCHECK_THOROUGH)
  int double_cases;
  int mpfr256_cases;
  int mpq_cases = 0;
};

template <Rungs R, class Case, class Generic>
void add_ladder(PropertyDef<Case>& d, LadderCases n, const Generic& check) {
  auto at = [check]<class T>() { return [check](const Case& c) { return check.template operator()<T>(c); }; };
  d.template add_type<double>(n.double_cases, at.template operator()<double>());
#if ANNEALCHECK_FULL_LADDER
  d.template add_type<numeric::mpfr256>(n.mpfr256_cases, at.template operator()<numeric::mpfr256>());
  if constexpr (R.runtime_mpfr) d.add_runtime_mpfr(at.template operator()<numeric::mpfr_dynamic>());
  if constexpr (R.mpq) d.template add_type<numeric::mpq>(n.mpq_cases, at.template operator()<numeric::mpq>());
#else
  (void)at;
#endif
}

}  // namespace annealcheck::properties::detail
