// Explicit instantiation of the rung audit for numeric::mpfr_dynamic (one type per TU).
#include "annealcheck/audit/exact_mpfr/mpfr.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_mpfr_dynamic(const RungRequest& r) { return audit_rung_typed<numeric::mpfr_dynamic>(r); }
}  // namespace annealcheck::audit
