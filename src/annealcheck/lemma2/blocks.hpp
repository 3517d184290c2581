// The index sets and constants of Lemma 2 (SPEC §3) for one instance in type T.
//   S = {1..k−1}, S̄ = {k..d};  j* = argmin_{j∈S̄} γ_j δ_j(0)²;  M = |S̄|·γ_{j*}δ_{j*}(0)²
//   M′ = Σ_{j∈S̄} γ_j δ_j(0)²  (the strengthening (C2′))
//   P = {i : γ_i = γ_1}, Q = the rest;  c = max_{i∈Q} (1 − 2ηγ_i)²  ((A), (P4))
// P is decided by equality *in T*: a γ_2 that equals γ_1 after rounding joins P —
// exactly the precision hazard of SPEC §6 that audits look for.
#pragma once

#include "annealcheck/model/instance.hpp"
#include "annealcheck/model/losses.hpp"
#include "annealcheck/numeric/number_traits.hpp"

#include <vector>

namespace annealcheck::lemma2 {

template <numeric::OrderedNumber T>
struct Blocks {
  std::size_t split = 0;            // 0-based first index of S̄ (= k − 1)
  std::size_t j_star = 0;           // 0-based
  T M, M_prime;
  T loss_S0, loss_Sbar0;            // Σ_{S} γ_i δ_i(0)², Σ_{S̄} γ_j δ_j(0)²
  std::vector<bool> in_P;           // top eigenspace membership
  T c;                              // max_{Q} (1 − 2ηγ_i)²; 0 when Q is empty
  T top_mass0;                      // Σ_{P} γ_1 δ_i(0)²  ((C1′), (P5))
};

template <numeric::OrderedNumber T>
Blocks<T> blocks(const model::Instance<T>& in) {
  Blocks<T> b;
  const std::size_t d = in.dim();
  b.split = in.k - 1;
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), two = numeric::from_int<T>(2);
  T best = zero;
  for (std::size_t j = b.split; j < d; ++j) {
    const T w = in.gamma[j] * in.delta0[j] * in.delta0[j];
    if (j == b.split || w < best) best = w, b.j_star = j;
  }
  b.M = best * numeric::from_int<T>(static_cast<long>(d - b.split));
  b.loss_S0 = model::weighted_square_sum(in.gamma, in.delta0, 0, b.split);
  b.loss_Sbar0 = model::weighted_square_sum(in.gamma, in.delta0, b.split, d);
  b.M_prime = b.loss_Sbar0;
  b.in_P.assign(d, false);
  b.c = zero;
  b.top_mass0 = zero;
  for (std::size_t i = 0; i < d; ++i) {
    b.in_P[i] = in.gamma[i] == in.gamma[0];  // equality in T, deliberately (see above)
    if (b.in_P[i]) {
      b.top_mass0 += in.gamma[0] * in.delta0[i] * in.delta0[i];
    } else {
      T f = one - two * in.eta * in.gamma[i];
      f *= f;
      if (b.c < f) b.c = f;
    }
  }
  return b;
}

}  // namespace annealcheck::lemma2
