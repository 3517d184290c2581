// A three-valued verdict: decided either way, or undecided because the two
// sides are within the rounding allowance of each other (never guessed).
#pragma once

namespace annealcheck::prop1 {

enum class Decision { Holds, Fails, Undecided };

inline const char* decision_name(Decision d) {
  switch (d) {
    case Decision::Holds: return "holds";
    case Decision::Fails: return "fails";
    case Decision::Undecided: return "undecided";
  }
  return "?";
}

}  // namespace annealcheck::prop1
