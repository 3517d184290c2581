#include "properties/support/lemma2_reduce.hpp"

namespace annealcheck::properties {

Lemma2Case without_coordinate(const Lemma2Case& c, std::size_t i) {
  Lemma2Case r = c;
  model::InstanceSpec& s = r.spec;
  const auto at = static_cast<std::ptrdiff_t>(i);
  s.gamma.erase(s.gamma.begin() + at);
  s.lambda.erase(s.lambda.begin() + at);
  s.delta0.erase(s.delta0.begin() + at);
  if (i < c.spec.k - 1) --s.k;  // i in S = {0..k−2} (0-based): the split moves down with it
  return r;
}

std::vector<Lemma2Case> lemma2_reductions(const Lemma2Case& c, Premises premises) {
  std::vector<Lemma2Case> out;
  for (std::size_t i = 1; i < c.spec.dim(); ++i) {
    Lemma2Case r = without_coordinate(c, i);
    if (premises_hold(r.spec, premises)) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace annealcheck::properties
