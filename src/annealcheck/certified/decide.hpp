// One code path for certified verdicts: the certified reference of Lemma 2
// (interval/reference_result.hpp, MPFI from the exact rational instance) evaluated
// at start_bits, then at twice the bits, ... up to cap_bits, until every requested
// check is decided. Used by `eval --certified`, by the properties' certified checks
// (properties/exact/) and by `audit` (its reference, audit/audit.cpp).
//
// Contract: a check is proved / refuted only when the reference decides it at some
// precision (the first precision that does is recorded; a later contradiction is a
// bug in an enclosure and throws std::logic_error). A check still undecided at the
// cap is an *undecided tie* when its margin's enclosure holds 0 and is narrower
// than 2^(−cap/2) relative to its sides (an equality intervals cannot prove),
// else undecided.
#pragma once

#include "annealcheck/certified/decision.hpp"
#include "annealcheck/interval/reference_result.hpp"

#include <functional>
#include <string>
#include <vector>

namespace annealcheck::certified {

struct Options {
  long start_bits = 128;
  long cap_bits = 4096;
  std::size_t checkpoints = 16;  // the reference's own GF checkpoints (as eval)
  // Stop raising the precision once every open check looks like a tie (looks_like_tie)
  // at two successive precisions: an equality intervals never prove, so the cap would
  // only confirm it (a tie is never counted as proved). The properties' per-case
  // decisions use it; eval --certified goes to the cap.
  bool stop_at_ties = false;
};

struct Result {
  std::vector<CheckDecision> checks;      // the requested labels, in the reference's order
  std::vector<long> bits_tried;
  interval::ReferenceResult final;        // the reference at the last precision tried
  std::vector<std::string> pending;       // what was still open at the cap (besides ties)
  double seconds = 0;
  const CheckDecision* find(const std::string& label) const;
};

// Extra things the caller needs decided before it stops raising the precision
// (e.g. the audit's enclosure widths): returns what is still open at this precision.
using Pending = std::function<std::vector<std::string>(const interval::ReferenceResult&)>;

// labels: the checks to decide (empty: every check of the reference).
Result decide(const interval::ExactProblem& e, const Options& opt, const std::vector<std::string>& labels = {},
              const Pending& extra = {});

// Undecided at the cap, with a margin enclosure around 0 narrower than 2^(−bits/2)
// relative to its sides: consistent with an exact tie.
bool looks_like_tie(const interval::RefCheck& c, long bits);

}  // namespace annealcheck::certified
