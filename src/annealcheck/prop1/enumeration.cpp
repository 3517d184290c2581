#include "annealcheck/prop1/enumeration.hpp"

#include <gmp.h>

#include <limits>

namespace annealcheck::prop1 {

namespace {

constexpr std::uint64_t kSaturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturated(const mpz_t z) {
  if (mpz_sizeinbase(z, 2) > 63) return kSaturated;
  return static_cast<std::uint64_t>(mpz_get_ui(z));
}

// q^e exactly (q = a/b in lowest terms, so a^e/b^e is too)
Rational power(const Rational& q, unsigned long e) {
  Rational r;
  mpz_pow_ui(mpq_numref(r.get()), mpq_numref(q.get()), e);
  mpz_pow_ui(mpq_denref(r.get()), mpq_denref(q.get()), e);
  return r;
}

}  // namespace

std::uint64_t sequence_total(std::size_t d, std::size_t n) {
  mpz_t z;
  mpz_init(z);
  mpz_ui_pow_ui(z, d, n);
  const std::uint64_t r = saturated(z);
  mpz_clear(z);
  return r;
}

std::uint64_t count_vector_total(std::size_t d, std::size_t n) {
  mpz_t z;
  mpz_init(z);
  mpz_bin_uiui(z, n + d - 1, d - 1);
  const std::uint64_t r = saturated(z);
  mpz_clear(z);
  return r;
}

Rational count_probability(const DataModel& m, const std::vector<long>& counts, Rational* sequences) {
  // multinomial coefficient as a product of binomials: Π_i C(c_1+…+c_i, c_i)
  mpz_t coef, b;
  mpz_init_set_ui(coef, 1);
  mpz_init(b);
  unsigned long partial = 0;
  Rational prob(1);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const auto c = static_cast<unsigned long>(counts[i]);
    partial += c;
    mpz_bin_uiui(b, partial, c);
    mpz_mul(coef, coef, b);
    prob = prob * power(m.p[i], c);
  }
  Rational mult;
  mpq_set_z(mult.get(), coef);
  mpz_clear(b);
  mpz_clear(coef);
  if (sequences) *sequences = mult;
  return prob * mult;
}

std::vector<SequenceDraw> enumerate_sequences(const DataModel& m) {
  std::vector<SequenceDraw> out;
  std::vector<std::size_t> seq(m.n, 0);
  while (true) {
    SequenceDraw s;
    s.sequence = seq;
    s.counts.assign(m.d, 0);
    s.probability = Rational(1);
    for (std::size_t i : seq) {
      ++s.counts[i];
      s.probability = s.probability * m.p[i];
    }
    out.push_back(std::move(s));
    // next sequence in lexicographic order (last sample varies fastest)
    std::size_t k = m.n;
    while (k > 0 && seq[k - 1] + 1 == m.d) seq[--k] = 0;
    if (k == 0) break;
    ++seq[k - 1];
  }
  return out;
}

void for_each_count_vector(const DataModel& m, const std::function<void(const CountDraw&)>& visit) {
  // compositions of n into d parts, c_1 descending first (c = (n, 0, …, 0) first)
  std::vector<long> c(m.d, 0);
  const long n = static_cast<long>(m.n);
  std::function<void(std::size_t, long)> rec = [&](std::size_t i, long left) {
    if (i + 1 == m.d) {
      c[i] = left;
      CountDraw draw;
      draw.counts = c;
      draw.probability = count_probability(m, c, &draw.sequences);
      visit(draw);
      return;
    }
    for (long v = left; v >= 0; --v) {
      c[i] = v;
      rec(i + 1, left - v);
    }
  };
  rec(0, n);
}

}  // namespace annealcheck::prop1
