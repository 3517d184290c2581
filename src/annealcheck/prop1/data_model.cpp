#include "annealcheck/prop1/data_model.hpp"

#include "annealcheck/io/input_error.hpp"

#include <gmp.h>

namespace annealcheck::prop1 {

namespace {

std::vector<std::vector<Rational>> identity(std::size_t d) {
  std::vector<std::vector<Rational>> u(d, std::vector<Rational>(d, Rational(0)));
  for (std::size_t i = 0; i < d; ++i) u[i][i] = Rational(1);
  return u;
}

// U diag(w) Uᵀ, exactly.
std::vector<Rational> conjugate_diagonal(const DataModel& m, const std::vector<Rational>& w) {
  const std::size_t d = m.d;
  std::vector<Rational> out(d * d, Rational(0));
  for (std::size_t r = 0; r < d; ++r)
    for (std::size_t c = 0; c < d; ++c)
      for (std::size_t k = 0; k < d; ++k) out[r * d + c] = out[r * d + c] + m.basis[r][k] * w[k] * m.basis[c][k];
  return out;
}

}  // namespace

DataModel proposition1_model(bool rotated) {
  DataModel m;
  m.d = 2;
  m.n = 3;
  m.p = {Rational(1, 2), Rational(1, 2)};
  if (rotated) {
    m.basis = {{Rational(3, 5), Rational(-4, 5)}, {Rational(4, 5), Rational(3, 5)}};
    m.rotated = true;
  } else {
    m.basis = identity(2);
  }
  return m;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    if (ch == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  out.push_back(cur);
  return out;
}

DataModel general_model(long d, long n, const std::vector<std::string>& p_texts) {
  if (d < 1 || d > 64) throw InputError("--d", std::to_string(d), "an integer in 1..64");
  if (n < 1 || n > 100000) throw InputError("--n", std::to_string(n), "an integer in 1..100000");
  DataModel m;
  m.d = static_cast<std::size_t>(d);
  m.n = static_cast<std::size_t>(n);
  m.basis = identity(m.d);
  if (p_texts.empty()) {
    m.p.assign(m.d, Rational(1, static_cast<unsigned long>(d)));
    return m;
  }
  if (p_texts.size() != m.d)
    throw InputError("--p", std::to_string(p_texts.size()) + " values", std::to_string(d) + " probabilities (one per coordinate, comma-separated)");
  Rational sum(0);
  std::string joined;
  for (std::size_t i = 0; i < m.d; ++i) {
    const numeric::RationalParse q = numeric::parse_rational(p_texts[i]);
    const std::string field = "--p[" + std::to_string(i + 1) + "]";
    if (!q.ok()) throw InputError(field, "\"" + p_texts[i] + "\" (" + q.error + ")", "a probability like 0.25 or 1/4");
    if (q.value.sign() <= 0) throw InputError(field, "\"" + p_texts[i] + "\"", "p_i > 0 (every coordinate must be possible)");
    m.p.push_back(q.value);
    sum = sum + q.value;
    joined += (i ? "," : "") + p_texts[i];
  }
  if (!(sum == Rational(1))) throw InputError("--p", "\"" + joined + "\" (sum " + sum.str() + ")", "probabilities summing to exactly 1");
  m.p_text = joined;
  return m;
}

std::vector<Rational> train_spectrum(const DataModel& m, const std::vector<long>& counts) {
  std::vector<Rational> g;
  g.reserve(counts.size());
  for (long c : counts) g.emplace_back(c, static_cast<unsigned long>(m.n));
  return g;
}

std::vector<Rational> train_covariance(const DataModel& m, const std::vector<long>& counts) {
  return conjugate_diagonal(m, train_spectrum(m, counts));
}

std::vector<Rational> population_covariance(const DataModel& m) { return conjugate_diagonal(m, m.p); }

std::vector<Rational> descent_factors_exact(const std::vector<Rational>& gamma, const Rational& eta) {
  std::vector<Rational> f;
  f.reserve(gamma.size());
  const Rational two_eta = Rational(2) * eta;
  for (const Rational& g : gamma) f.push_back(Rational(1) - two_eta * g);
  return f;
}

Rational initial_residual_square(const Rational& alpha) { return Rational(10000) / alpha; }

Rational default_step(const DataModel& m) {
  Rational pmax = m.p[0];
  for (const Rational& q : m.p)
    if (pmax < q) pmax = q;
  // ⌈n·p_max⌉ with GMP's exact ceiling of a rational
  const Rational np = Rational(static_cast<long>(m.n)) * pmax;
  mpz_t c;
  mpz_init(c);
  mpz_cdiv_q(c, mpq_numref(np.get()), mpq_denref(np.get()));
  const long top = mpz_get_si(c);
  mpz_clear(c);
  return Rational(static_cast<long>(m.n)) / Rational(top);
}

}  // namespace annealcheck::prop1
