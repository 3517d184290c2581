// Explicit instantiation of the prop1 bodies for double (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_double(const Prop1Options& o) { return typed::run_prop1<double>(o); }
GeneralReport run_general_double(const GeneralOptions& o) { return typed::run_general<double>(o); }
}  // namespace annealcheck::prop1
