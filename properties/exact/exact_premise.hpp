// A premise of Lemma 2 is a function of the exact input (SPEC §3: (C1), (C1′),
// (C2), (C2′)), so it is decided on the exact input, never in the run type
// (issue 21, item 2): when a constructed premise is within rounding (or not
// representable) in T, the certified reference decides it from the exact
// rational instance at 128 bits doubling to 4096 (premises only: cheap).
//
//   proved    the case goes on in T: the premise holds for the exact input
//   otherwise the case is discarded with the reason, never a counterexample
// Light header (no Boost, no MPFI): included from the templated property checks.
#pragma once

#include <optional>
#include <string>

namespace annealcheck::model {
struct InstanceSpec;
}

namespace annealcheck::properties {

// nullopt: `label` ("C1", "C1'", "C2", "C2'") is proved on the exact instance; else
// why the case is discarded, e.g. "premise C2 refuted on the exact input (interval (logs), 128 bits)".
std::optional<std::string> exact_premise_refusal(const model::InstanceSpec& spec, const std::string& label);

}  // namespace annealcheck::properties
