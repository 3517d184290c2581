// A Lemma 2 instance as read from a file: every value as its exact text and its
// exact rational, validated exactly (SPEC §3 inputs) before any rounding.
//
// JSON: {"gamma": [...], "lambda": [...], "delta0": [...], "k": 2,
//        "rho": "...", "alpha": "...", "eps": "...", "K": 10, "eta": "...", "checkpoints": 16}
// Numbers may be JSON numbers or strings ("1e-30", "2/3"). rho, alpha, eps, K and
// eta are optional; see the defaults below.
#pragma once

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace annealcheck::model {

using ExactValue = io::ExactNumber;  // the text as written and exactly its value

struct InstanceSpec {
  std::vector<ExactValue> gamma;   // γ_1 ≥ … ≥ γ_d ≥ 0
  std::vector<ExactValue> lambda;  // λ_i > 0
  std::vector<ExactValue> delta0;  // δ(0)
  std::size_t k = 2;               // split (1-based): S = {1..k-1}, S̄ = {k..d}
  std::optional<ExactValue> rho;   // gap; default: the largest valid, γ_{k-1}/γ_k − 1
  ExactValue alpha;                // α ∈ (0,1); default 1/2
  ExactValue eps;                  // ε > 0; default L̂(δ(0))/10^6
  long K = 10;                     // GD steps of the annealed run, ≥ 0
  std::optional<ExactValue> eta;   // GD step; default 1/γ_1 (computed in the number type)
  std::optional<std::size_t> checkpoints;  // GF checkpoints for `eval` (property cases carry theirs)
  std::string source = "instance"; // where it came from, for messages

  std::size_t dim() const { return gamma.size(); }
};

ExactValue exact(const numeric::Rational& q);
ExactValue exact(const std::string& text);  // throws InputError on a bad number

// Reads and validates; throws InputError naming the field, value and expectation.
InstanceSpec instance_from_json(const nlohmann::json& j, const std::string& source);
InstanceSpec read_instance_file(const std::string& path);
void validate(const InstanceSpec& spec);  // the checks instance_from_json runs
nlohmann::json instance_to_json(const InstanceSpec& spec);  // exact texts; reads back equal

// Largest valid gap ρ = γ_{k-1}/γ_k − 1 (nullopt when γ_k = 0: any ρ is valid).
std::optional<numeric::Rational> max_rho(const InstanceSpec& spec);

}  // namespace annealcheck::model
