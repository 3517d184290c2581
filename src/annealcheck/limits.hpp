// The harness's input limits, in one place. Every reader and option checks its
// input against these before allocating or starting work, and reports a breach
// as bad input (exit 2) naming the limit; `annealcheck limits` prints this table.
//
// Memory and time: an instance of dimension d holds 3·d exact rationals (text +
// GMP mpq) and, while it is evaluated, O(d) numbers of the chosen type per
// trajectory. Measured with K = 10 at d = 20 000: 19 MB and 0.4 s at double,
// 53 MB and 195 s at mpfr1024 — about 2 KB per coordinate, so about 200 MB at
// kMaxDimension (the limit bounds memory, not time). Stepwise checks cost O(d·K).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace annealcheck::limits {

inline constexpr std::size_t kMaxDimension = 100'000;          // d: entries of gamma, lambda, delta0
inline constexpr long kMaxStepwiseK = 1'000'000;               // K of a Lemma 2 run (eval, audit, instance files)
inline constexpr long kMaxCertifiedK = 2'000;                 // K of a Coq certificate (a unary nat in Coq; coqc overflows at 10^6)
inline constexpr long long kMaxCoordinateSteps = 100'000'000;  // d·K of a Lemma 2 run
inline constexpr std::size_t kMaxCheckpoints = 100'000;        // GF checkpoints (--checkpoints, "checkpoints")
inline constexpr std::size_t kMaxInputBytes = 16u << 20;       // any JSON file read (instance, report, campaign)
inline constexpr std::size_t kMaxNesting = 64;                 // JSON arrays/objects inside one another
inline constexpr std::size_t kMaxArrayItems = kMaxDimension;   // items of any one JSON array
inline constexpr std::size_t kMaxObjectMembers = 1'000;        // members of any one JSON object
inline constexpr long kMaxDecimalExponent = 100'000;           // |e| in a number like "1e-30"
inline constexpr long kMaxBits = 100'000;                      // mpfr:BITS / mpfi:BITS
inline constexpr std::size_t kMaxClaimBytes = 1u << 20;        // bytes of one --claim / claims-file line
inline constexpr std::size_t kMaxClaimDepth = 200;             // nesting of a claim: brackets, signs, operators
inline constexpr std::size_t kQuoteChars = 60;                 // error messages quote at most this much of a value

struct LimitRow {
  std::string name, value, what;
};

// The table `annealcheck limits` prints (and --help points to).
inline std::vector<LimitRow> table() {
  return {
      {"max_dimension", std::to_string(kMaxDimension), "d, the length of gamma, lambda and delta0 (about 2 KB per coordinate at mpfr1024)"},
      {"max_stepwise_K", std::to_string(kMaxStepwiseK), "K, GD steps of a Lemma 2 run checked step by step (eval, audit, instance files)"},
      {"max_certified_K", std::to_string(kMaxCertifiedK), "K of `certify --coq` (K is a unary nat in Coq; K = 2000 checks in about 12 s)"},
      {"max_coordinate_steps", std::to_string(kMaxCoordinateSteps), "d*K of a Lemma 2 run"},
      {"max_checkpoints", std::to_string(kMaxCheckpoints), "GF checkpoints (--checkpoints, \"checkpoints\")"},
      {"max_input_bytes", std::to_string(kMaxInputBytes), "bytes of any JSON input file (instance, report)"},
      {"max_nesting", std::to_string(kMaxNesting), "JSON arrays/objects nested inside one another"},
      {"max_array_items", std::to_string(kMaxArrayItems), "items of one JSON array"},
      {"max_object_members", std::to_string(kMaxObjectMembers), "members of one JSON object"},
      {"max_decimal_exponent", std::to_string(kMaxDecimalExponent), "|e| of a number written like 1e-30"},
      {"max_bits", std::to_string(kMaxBits), "BITS of mpfr:BITS and mpfi:BITS"},
      {"max_claim_bytes", std::to_string(kMaxClaimBytes), "bytes of one claim (--claim, a line of a claims file)"},
      {"max_claim_depth", std::to_string(kMaxClaimDepth), "nesting of a claim: brackets, calls and signs inside one another, and operators in its tree (a long chain of + - or of * counts as its log2)"},
      {"quoted_value_chars", std::to_string(kQuoteChars), "characters of a bad value quoted in an error message"},
  };
}

}  // namespace annealcheck::limits
