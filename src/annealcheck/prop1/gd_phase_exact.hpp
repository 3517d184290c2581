// The GD phase of a diagonal draw decided exactly (GMP rationals):
// h(t) = Σ_{γ_i>0} γ_i δ_i(0)² (f_i²)^t compared with ε exactly. Exponents are
// limited to 2^20 (rationals of a few MB); beyond that decide_gd_phase_exact
// returns nullopt and the caller decides in its number type (flagged).
#pragma once

#include "annealcheck/prop1/diagonal_draw.hpp"
#include "annealcheck/prop1/gd_phase.hpp"

#include <map>
#include <optional>

namespace annealcheck::prop1 {

class ExactGdOracle {
 public:
  static constexpr long kMaxExponent = 1L << 20;
  struct TooLarge {};

  explicit ExactGdOracle(const DiagonalDraw& d);
  int compare_eps(long t);
  bool nondecreasing(long t);
  const Rational& loss(long t);  // h(t), cached

 private:
  const DiagonalDraw& d_;
  std::vector<Rational> base_;     // γ_i δ_i(0)² (active i)
  std::vector<Rational> square_;   // f_i² (active i)
  std::map<long, Rational> cache_;
};

std::optional<GdPhaseDecision> decide_gd_phase_exact(const DiagonalDraw& d);

}  // namespace annealcheck::prop1
