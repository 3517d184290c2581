// Explicit instantiation of the Lemma 2 evaluation for long double (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_long_double(const Problem& p, const EvalOptions& opt) { return evaluate_typed<long double>(p, opt); }
}  // namespace annealcheck::engine
