// The certified reference at run-time precision: ReferenceEvaluator instantiated
// for numeric::mpfi_dynamic (MPFI, bits chosen per call). One TU: the heavy MPFI
// and Boost.Math headers stay here.
#include "annealcheck/interval/reference_lemma2.hpp"

namespace annealcheck::interval {

namespace {

// MPFI values made in this scope carry >= bits bits; MPFR approximations the same.
struct PrecisionScope {
  explicit PrecisionScope(long bits) : mpfi(bits), mpfr(bits) {}
  numeric::scoped_mpfi_bits mpfi;
  numeric::scoped_mpfr_bits mpfr;
};

}  // namespace

ReferenceResult evaluate_reference(const ExactProblem& e, long bits, const ReferenceOptions& opt) {
  PrecisionScope scope(bits);
  ReferenceEvaluator<0> ev(e, opt.checkpoints);
  return ev.run(opt.premises_only);
}

RefCheck reference_check_at(const ExactProblem& e, long bits, const std::string& label, const TrajectoryPoint& at,
                            std::optional<long> reference_gd_steps) {
  PrecisionScope scope(bits);
  ReferenceEvaluator<0> ev(e, 16);
  return ev.check_at(label, at, reference_gd_steps);
}

}  // namespace annealcheck::interval
