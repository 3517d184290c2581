// Generated train spectra γ_1 ≥ … ≥ γ_d ≥ 0 (SPEC §1), exact.
//
// γ_1 is a simple number in [~1e−10, ~1e14]; each next eigenvalue is the
// previous one times a factor drawn from five kinds (shrinking toward the first):
//   1/2 · a/b (b ≤ 64) · 1 (a tie) · 1 − 10^−g, g ≤ 30 (near-degenerate pair) ·
//   10^−j, j ≤ 30 (decades).
// The total spread is capped at `max_decades` (60): past the cap a factor turns
// into a near-degenerate one. Positions that must tie (the top eigenspace of
// multiplicity |P|) tie; positions that must be strict (after the top
// eigenspace, and γ_{k−1} > γ_k at the split) never tie. The last `zero_tail`
// eigenvalues are 0 (only for properties that allow γ_i = 0).
#pragma once

#include "annealcheck/numeric/rational.hpp"

#include <rapidcheck.h>

#include <cstddef>
#include <vector>

namespace annealcheck::properties::gen {

struct SpectrumOptions {
  std::size_t dim = 2;
  std::size_t top_multiplicity = 1;  // γ_1 = … = γ_p > γ_{p+1}
  std::size_t strict_split = 0;      // 1-based k with γ_{k−1} > γ_k required (0: none)
  int max_decades = 60;
  std::size_t zero_tail = 0;
};

rc::Gen<std::vector<numeric::Rational>> spectrum(const SpectrumOptions& options);

}  // namespace annealcheck::properties::gen
