// Explicit instantiation of the Lemma 2 evaluation for numeric::cpp_bin_float100 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_cpp_bin_float100(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::cpp_bin_float100>(p, opt); }
}  // namespace annealcheck::engine
