#include "annealcheck/prop1/gd_phase_exact.hpp"

#include <gmp.h>

namespace annealcheck::prop1 {

ExactGdOracle::ExactGdOracle(const DiagonalDraw& d) : d_(d) {
  for (std::size_t i = 0; i < d.gamma.size(); ++i) {
    if (d.gamma[i].sign() == 0) continue;  // never moves, not in L̂
    base_.push_back(d.gamma[i] * d.w0[i]);
    square_.push_back(d.factor[i] * d.factor[i]);
  }
}

const Rational& ExactGdOracle::loss(long t) {
  if (auto it = cache_.find(t); it != cache_.end()) return it->second;
  if (t > kMaxExponent) throw TooLarge{};
  Rational h(0), pw;
  for (std::size_t i = 0; i < base_.size(); ++i) {
    // (f²)^t exactly; 0^0 = 1
    mpz_pow_ui(mpq_numref(pw.get()), mpq_numref(square_[i].get()), static_cast<unsigned long>(t));
    mpz_pow_ui(mpq_denref(pw.get()), mpq_denref(square_[i].get()), static_cast<unsigned long>(t));
    h = h + base_[i] * pw;
  }
  return cache_.emplace(t, std::move(h)).first->second;
}

int ExactGdOracle::compare_eps(long t) {
  const Rational& h = loss(t);
  return h < d_.eps ? -1 : (h == d_.eps ? 0 : 1);
}

bool ExactGdOracle::nondecreasing(long t) {
  const Rational& next = loss(t + 1);
  return !(next < loss(t));
}

std::optional<GdPhaseDecision> decide_gd_phase_exact(const DiagonalDraw& d) {
  ExactGdOracle o(d);
  try {
    return decide_gd_phase(o, d.K);
  } catch (const ExactGdOracle::TooLarge&) {
    return std::nullopt;
  }
}

}  // namespace annealcheck::prop1
