// Explicit instantiation of the prop1 bodies for long double (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_long_double(const Prop1Options& o) { return typed::run_prop1<long double>(o); }
GeneralReport run_general_long_double(const GeneralOptions& o) { return typed::run_general<long double>(o); }
}  // namespace annealcheck::prop1
