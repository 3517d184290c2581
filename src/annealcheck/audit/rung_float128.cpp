// Explicit instantiation of the rung audit for numeric::float128 (one type per TU).
#include "annealcheck/audit/exact_mpfr/float128.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/float128_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_float128(const RungRequest& r) { return audit_rung_typed<numeric::float128>(r); }
}  // namespace annealcheck::audit
