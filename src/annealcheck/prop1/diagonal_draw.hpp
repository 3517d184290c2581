// One draw as an exact diagonal instance in eigen-coordinates (SPEC §1, §5):
// γ_i = c_i/n, λ_i = p_i, δ_i(0)² = 10⁴/α, GD factors f_i = 1 − 2ηγ_i (E5).
// Coordinates with γ_i = 0 (support points not drawn) never move, under GF or GD
// (f_i = 1): they add the same constant Σ_{γ_i=0} λ_i δ_i(0)² to both population
// losses. Such draws are not Lemma 2 instances with the split k = 2 in general,
// so they are classified and handled explicitly (prop1/draw_outcome.hpp).
#pragma once

#include "annealcheck/prop1/data_model.hpp"

#include <string>
#include <vector>

namespace annealcheck::prop1 {

struct DiagonalDraw {
  std::vector<long> counts;
  std::vector<Rational> gamma;   // γ_i = c_i/n (not sorted: coordinate i is support point i)
  std::vector<Rational> lambda;  // λ_i = p_i
  std::vector<Rational> factor;  // f_i = 1 − 2ηγ_i
  std::vector<Rational> w0;      // δ_i(0)²
  Rational eps, eta;
  long K = 0;
};

inline DiagonalDraw make_diagonal_draw(const DataModel& m, const std::vector<long>& counts, const Rational& alpha,
                                       const Rational& eps, const Rational& eta, long K) {
  DiagonalDraw d;
  d.counts = counts;
  d.gamma = train_spectrum(m, counts);
  d.lambda = m.p;
  d.factor = descent_factors_exact(d.gamma, eta);
  d.w0.assign(m.d, initial_residual_square(alpha));
  d.eps = eps;
  d.eta = eta;
  d.K = K;
  return d;
}

// How a draw relates to Lemma 2 (decided exactly from the counts).
enum class DrawKind {
  Lemma2,         // every γ_i > 0 and at least two distinct values: a Lemma 2 instance (any split k with a gap)
  EqualSpectrum,  // every γ_i > 0 and all equal: S_X = γ·I, GF and annealed GD end at the same point
  Degenerate,     // some γ_i = 0: those coordinates never move (not a k = 2 Lemma 2 instance in general)
};

inline DrawKind classify(const DiagonalDraw& d) {
  bool zero = false, distinct = false;
  const Rational* first_active = nullptr;
  for (const Rational& g : d.gamma) {
    if (g.sign() == 0) {
      zero = true;
      continue;
    }
    if (!first_active) first_active = &g;
    else if (!(g == *first_active)) distinct = true;
  }
  if (zero) return DrawKind::Degenerate;
  return distinct ? DrawKind::Lemma2 : DrawKind::EqualSpectrum;
}

inline const char* kind_name(DrawKind k) {
  switch (k) {
    case DrawKind::Lemma2: return "lemma2";
    case DrawKind::EqualSpectrum: return "equal-spectrum";
    case DrawKind::Degenerate: return "degenerate";
  }
  return "?";
}

// Whether all moving coordinates (γ_i > 0) share one γ: then GD keeps the
// direction of the moving part, and GF too, so both end on the same ray.
inline bool moving_spectrum_is_single(const DiagonalDraw& d) {
  const Rational* first = nullptr;
  for (const Rational& g : d.gamma) {
    if (g.sign() == 0) continue;
    if (!first) first = &g;
    else if (!(g == *first)) return false;
  }
  return true;
}

// Whether λ_i/γ_i is one number on all moving coordinates: then on them
// L_D = (λ/γ)·L̂ exactly, whatever the point.
inline bool population_proportional_to_train(const DiagonalDraw& d) {
  const Rational* first_g = nullptr;
  const Rational* first_l = nullptr;
  for (std::size_t i = 0; i < d.gamma.size(); ++i) {
    if (d.gamma[i].sign() == 0) continue;
    if (!first_g) {
      first_g = &d.gamma[i];
      first_l = &d.lambda[i];
    } else if (!(d.lambda[i] * *first_g == *first_l * d.gamma[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace annealcheck::prop1
