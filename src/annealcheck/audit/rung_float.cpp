// Explicit instantiation of the rung audit for float (one type per TU).
#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_float(const RungRequest& r) { return audit_rung_typed<float>(r); }
}  // namespace annealcheck::audit
