#include "properties/exact/exact_premise.hpp"

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/interval/exact_problem.hpp"

#include <fmt/format.h>

namespace annealcheck::properties {

std::optional<std::string> exact_premise_refusal(const model::InstanceSpec& spec, const std::string& label) {
  // A premise label alone: the reference evaluates the premises only (ReferenceScope).
  const certified::Result r = certified::decide(interval::exact_problem(engine::Problem(spec)), {}, {label});
  const certified::CheckDecision& d = r.checks.front();
  if (d.decision == certified::Decision::Proved) return std::nullopt;
  const std::string at = d.bits ? fmt::format("{} bits", d.bits) : std::string("exact");
  return fmt::format("premise {} {} on the exact input ({}, {})", label, certified::decision_name(d.decision), d.how.empty() ? "certified reference" : d.how, at);
}

}  // namespace annealcheck::properties
