// Explicit instantiation of the Lemma 2 evaluation for numeric::mpfr256 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_mpfr256(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::mpfr256>(p, opt); }
}  // namespace annealcheck::engine
