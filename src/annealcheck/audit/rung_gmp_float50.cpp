// Explicit instantiation of the rung audit for numeric::gmp_float50 (one type per TU).
#include "annealcheck/audit/exact_mpfr/gmp_float.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_gmp_float50(const RungRequest& r) { return audit_rung_typed<numeric::gmp_float50>(r); }
}  // namespace annealcheck::audit
