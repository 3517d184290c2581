// What `eval` evaluates: an instance file, or Proposition 1's (2,1) case (SPEC §4),
// whose δ(0) = −β* = −100·α^{−1/2}·(1, 1) is irrational and so is built in each
// number type rather than read as text.
#pragma once

#include "annealcheck/model/instance_spec.hpp"

#include <variant>

namespace annealcheck::engine {

struct Prop1Case21 {
  model::ExactValue alpha, eps;
  long K = 10;
};

using Problem = std::variant<model::InstanceSpec, Prop1Case21>;

// Validates α ∈ (0,1), ε > 0, 0 ≤ K ≤ limits::kMaxStepwiseK (InputError otherwise).
Prop1Case21 prop1_case21(const std::string& alpha, const std::string& eps, long K);

}  // namespace annealcheck::engine
