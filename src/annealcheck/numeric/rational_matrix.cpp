#include "annealcheck/numeric/rational_matrix.hpp"

namespace annealcheck::numeric {

RationalMatrix householder_product(std::size_t d, const std::vector<std::vector<int>>& reflections) {
  RationalMatrix u(d, std::vector<Rational>(d));
  for (std::size_t i = 0; i < d; ++i) u[i][i] = Rational(1);
  for (const auto& v : reflections) {  // u ← u·H(v) = u − (2/(vᵀv))·(u v) vᵀ
    long vv = 0;
    for (int x : v) vv += static_cast<long>(x) * x;
    if (vv == 0 || v.size() != d) continue;
    const Rational f(2, static_cast<unsigned long>(vv));
    for (std::size_t r = 0; r < d; ++r) {
      Rational uv;
      for (std::size_t c = 0; c < d; ++c) uv = uv + u[r][c] * Rational(v[c]);
      const Rational s = f * uv;
      for (std::size_t c = 0; c < d; ++c) u[r][c] = u[r][c] - s * Rational(v[c]);
    }
  }
  return u;
}

RationalMatrix conjugate_diagonal(const RationalMatrix& u, const std::vector<Rational>& w) {
  const std::size_t d = u.size();
  RationalMatrix m(d, std::vector<Rational>(d));
  for (std::size_t r = 0; r < d; ++r)
    for (std::size_t c = r; c < d; ++c) {
      Rational s;
      for (std::size_t k = 0; k < d; ++k) s = s + u[r][k] * w[k] * u[c][k];
      m[r][c] = s;
      m[c][r] = s;
    }
  return m;
}

std::vector<Rational> multiply(const RationalMatrix& a, const std::vector<Rational>& x) {
  std::vector<Rational> y(a.size());
  for (std::size_t r = 0; r < a.size(); ++r)
    for (std::size_t c = 0; c < x.size(); ++c) y[r] = y[r] + a[r][c] * x[c];
  return y;
}

}  // namespace annealcheck::numeric
