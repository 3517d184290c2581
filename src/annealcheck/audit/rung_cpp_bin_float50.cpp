// Explicit instantiation of the rung audit for numeric::cpp_bin_float50 (one type per TU).
#include "annealcheck/audit/exact_mpfr/cpp_bin_float.hpp"
#include "annealcheck/audit/rung_typed.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"

namespace annealcheck::audit {
RungValues audit_rung_cpp_bin_float50(const RungRequest& r) { return audit_rung_typed<numeric::cpp_bin_float50>(r); }
}  // namespace annealcheck::audit
