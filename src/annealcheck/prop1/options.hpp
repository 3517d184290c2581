// The exact inputs of `prop1` and `prop1 general`, parsed and validated from
// their texts (InputError naming the option, the value and the expectation).
#pragma once

#include "annealcheck/prop1/data_model.hpp"
#include "annealcheck/prop1/report.hpp"

#include <optional>

namespace annealcheck::prop1 {

struct Prop1Inputs {
  Rational alpha, eps, r;            // r: threshold for the ratio (default 2(1 − α))
  std::optional<Rational> odeint_tol;
};

struct GeneralInputs {
  DataModel model;
  Rational alpha, eps, r;
  std::optional<Rational> eta;       // nullopt: per draw, 1/γ_1 of the draw
};

Prop1Inputs parse_prop1_inputs(const Prop1Options& o);
GeneralInputs parse_general_inputs(const GeneralOptions& o);

// exact text of a rational (p/q), and of a d×d row-major matrix
std::string matrix_text(const std::vector<Rational>& a, std::size_t d);
std::string vector_text(const std::vector<Rational>& v);

}  // namespace annealcheck::prop1
