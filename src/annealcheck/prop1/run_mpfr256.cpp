// Explicit instantiation of the prop1 bodies for numeric::mpfr256 (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_mpfr256(const Prop1Options& o) { return typed::run_prop1<numeric::mpfr256>(o); }
GeneralReport run_general_mpfr256(const GeneralOptions& o) { return typed::run_general<numeric::mpfr256>(o); }
}  // namespace annealcheck::prop1
