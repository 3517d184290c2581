// The core target alone (no MPFI, no RapidCheck): K = 10 steps of GD (E5) at
// 256 bits on γ = (2/3, 1/5), η = 1/γ_1 = 3/2, δ(0) = (−100, −100) agree with
// the closed form (1 − 2ηγ_i)^K·δ_i(0) (factors −1 and 2/5) to 1e-70.
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <iostream>

int main() {
  using T = annealcheck::numeric::mpfr256;
  const std::vector<T> gamma{T(2) / 3, T(1) / 5}, delta0{T(-100), T(-100)};
  const T eta = T(3) / 2;
  annealcheck::dynamics::DescentKernel<T> gd(gamma, eta);
  std::vector<T> delta = delta0;
  for (int t = 0; t < 10; ++t) gd.step(delta);
  const std::vector<T> closed = annealcheck::dynamics::descent_closed_form(gamma, eta, delta0, 10);
  bool ok = true;
  for (std::size_t i = 0; i < delta.size(); ++i) {
    std::cout << "delta_" << i + 1 << "(10) = " << delta[i] << " (closed form " << closed[i] << ")\n";
    ok = ok && abs(delta[i] - closed[i]) <= T("1e-70") * (abs(closed[i]) + 1);
  }
  std::cout << (ok ? "core consumer: GD agrees with its closed form\n" : "core consumer: FAILED\n");
  return ok ? 0 : 1;
}
