// Explicit instantiation of the Lemma 2 evaluation for numeric::gmp_float50 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_gmp_float50(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::gmp_float50>(p, opt); }
}  // namespace annealcheck::engine
