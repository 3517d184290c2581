// Explicit instantiation of the prop1 bodies for numeric::mpfr128 (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_mpfr128(const Prop1Options& o) { return typed::run_prop1<numeric::mpfr128>(o); }
GeneralReport run_general_mpfr128(const GeneralOptions& o) { return typed::run_general<numeric::mpfr128>(o); }
}  // namespace annealcheck::prop1
