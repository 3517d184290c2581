// Building blocks of the properties' certified checks (RunOptions::certified):
// the certified reference through certified::decide (one code path with `eval
// --certified` and `audit`), exact rational decisions, and the summary of a case's
// decisions as a registry CertifiedVerdict.
//
// A case's decision is the conjunction of its checks' (refuted > undecided > tie >
// proved > n/a), except that a *premise* certified refuted makes the case n/a (it
// lies outside the statement: never a certified refutation of the claim), and that
// proved premises with only n/a conclusions are proved vacuously (the verdict names
// the n/a conclusion, how "vacuous").
#pragma once

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/engine/problem.hpp"
#include "properties/registry.hpp"

#include <functional>
#include <string>
#include <vector>

namespace annealcheck::properties::certified_checks {

using certified::CheckDecision;
using certified::Decision;

// The precision ladder of every certified property check: 128 bits doubling to 4096.
certified::Options options(std::size_t checkpoints);

// A claim computed from the reference's enclosures at one precision (e.g. F2's bound
// without (1 − α)); Undecided makes decide() raise the precision.
using Claim = std::function<CheckDecision(const interval::ReferenceResult&, const interval::ExactProblem&)>;

// The reference's `labels` (premises first), plus `claim` when given, decided with
// raising precision. Premises are summarised as above.
CertifiedVerdict decide_labels(const engine::Problem& p, std::size_t checkpoints, const std::vector<std::string>& premises,
                               const std::vector<std::string>& labels, const Claim& claim = {});

CertifiedVerdict summarize(const std::vector<CheckDecision>& checks, const std::vector<std::string>& premises = {});

CheckDecision exact_decision(std::string label, bool holds, std::string how, std::string note = {});
CheckDecision tie(std::string label, std::string note);
CheckDecision not_applicable(std::string label, std::string note);

// lhs ≤ rhs (upper) or lhs ≥ rhs decided from enclosures: margin = rhs − lhs (upper) or lhs − rhs.
CheckDecision by_enclosures(std::string label, const interval::Enclosure& lhs, const interval::Enclosure& rhs, bool upper, std::string how);

// Enclosure arithmetic (outward rounding, at the wider operand's precision).
interval::Enclosure add(const interval::Enclosure& a, const interval::Enclosure& b);
interval::Enclosure max(const interval::Enclosure& a, const interval::Enclosure& b);  // [max lo, max hi]
interval::Enclosure mul_q(const interval::Enclosure& a, const numeric::Rational& q);
interval::Enclosure from_q(const numeric::Rational& q, long bits);
interval::Enclosure pow_q(const numeric::Rational& q, unsigned long n, long bits);  // q^n
interval::Enclosure sqrt_q(const numeric::Rational& q, long bits);

}  // namespace annealcheck::properties::certified_checks
