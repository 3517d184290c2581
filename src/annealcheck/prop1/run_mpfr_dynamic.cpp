// Explicit instantiation of the prop1 bodies for numeric::mpfr_dynamic (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_mpfr_dynamic(const Prop1Options& o) { return typed::run_prop1<numeric::mpfr_dynamic>(o); }
GeneralReport run_general_mpfr_dynamic(const GeneralOptions& o) { return typed::run_general<numeric::mpfr_dynamic>(o); }
}  // namespace annealcheck::prop1
