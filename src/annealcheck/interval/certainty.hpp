// Three-valued verdicts of the certified reference (plus "not applicable"):
// proved when every point of the enclosures satisfies the inequality, refuted when
// none does, undecided otherwise. Overlap is never a pass.
#pragma once

namespace annealcheck::interval {

enum class Certainty { Proved, Refuted, Undecided, NotApplicable };

inline const char* certainty_name(Certainty c) {
  switch (c) {
    case Certainty::Proved: return "proved";
    case Certainty::Refuted: return "refuted";
    case Certainty::Undecided: return "undecided";
    case Certainty::NotApplicable: return "n/a";
  }
  return "?";
}

}  // namespace annealcheck::interval
