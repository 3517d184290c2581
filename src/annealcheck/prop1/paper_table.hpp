// Proposition 1's table (SPEC §4) for the (2,1) case and the exact values it is
// compared with, in a number type T.
//
//   residual β − β*          train loss   test loss
//   good [√(3ε/2), 0]          ε          0.75 ε     (annealed GD, K ≥ 1)
//   bad  [0, √(3ε)]            ε          1.5 ε      (GF, in the limit αε → 0)
//
// The good row is exact for K ≥ 1 (1 − 2ηγ_2 = 0 kills δ_2 in one step). The bad
// row is a limit: GF stops where (2/3)u²/c² + (1/3)u = ε with u = δ_2(T)²,
// c² = δ(0)² = 10⁴/α (since γ_1 = 2γ_2, δ_1² = u²/c²), so its test loss is
// (1/2)(u + u²/c²) = 1.5ε·(1 − O(εα/10⁴)). The root is taken in the form
// u = 2ε/(γ_2 + √(γ_2² + 4γ_1ε/c²)), which has no cancellation (SPEC §6).
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <cmath>

namespace annealcheck::prop1 {

template <numeric::RealNumber T>
struct Case21ClosedForm {
  T good_residual_1, good_test_loss;             // √(3ε/2), 0.75ε
  T bad_residual_1, bad_residual_2, bad_test_loss;  // u/c, √u, (1/2)(u + u²/c²)
};

template <numeric::RealNumber T>
Case21ClosedForm<T> case21_closed_form(const numeric::Rational& alpha, const numeric::Rational& eps) {
  using Tr = numeric::number_traits<T>;
  using numeric::Rational;
  using std::sqrt;
  Case21ClosedForm<T> c;
  const T e = Tr::from_rational(eps);
  const T c2 = Tr::from_rational(Rational(10000) / alpha);  // δ_i(0)², exact then rounded
  const T g1 = Tr::from_rational(Rational(2, 3)), g2 = Tr::from_rational(Rational(1, 3));
  c.good_residual_1 = sqrt(Tr::from_rational(Rational(3, 2) * eps));
  c.good_test_loss = Tr::from_rational(Rational(3, 4) * eps);
  const T u = numeric::from_int<T>(2) * e / (g2 + sqrt(g2 * g2 + numeric::from_int<T>(4) * g1 * e / c2));
  c.bad_residual_2 = sqrt(u);
  c.bad_residual_1 = u / sqrt(c2);
  c.bad_test_loss = (u + u * u / c2) / numeric::from_int<T>(2);
  return c;
}

}  // namespace annealcheck::prop1
