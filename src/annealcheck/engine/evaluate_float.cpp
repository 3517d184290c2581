// Explicit instantiation of the Lemma 2 evaluation for float (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_float(const Problem& p, const EvalOptions& opt) { return evaluate_typed<float>(p, opt); }
}  // namespace annealcheck::engine
