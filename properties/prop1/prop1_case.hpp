// Proposition 1 cases (SPEC §4): α, ε ∈ (0,1), K GD steps, GF checkpoints; the
// instance itself is fixed by the proposition (δ(0) = −100·α^{−1/2}·(1, 1) is
// irrational, so it is built in each number type, as engine::materialize_prop1 does).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/rational.hpp"
#include "properties/support/case_facts.hpp"

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

#include <cmath>
#include <vector>

namespace annealcheck::properties {

struct Prop1Case {
  numeric::Rational alpha, eps;
  long K = 1;
  std::size_t checkpoints = 8;
};

// min_K: 1 for the (2,1) case (SPEC: K ≥ 1), 0 for (3,0). max_K caps K where the
// type's exponent range demands it ((3,0) grows like 2^K: 400 in double, where
// L̂ = (2^K·100/√α)² must stay finite).
rc::Gen<Prop1Case> prop1_case(long min_K, long max_K);
nlohmann::json to_json(const Prop1Case& c);
Prop1Case prop1_case_from_json(const nlohmann::json& j);
CaseFacts facts(const Prop1Case& c);
void showValue(const Prop1Case& c, std::ostream& os);

// The (3,0) instance of SPEC §4: γ = (1, 0), λ = (1/2, 1/2), δ(0) = −100/√α·(1, 1), η = 3/2.
template <numeric::RealNumber T>
struct Case30 {
  std::vector<T> gamma, lambda, delta0;
  T alpha, eps, eta;
};

template <numeric::RealNumber T>
Case30<T> materialize_case30(const Prop1Case& c) {
  using std::sqrt;
  using Tr = numeric::number_traits<T>;
  Case30<T> in;
  in.gamma = {numeric::from_int<T>(1), numeric::from_int<T>(0)};
  in.lambda = {Tr::from_rational(numeric::Rational(1, 2)), Tr::from_rational(numeric::Rational(1, 2))};
  in.alpha = Tr::from_rational(c.alpha);
  const T d0 = numeric::from_int<T>(-100) / sqrt(in.alpha);
  in.delta0 = {d0, d0};
  in.eps = Tr::from_rational(c.eps);
  in.eta = Tr::from_rational(numeric::Rational(3, 2));
  return in;
}

template <numeric::LadderNumber T>
bool is_finite(const T& x) {
  const T z = x - x;  // NaN for ±inf and NaN
  return z == numeric::from_int<T>(0);
}

}  // namespace annealcheck::properties
