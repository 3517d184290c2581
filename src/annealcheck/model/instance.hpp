// A Lemma 2 instance in a number type T: the spec's exact values, each rounded
// once to T (numeric/number_traits.hpp), plus the derived step η and gap ρ.
#pragma once

#include "annealcheck/dynamics/mutant.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <cstddef>
#include <vector>

namespace annealcheck::model {

template <numeric::LadderNumber T>
struct Instance {
  std::vector<T> gamma, lambda, delta0;
  std::size_t k = 2;  // 1-based split: S = {1..k-1}, S̄ = {k..d}
  T rho, alpha, eps, eta;
  long K = 0;

  std::size_t dim() const { return gamma.size(); }
};

template <numeric::LadderNumber T>
std::vector<T> to_numbers(const std::vector<ExactValue>& v) {
  std::vector<T> out;
  out.reserve(v.size());
  for (const auto& e : v) out.push_back(numeric::number_traits<T>::from_rational(e.value));
  return out;
}

// Rounds every value once. ρ defaults to the largest valid gap (exact, then
// rounded; 1 when γ_k = 0, where every gap is valid); η defaults to 1/γ_1 computed
// in T — so fl(1/fl(γ_1)), the hazard of SPEC §6.
template <numeric::LadderNumber T>
Instance<T> materialize(const InstanceSpec& s) {
  using Tr = numeric::number_traits<T>;
  Instance<T> in;
  in.gamma = to_numbers<T>(s.gamma);
  in.lambda = to_numbers<T>(s.lambda);
  in.delta0 = to_numbers<T>(s.delta0);
  in.k = s.k;
  if (s.rho) in.rho = Tr::from_rational(s.rho->value);
  else if (const auto m = max_rho(s)) in.rho = Tr::from_rational(*m);
  else in.rho = numeric::from_int<T>(1);
  in.alpha = Tr::from_rational(s.alpha.value);
  in.eps = Tr::from_rational(s.eps.value);
  const std::size_t top = dynamics::active_mutant == ANNEALCHECK_MUTANT_ETA_GAMMA2 && in.gamma.size() > 1 ? 1 : 0;  // mutant.hpp
  in.eta = s.eta ? Tr::from_rational(s.eta->value) : T(numeric::from_int<T>(1) / in.gamma[top]);
  in.K = s.K;
  return in;
}

}  // namespace annealcheck::model
