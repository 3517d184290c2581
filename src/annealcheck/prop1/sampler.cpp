#include "annealcheck/prop1/sampler.hpp"

namespace annealcheck::prop1 {

ExactSampler::ExactSampler(const DataModel& m, std::uint64_t seed) : n_(m.n), cumulative_(m.d) {
  gmp_randinit_mt(state_);
  mpz_t s;
  mpz_init(s);
  mpz_import(s, 1, 1, sizeof seed, 0, 0, &seed);
  gmp_randseed(state_, s);
  mpz_clear(s);
  mpz_init_set_ui(denominator_, 1);
  mpz_init(u_);
  for (const Rational& q : m.p) mpz_lcm(denominator_, denominator_, mpq_denref(q.get()));
  mpz_t a;
  mpz_init(a);
  for (std::size_t i = 0; i < m.d; ++i) {
    // a_i = p_i · D (an integer)
    mpz_divexact(a, denominator_, mpq_denref(m.p[i].get()));
    mpz_mul(a, a, mpq_numref(m.p[i].get()));
    mpz_init(&cumulative_[i]);
    if (i > 0) mpz_set(&cumulative_[i], &cumulative_[i - 1]);
    mpz_add(&cumulative_[i], &cumulative_[i], a);
  }
  mpz_clear(a);
}

ExactSampler::~ExactSampler() {
  for (auto& c : cumulative_) mpz_clear(&c);
  mpz_clear(u_);
  mpz_clear(denominator_);
  gmp_randclear(state_);
}

std::size_t ExactSampler::sample_index() {
  mpz_urandomm(u_, state_, denominator_);
  std::size_t lo = 0, hi = cumulative_.size() - 1;  // first i with cumulative_i > u
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (mpz_cmp(&cumulative_[mid], u_) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

std::vector<std::size_t> ExactSampler::sample_sequence() {
  std::vector<std::size_t> s(n_);
  for (auto& x : s) x = sample_index();
  return s;
}

void ExactSampler::sample_counts(std::vector<long>& counts) {
  counts.assign(cumulative_.size(), 0);
  for (std::size_t k = 0; k < n_; ++k) ++counts[sample_index()];
}

std::vector<long> counts_of(const std::vector<std::size_t>& sequence, std::size_t d) {
  std::vector<long> c(d, 0);
  for (std::size_t i : sequence) ++c[i];
  return c;
}

std::string sequence_text(const std::vector<std::size_t>& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i) out += ' ';
    out += 'e';
    out += std::to_string(s[i] + 1);
  }
  return out;
}

}  // namespace annealcheck::prop1
