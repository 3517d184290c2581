// Explicit instantiation of the Lemma 2 evaluation for double (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_double(const Problem& p, const EvalOptions& opt) { return evaluate_typed<double>(p, opt); }
}  // namespace annealcheck::engine
