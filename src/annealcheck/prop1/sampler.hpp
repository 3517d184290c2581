// Seeded, exact sampling of draws (SPEC §5): each sample picks v_i with
// probability exactly p_i. With p_i = a_i/D over the common denominator D, a
// sample is the first i with a_1 + … + a_i > u for u uniform on {0, …, D−1};
// u comes from GMP's Mersenne Twister (mpz_urandomm: exactly uniform, any D).
// The same seed gives the same draws on every run.
#pragma once

#include "annealcheck/prop1/data_model.hpp"

#include <gmp.h>

#include <cstdint>
#include <string>
#include <vector>

namespace annealcheck::prop1 {

class ExactSampler {
 public:
  ExactSampler(const DataModel& m, std::uint64_t seed);
  ~ExactSampler();
  ExactSampler(const ExactSampler&) = delete;
  ExactSampler& operator=(const ExactSampler&) = delete;

  std::size_t sample_index();                       // one x, as its support index (0-based)
  std::vector<std::size_t> sample_sequence();       // n indices
  void sample_counts(std::vector<long>& counts);    // counts of n samples (no allocation)

 private:
  std::size_t n_;
  gmp_randstate_t state_;
  mpz_t denominator_, u_;
  std::vector<__mpz_struct> cumulative_;  // a_1 + … + a_i (mpz values)
};

std::vector<long> counts_of(const std::vector<std::size_t>& sequence, std::size_t d);
// "e1 e1 e2": the sequence of basis vectors drawn (1-based).
std::string sequence_text(const std::vector<std::size_t>& sequence);

}  // namespace annealcheck::prop1
