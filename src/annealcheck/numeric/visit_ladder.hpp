// visit_ladder(type, f): the one dispatch from a runtime number type to code
// compiled for it. Calls f(LadderTag<F>{}) for the type's family F — under the
// type's own precision for mpfr:BITS (scoped_mpfr_bits, per thread) — and returns
// what f returns. f sees every family, intervals and mpq included, and decides
// with `if constexpr` what it supports:
//
//   return numeric::visit_ladder(spec, [&](auto tag) -> EvalReport {
//     if constexpr (numeric::is_interval(decltype(tag)::family)) throw InputError(...);
//     else return evaluate_in(tag, problem, options);   // one overload per type, one TU each
//   });
#pragma once

#include "annealcheck/numeric/ladder.hpp"
#include "annealcheck/numeric/mpfr_exact.hpp"

#include <stdexcept>
#include <utility>

namespace annealcheck::numeric {

namespace detail {
template <Family F, class Visitor>
decltype(auto) visit_family(long bits, Visitor&& f) {
  if constexpr (F == Family::MpfrRuntime) {
    scoped_mpfr_bits scope(static_cast<mpfr_prec_t>(bits));
    return std::forward<Visitor>(f)(LadderTag<F>{});
  } else {
    return std::forward<Visitor>(f)(LadderTag<F>{});
  }
}
}  // namespace detail

// Type: anything with `.family` (Family) and `.bits` (long), e.g. engine::TypeSpec.
template <class Type, class Visitor>
decltype(auto) visit_ladder(const Type& type, Visitor&& f) {
  switch (type.family) {
#define ANNEALCHECK_VISIT_CASE(family, ...) \
  case Family::family: return detail::visit_family<Family::family>(type.bits, std::forward<Visitor>(f));
    ANNEALCHECK_POINT_LADDER(ANNEALCHECK_VISIT_CASE)
#undef ANNEALCHECK_VISIT_CASE
    case Family::Mpfi256: return detail::visit_family<Family::Mpfi256>(type.bits, std::forward<Visitor>(f));
    case Family::MpfiRuntime: return detail::visit_family<Family::MpfiRuntime>(type.bits, std::forward<Visitor>(f));
  }
  throw std::invalid_argument("visit_ladder: not a number family");  // not reached: every family is a case
}

}  // namespace annealcheck::numeric
