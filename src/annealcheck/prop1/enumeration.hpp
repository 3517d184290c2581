// Exact enumeration of draws (SPEC §4, §5), with exact rational probabilities.
//
// * sequences: all d^n ordered samples (x_1, …, x_n), P = Π p_{x_k}
//   (Proposition 1: the 2³ = 8 equally likely sequences);
// * count vectors: all c ∈ ℕ^d with Σc = n (C(n+d−1, d−1) of them),
//   P = n!/(c_1!⋯c_d!) · Π p_i^{c_i} (multinomial).
// The sums over all draws are exactly 1; tests/prop1/enumeration_test.cpp checks it.
#pragma once

#include "annealcheck/prop1/data_model.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace annealcheck::prop1 {

struct SequenceDraw {
  std::vector<std::size_t> sequence;  // support index of each sample (0-based)
  std::vector<long> counts;
  Rational probability;
};

struct CountDraw {
  std::vector<long> counts;
  Rational probability;
  Rational sequences;  // how many ordered samples have these counts (multinomial coefficient)
};

// d^n, saturated at UINT64_MAX.
std::uint64_t sequence_total(std::size_t d, std::size_t n);
// C(n+d−1, d−1), saturated at UINT64_MAX.
std::uint64_t count_vector_total(std::size_t d, std::size_t n);

std::vector<SequenceDraw> enumerate_sequences(const DataModel& m);  // caller bounds sequence_total
void for_each_count_vector(const DataModel& m, const std::function<void(const CountDraw&)>& visit);

// P[counts = c] = n!/Πc_i! · Π p_i^{c_i}
Rational count_probability(const DataModel& m, const std::vector<long>& counts, Rational* sequences = nullptr);

}  // namespace annealcheck::prop1
