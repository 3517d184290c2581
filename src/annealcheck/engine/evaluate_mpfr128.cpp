// Explicit instantiation of the Lemma 2 evaluation for numeric::mpfr128 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_mpfr128(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::mpfr128>(p, opt); }
}  // namespace annealcheck::engine
