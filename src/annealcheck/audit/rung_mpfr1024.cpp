// Explicit instantiation of the rung audit for numeric::mpfr1024 (one type per TU).
#include "annealcheck/audit/exact_mpfr/mpfr.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_mpfr1024(const RungRequest& r) { return audit_rung_typed<numeric::mpfr1024>(r); }
}  // namespace annealcheck::audit
