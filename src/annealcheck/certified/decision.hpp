// Verdicts that cannot lie (issue 9, item 4): the outcome of deciding one
// inequality of SPEC §3 with certified arithmetic.
//
//   proved         every point of the enclosures satisfies it, or it was decided
//                  exactly in rationals (e.g. (P3) from |1 − 2ηγ_i| = 1)
//   refuted        no point does: the violation is certified
//   undecided      the enclosures overlap at the precision cap
//   undecided tie  an equality (or an inequality attained with equality) that
//                  intervals cannot prove and no exact computation decided: never
//                  counted as proved
//   n/a            the check does not apply to the instance
// Light header (no Boost): enclosures are MPFI values (interval/enclosure.hpp).
#pragma once

#include "annealcheck/interval/enclosure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::certified {

enum class Decision { Proved, Refuted, Undecided, Tie, NotApplicable };

inline const char* decision_name(Decision d) {
  switch (d) {
    case Decision::Proved: return "proved";
    case Decision::Refuted: return "refuted";
    case Decision::Undecided: return "undecided";
    case Decision::Tie: return "undecided tie";
    case Decision::NotApplicable: return "n/a";
  }
  return "?";
}

// The decision of a conjunction: refuted > undecided > tie > proved > n/a.
inline Decision conjunction(Decision a, Decision b) {
  auto rank = [](Decision d) {
    switch (d) {
      case Decision::Refuted: return 4;
      case Decision::Undecided: return 3;
      case Decision::Tie: return 2;
      case Decision::Proved: return 1;
      case Decision::NotApplicable: return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

struct CheckDecision {
  std::string label;                            // SPEC label, as lemma2::evaluate ("G", "A.1", "P3", ...)
  Decision decision = Decision::Undecided;
  long bits = 0;                                // MPFI precision that decided it (the cap when undecided; 0: exact)
  std::optional<interval::Enclosure> lhs, rhs, margin;  // margin >= 0: holds
  std::string how;                              // "exact rational", "interval", "structural: ..."
  std::string note;
};

}  // namespace annealcheck::certified
