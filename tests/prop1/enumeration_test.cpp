// Exact enumeration of draws (prop1/enumeration.hpp): probabilities are exact
// rationals that sum to exactly 1, and count-vector probabilities agree with the
// brute-force aggregation of all ordered sequences.
#include "annealcheck/prop1/enumeration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

using namespace annealcheck::prop1;
using annealcheck::numeric::Rational;

namespace {

Rational sum_sequences(const DataModel& m) {
  Rational s(0);
  for (const auto& q : enumerate_sequences(m)) s = s + q.probability;
  return s;
}

std::map<std::vector<long>, Rational> aggregate_sequences(const DataModel& m) {
  std::map<std::vector<long>, Rational> by_counts;
  for (const auto& q : enumerate_sequences(m)) {
    auto [it, fresh] = by_counts.emplace(q.counts, Rational(0));
    it->second = it->second + q.probability;
  }
  return by_counts;
}

}  // namespace

TEST(Enumeration, Proposition1SequencesAreEightEquallyLikely) {
  const DataModel m = proposition1_model();
  const auto seqs = enumerate_sequences(m);
  ASSERT_EQ(seqs.size(), 8u);
  ASSERT_EQ(sequence_total(2, 3), 8u);
  Rational p21(0), p30(0), total(0);
  for (const auto& q : seqs) {
    EXPECT_EQ(q.probability, Rational(1, 8));
    total = total + q.probability;
    // S_X = diag(c/n): sorted spectrum (2/3, 1/3) or (1, 0)
    std::vector<Rational> g = train_spectrum(m, q.counts);
    std::sort(g.begin(), g.end(), [](const Rational& a, const Rational& b) { return b < a; });
    if (g[0] == Rational(2, 3) && g[1] == Rational(1, 3)) p21 = p21 + q.probability;
    if (g[0] == Rational(1) && g[1] == Rational(0)) p30 = p30 + q.probability;
  }
  EXPECT_EQ(total, Rational(1));
  EXPECT_EQ(p21.str(), "3/4");
  EXPECT_EQ(p30.str(), "1/4");
}

TEST(Enumeration, CountVectorsSumToExactlyOneAndMatchSequences) {
  for (const auto& p : std::vector<std::vector<std::string>>{{}, {"1/2", "1/4", "1/4"}, {"0.7", "0.2", "0.1"}}) {
    const DataModel m = general_model(3, 4, p);
    const auto brute = aggregate_sequences(m);
    ASSERT_EQ(sum_sequences(m), Rational(1));
    Rational total(0), sequences(0);
    std::size_t visited = 0;
    for_each_count_vector(m, [&](const CountDraw& c) {
      ++visited;
      total = total + c.probability;
      sequences = sequences + c.sequences;
      const auto it = brute.find(c.counts);
      ASSERT_NE(it, brute.end());
      EXPECT_EQ(c.probability, it->second) << "counts (" << c.counts[0] << "," << c.counts[1] << "," << c.counts[2] << ")";
    });
    EXPECT_EQ(visited, brute.size());
    EXPECT_EQ(visited, count_vector_total(3, 4));
    EXPECT_EQ(visited, 15u);
    EXPECT_EQ(total, Rational(1));
    EXPECT_EQ(sequences, Rational(81));  // 3^4 ordered samples
  }
}

TEST(Enumeration, TotalsSaturateInsteadOfOverflowing) {
  EXPECT_EQ(count_vector_total(2, 3), 4u);
  EXPECT_EQ(count_vector_total(64, 100000), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(sequence_total(64, 100000), std::numeric_limits<std::uint64_t>::max());
}

TEST(DataModel, DefaultStepIsThreeHalvesForProposition1) {
  EXPECT_EQ(default_step(proposition1_model()), Rational(3, 2));
  EXPECT_EQ(default_step(general_model(3, 4, {})), Rational(2));  // n/ceil(4/3) = 4/2
}

TEST(DataModel, RotatedCovariancesAreExactConjugates) {
  const DataModel m = proposition1_model(true);
  // U diag(2/3, 1/3) Uᵀ with U = [[3/5,-4/5],[4/5,3/5]]
  const auto S = train_covariance(m, {2, 1});
  EXPECT_EQ(S[0], Rational(2, 3) * Rational(9, 25) + Rational(1, 3) * Rational(16, 25));
  EXPECT_EQ(S[1], S[2]);
  EXPECT_EQ(S[0] + S[3], Rational(1));  // trace is preserved
  const auto Sigma = population_covariance(m);
  EXPECT_EQ(Sigma[0], Rational(1, 2));  // U (I/2) Uᵀ = I/2
  EXPECT_EQ(Sigma[1], Rational(0));
}
