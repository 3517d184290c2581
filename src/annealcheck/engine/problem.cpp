#include "annealcheck/engine/problem.hpp"

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

namespace annealcheck::engine {

Prop1Case21 prop1_case21(const std::string& alpha, const std::string& eps, long K) {
  using numeric::Rational;
  Prop1Case21 p;
  try {
    p.alpha = model::exact(alpha);
  } catch (const InputError& e) {
    throw InputError("--alpha", e.value(), e.expected());
  }
  try {
    p.eps = model::exact(eps);
  } catch (const InputError& e) {
    throw InputError("--eps", e.value(), e.expected());
  }
  if (p.alpha.value.sign() <= 0 || p.alpha.value >= Rational(1))
    throw InputError("--alpha", "\"" + alpha + "\"", "a value in the open interval (0, 1)");
  if (p.eps.value.sign() <= 0) throw InputError("--eps", "\"" + eps + "\"", "eps > 0");
  if (K < 0 || K > limits::kMaxStepwiseK)
    throw InputError("--K", std::to_string(K), "an integer in 0.." + std::to_string(limits::kMaxStepwiseK) +
                                                   " (max_stepwise_K: every GD step is checked; see `annealcheck limits`)");
  p.K = K;
  return p;
}

}  // namespace annealcheck::engine
