// Explicit instantiation of the prop1 bodies for numeric::cpp_bin_float50 (one number type per TU).
#include "annealcheck/prop1/prop1_typed.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"

namespace annealcheck::prop1 {
Prop1Report run_prop1_cpp_bin_float50(const Prop1Options& o) { return typed::run_prop1<numeric::cpp_bin_float50>(o); }
GeneralReport run_general_cpp_bin_float50(const GeneralOptions& o) { return typed::run_general<numeric::cpp_bin_float50>(o); }
}  // namespace annealcheck::prop1
