// Explicit instantiation of the rung audit for double (one type per TU).
#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_double(const RungRequest& r) { return audit_rung_typed<double>(r); }
}  // namespace annealcheck::audit
