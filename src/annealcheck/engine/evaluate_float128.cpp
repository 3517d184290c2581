// Explicit instantiation of the Lemma 2 evaluation for numeric::float128 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/float128_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_float128(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::float128>(p, opt); }
}  // namespace annealcheck::engine
