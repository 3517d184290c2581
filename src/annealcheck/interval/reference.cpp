// The certified reference at run-time precision: ReferenceEvaluator instantiated
// for numeric::mpfi_dynamic (MPFI, bits chosen per call). One TU: the heavy MPFI
// and Boost.Math headers stay here.
#include "annealcheck/interval/reference_lemma2.hpp"

#include <initializer_list>
#include <string>

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
  return ev.run(opt.scope);
}

ReferenceScope ReferenceScope::for_labels(const std::vector<std::string>& labels) {
  if (labels.empty()) return {};
  const auto has = [&](std::initializer_list<const char*> xs) {
    for (const auto& l : labels)
      for (const char* x : xs)
        if (l == x || (x[std::char_traits<char>::length(x) - 1] == '*' && l.rfind(std::string(x, std::char_traits<char>::length(x) - 1), 0) == 0))
          return true;
    return false;
  };
  ReferenceScope s;
  s.annealed_checkpoints = has({"A.1@GF"});
  s.annealed = s.annealed_checkpoints || has({"A", "A.1", "E3.*"});  // E3 at both stops is stated with the annealed run
  s.flow_checkpoints = has({"G@GF"});
  s.flow = s.annealed || s.flow_checkpoints || has({"G", "P1", "P2.S", "P2.Sbar"});
  s.descent = s.annealed || has({"P3", "P4", "P5"});
  return s;
}

RefCheck reference_check_at(const ExactProblem& e, long bits, const std::string& label, const TrajectoryPoint& at,
                            std::optional<long> reference_gd_steps) {
  PrecisionScope scope(bits);
  ReferenceEvaluator<0> ev(e, 16);
  return ev.check_at(label, at, reference_gd_steps);
}

}  // namespace annealcheck::interval
