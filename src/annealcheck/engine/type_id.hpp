// The precision ladder: every supported number type, its stable id and its bits.
// Light header: names only; the types themselves live in numeric/*_traits.hpp and
// are instantiated one family per translation unit (engine/evaluate_*.cpp).
#pragma once

#include <string>
#include <vector>

namespace annealcheck::engine {

enum class Family {
  Float, Double, LongDouble, Float128,
  Mpfr128, Mpfr256, Mpfr1024, MpfrRuntime,
  CppBinFloat50, CppBinFloat100, GmpFloat50,
  Mpq, Mpfi256, MpfiRuntime,
};

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
