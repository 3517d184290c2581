// Explicit instantiation of the prop1 bodies for numeric::float128 (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/float128_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_float128(const Prop1Options& o) { return typed::run_prop1<numeric::float128>(o); }
GeneralReport run_general_float128(const GeneralOptions& o) { return typed::run_general<numeric::float128>(o); }
}  // namespace annealcheck::prop1
