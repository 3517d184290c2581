// The precision ladder: every supported number type, its stable id and its bits.
// Light header: names only; the families and the one list of point types are in
// numeric/ladder.hpp, the types themselves in numeric/*_traits.hpp, instantiated
// one type per translation unit (generated from that list; numeric/visit_ladder.hpp).
#pragma once

#include "annealcheck/numeric/ladder.hpp"

#include <string>
#include <vector>

namespace annealcheck::engine {

using Family = numeric::Family;

struct TypeSpec {
  std::string id;   // as given: "double", "mpfr:300", ...
  Family family;
  long bits;        // significand bits (0 for mpq; for runtime types, the bits asked for)
  bool interval = false;
  bool exact = false;
};

// Throws InputError naming the option and listing the valid ids.
TypeSpec parse_type_id(const std::string& id, const std::string& option = "--type");

struct LadderEntry {
  std::string id;
  long bits;
  std::string description;
};
const std::vector<LadderEntry>& ladder();

// The smallest point (non-interval, non-exact) rung with at least `bits` significand
// bits ("mpfr:N" beyond mpfr1024): which type would decide a within-rounding check.
std::string rung_for_bits(long bits);

}  // namespace annealcheck::engine
