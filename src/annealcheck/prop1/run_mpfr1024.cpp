// Explicit instantiation of the prop1 bodies for numeric::mpfr1024 (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_mpfr1024(const Prop1Options& o) { return typed::run_prop1<numeric::mpfr1024>(o); }
GeneralReport run_general_mpfr1024(const GeneralOptions& o) { return typed::run_general<numeric::mpfr1024>(o); }
}  // namespace annealcheck::prop1
