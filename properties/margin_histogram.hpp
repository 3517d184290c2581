// How close a run came to failing, in O(1) memory: a fixed histogram of the
// relative margins (Verdict::relative_margin = margin / max(|lhs|, |rhs|)) of
// every generated case of a run (not the shrink steps), in decade bins of
// |margin| kept apart by sign. Bin k of `positive` counts margins in
// [10^(kLowest + k), 10^(kLowest + k + 1)); the first bin also takes every
// smaller nonzero margin and the last every larger one. Cases with no decided
// inequality (n/a) or a non-finite relative margin count in `undecided`.
// Drawn by the HTML report (reports/html/) as a bar chart per
// property × type. Light header: no JSON, no RapidCheck.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

namespace annealcheck::properties {

struct MarginHistogram {
  static constexpr int kLowest = -80;  // decades below 1e-80 land in the first bin (mpfr256 roundings reach ~1e-77)
  static constexpr int kHighest = 1;   // |margin| >= 10 lands in the last bin (sides of equal sign give |margin| <= 1)
  static constexpr std::size_t kBins = kHighest - kLowest + 1;
  std::array<int, kBins> positive{}, negative{};
  int zero = 0;       // exact ties
  int undecided = 0;  // n/a, or a non-finite relative margin

  static std::size_t bin(double magnitude) {
    const int k = static_cast<int>(std::floor(std::log10(magnitude)));
    return static_cast<std::size_t>((k < kLowest ? kLowest : k > kHighest ? kHighest : k) - kLowest);
  }
  // `decided`: the case's verdict has a relation (Verdict::relation not empty).
  void add(bool decided, double relative_margin) {
    if (!decided || !std::isfinite(relative_margin)) ++undecided;
    else if (relative_margin == 0) ++zero;  // exact: a tie
    else (relative_margin > 0 ? positive : negative)[bin(std::fabs(relative_margin))]++;
  }
  int total() const {
    int n = zero + undecided;
    for (std::size_t k = 0; k < kBins; ++k) n += positive[k] + negative[k];
    return n;
  }
  bool operator==(const MarginHistogram&) const = default;
};

}  // namespace annealcheck::properties
