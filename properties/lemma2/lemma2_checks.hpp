// Shared pieces of the Lemma 2 properties (SPEC §3): where a GF checkpoint is,
// the constructed premises, and a flow state with its error bounds. The premises,
// ratios and error bounds themselves are the core's (lemma2/conditions.hpp,
// lemma2/error_bounds.hpp): one copy for eval and the properties.
//
// Every checkpoint δ(t) of a flow is the stopping point of GF(ε′) with
// ε′ = L̂(δ(t)) (SPEC §3 "At every step"), so a property compares sides computed
// at the same t: no stopping-time error enters, only the mass-weighted rounding
// of the flow state (error_bounds.md §2).
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/model/losses.hpp"
#include "properties/exact/exact_premise.hpp"
#include "properties/support/runner.hpp"
#include "properties/support/verdict.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::properties::lemma2_checks {

template <numeric::RealNumber T>
std::string where_gf(const dynamics::StepEvent<T>& e, std::size_t checkpoints, const std::string& prefix = "") {
  const std::string t = e.time ? numeric::number_traits<T>::str(*e.time, 6) : "?";
  if (e.index == checkpoints) return prefix + "GF stop (checkpoint " + std::to_string(e.index) + ", t = " + t + ")";
  return prefix + "GF checkpoint " + std::to_string(e.index) + " of " + std::to_string(checkpoints) + " (t = " + t + ")";
}

// A premise the generator constructed, decided in T and, when T cannot decide it,
// on the exact input (certified/exact_premise.hpp, issue 21): nullopt when it holds
// (the case goes on in T), else the case is discarded with the reason — a premise
// is never a counterexample. A premise T refutes beyond its error bound is refuted
// of the exact input too, and discarded likewise.
template <numeric::OrderedNumber T>
std::optional<detail::CaseCheck> premise_failure(const Inequality<T>& q, const model::InstanceSpec& spec) {
  if (q.verdict == lemma2::Verdict::Holds) return std::nullopt;
  std::optional<std::string> why;
  if (q.verdict == lemma2::Verdict::Fails)
    why = "premise " + q.label + " fails on the exact input (refuted beyond rounding in " + numeric::number_traits<T>::id() + ")";
  else
    why = exact_premise_refusal(spec, q.label);
  if (!why) return std::nullopt;
  Verdict v = to_verdict(q);
  v.label += " (premise, constructed)";
  return detail::CaseCheck{v, *why};
}

// The instance in T with its input bounds: what every Lemma 2 property starts from.
template <numeric::RealNumber T>
struct Setup {
  model::Instance<T> in;
  lemma2::Blocks<T> b;
  lemma2::InputSides<T> s;
  explicit Setup(const model::InstanceSpec& spec) : in(model::materialize<T>(spec)), b(lemma2::blocks(in)), s(lemma2::input_sides(in, b)) {}
  Setup(const Setup&) = delete;
};

// Σ_S γ_iδ_i(0)² = 0: (C2) holds trivially (the lemma's S-part is empty).
template <numeric::OrderedNumber T>
bool zero_sum_S(const lemma2::InputSides<T>& s) {
  return s.loss_S0.value == numeric::from_int<T>(0) && s.loss_S0.error == numeric::from_int<T>(0);
}

// The same on the exact instance: every S-coordinate has γ_i = 0 or δ_i(0) = 0, so
// (C2), (C2′) hold by construction (ρ ln ε + ln 0 = −∞). The properties decide this
// exactly: in T the sum is 0 too, but its error bound keeps an underflow allowance,
// and then condition_c2's value form 0 ≤ α M^{1+ρ} is undecidable wherever α M^{1+ρ}
// underflows in T (e.g. M′ = 1e−3, ρ = 999 in double).
inline bool zero_sum_S(const model::InstanceSpec& spec) {
  for (std::size_t i = 0; i + 1 < spec.k; ++i)
    if (spec.gamma[i].value.sign() != 0 && spec.delta0[i].value.sign() != 0) return false;
  return true;
}

}  // namespace annealcheck::properties::lemma2_checks
