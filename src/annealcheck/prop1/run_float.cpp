// Explicit instantiation of the prop1 bodies for float (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_float(const Prop1Options& o) { return typed::run_prop1<float>(o); }
GeneralReport run_general_float(const GeneralOptions& o) { return typed::run_general<float>(o); }
}  // namespace annealcheck::prop1
