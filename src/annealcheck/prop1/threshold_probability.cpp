#include "annealcheck/prop1/threshold_probability.hpp"

#include "annealcheck/prop1/enumeration.hpp"
#include "annealcheck/prop1/sampler.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <map>

namespace annealcheck::prop1 {

EnumerationResult enumerate_threshold(const DataModel& m, const DrawEvaluator& evaluate) {
  EnumerationResult r;
  r.total = r.holds = r.fails = r.undecided = Rational(0);
  for_each_count_vector(m, [&](const CountDraw& c) {
    DrawSummary s = evaluate(c.counts);
    s.probability = c.probability;
    s.sequences = c.sequences;
    r.total = r.total + c.probability;
    switch (s.verdict) {
      case Decision::Holds: r.holds = r.holds + c.probability; break;
      case Decision::Fails: r.fails = r.fails + c.probability; break;
      case Decision::Undecided: r.undecided = r.undecided + c.probability; break;
    }
    r.rows.push_back(std::move(s));
  });
  return r;
}

Interval clopper_pearson(std::uint64_t k, std::uint64_t n, double confidence) {
  const double a = (1 - confidence) / 2;
  Interval iv;
  const auto kd = static_cast<double>(k), nd = static_cast<double>(n);
  iv.lo = k == 0 ? 0.0 : boost::math::ibeta_inv(kd, nd - kd + 1, a);
  iv.hi = k == n ? 1.0 : boost::math::ibeta_inv(kd + 1, nd - kd, 1 - a);
  return iv;
}

MonteCarloResult monte_carlo_threshold(const DataModel& m, const DrawEvaluator& evaluate, std::uint64_t samples,
                                       double confidence, std::uint64_t seed) {
  MonteCarloResult r;
  r.samples = samples;
  r.seed = seed;
  r.confidence = confidence;
  ExactSampler sampler(m, seed);
  std::map<std::vector<long>, Decision> cache;  // the verdict depends on the counts only
  std::vector<long> counts;
  for (std::uint64_t s = 0; s < samples; ++s) {
    sampler.sample_counts(counts);
    auto it = cache.find(counts);
    if (it == cache.end()) it = cache.emplace(counts, evaluate(counts).verdict).first;
    if (it->second == Decision::Holds) ++r.holds;
    else if (it->second == Decision::Undecided) ++r.undecided;
  }
  r.distinct_draws = cache.size();
  r.estimate = samples ? static_cast<double>(r.holds) / static_cast<double>(samples) : 0.0;
  r.ci_holds = clopper_pearson(r.holds, samples, confidence);
  r.ci_holds_or_undecided = clopper_pearson(r.holds + r.undecided, samples, confidence);
  return r;
}

}  // namespace annealcheck::prop1
