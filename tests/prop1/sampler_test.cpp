// Exact seeded sampling (prop1/sampler.hpp): reproducible, and frequencies
// agree with p (each within 5 binomial standard deviations).
#include "annealcheck/prop1/sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace annealcheck::prop1;

TEST(Sampler, SameSeedSameDraws) {
  const DataModel m = general_model(3, 5, {"1/2", "1/3", "1/6"});
  ExactSampler a(m, 42), b(m, 42), c(m, 43);
  bool differs = false;
  for (int i = 0; i < 200; ++i) {
    const auto x = a.sample_sequence(), y = b.sample_sequence(), z = c.sample_sequence();
    EXPECT_EQ(x, y);
    differs = differs || x != z;
  }
  EXPECT_TRUE(differs);
}

TEST(Sampler, FrequenciesMatchProbabilities) {
  const std::vector<std::string> p_text{"1/2", "1/3", "1/6"};
  const std::vector<double> p{0.5, 1.0 / 3, 1.0 / 6};
  const DataModel m = general_model(3, 1, p_text);
  ExactSampler s(m, 7);
  const int N = 200000;
  std::vector<long> hits(3, 0);
  for (int i = 0; i < N; ++i) ++hits[s.sample_index()];
  for (std::size_t i = 0; i < 3; ++i) {
    const double sd = std::sqrt(N * p[i] * (1 - p[i]));
    EXPECT_NEAR(static_cast<double>(hits[i]), N * p[i], 5 * sd) << "coordinate " << i;
  }
}

TEST(Sampler, CountsSumToN) {
  const DataModel m = general_model(4, 9, {});
  ExactSampler s(m, 1);
  std::vector<long> counts;
  for (int i = 0; i < 100; ++i) {
    s.sample_counts(counts);
    long total = 0;
    for (long c : counts) total += c;
    EXPECT_EQ(total, 9);
  }
}
