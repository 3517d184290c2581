// Explicit instantiation of the Lemma 2 evaluation for numeric::mpfr1024 (one type per TU).
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

namespace annealcheck::engine {
EvalReport evaluate_mpfr1024(const Problem& p, const EvalOptions& opt) { return evaluate_typed<numeric::mpfr1024>(p, opt); }
}  // namespace annealcheck::engine
