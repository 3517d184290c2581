// Dimension reduction of a Lemma 2 counterexample (after RapidCheck's shrink).
//
// RapidCheck shrinks a gen::exec-built case draw by draw; d is the first draw and
// every later draw (spectrum, λ, δ(0), ...) has length d, so lowering d regenerates
// them and the failure is usually lost: a false claim's counterexample can stay at
// d = 4..8. The reduction removes one coordinate i ≥ 1 at a time (γ_i, λ_i, δ_i(0);
// k − 1 when i lies in S), keeping γ_1 (and with it a step η given relative to γ_1)
// and every other field. A candidate is offered only when it is a valid instance
// and the generator's premises still hold (premises_hold); the caller keeps it
// when the claim still fails by the same decision rule, and repeats.
#pragma once

#include "properties/support/lemma2_case.hpp"

#include <vector>

namespace annealcheck::properties {

// `c` without coordinate i (1 ≤ i < d), k adjusted; no validation.
Lemma2Case without_coordinate(const Lemma2Case& c, std::size_t i);

// Every one-coordinate removal of `c` (i = 1..d−1 in order) that is valid and keeps `premises`.
std::vector<Lemma2Case> lemma2_reductions(const Lemma2Case& c, Premises premises);

}  // namespace annealcheck::properties
