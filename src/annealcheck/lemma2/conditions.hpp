// The premises of Lemma 2 — (C1), (C1′), (C2), (C2′) (SPEC §3) — at a stopping
// level ε′ that carries its own error bound, and the ratios the bounds (G), (A),
// (E3) are made of, each as a Side (value and error bound, error_bounds.hpp).
// One copy for eval, the properties and audit's rungs.
#pragma once

#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/descent_errors.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/model/instance.hpp"

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::lemma2 {

// The instance's exact inputs as rounded once to T, with their bounds, and the
// block sums at δ(0) (Σ_S, Σ_S̄, M, M′, Σ_P γ_1δ_i(0)²) as Sides.
template <numeric::OrderedNumber T>
struct InputSides {
  std::vector<T> delta0_error, delta0_sq_error;  // u|δ̃_i(0)|, bounds on δ̃_i(0)²
  Side<T> alpha, eps, rho, eta;
  Side<T> loss_S0, loss_Sbar0, M, M_prime, top_mass0, c1_level;  // c1_level = γ_1 δ_1(0)²
};

// `delta0_roundings`: 1 for an instance file's δ(0) (rounded once); Proposition 1's
// δ(0) = −100·α^{−1/2} carries 3 (α, the root, the quotient).
template <numeric::OrderedNumber T>
InputSides<T> input_sides(const model::Instance<T>& in, const Blocks<T>& b, long delta0_roundings = 1) {
  using bounds::input;
  InputSides<T> s;
  const std::size_t d = in.dim();
  s.delta0_error = bounds::input_errors(in.delta0);
  for (T& e : s.delta0_error) e *= numeric::from_int<T>(delta0_roundings);
  bounds::squares_error_into(s.delta0_sq_error, in.delta0, s.delta0_error);
  s.alpha = input(in.alpha);
  s.eps = input(in.eps);
  s.rho = input(in.rho);
  s.eta = bounds::eta_side(in.eta);
  s.loss_S0 = bounds::square_sum(in.gamma, in.delta0, s.delta0_sq_error, 0, b.split);
  s.loss_Sbar0 = bounds::square_sum(in.gamma, in.delta0, s.delta0_sq_error, b.split, d);
  s.M_prime = s.loss_Sbar0;
  // M = |S̄|·γ_{j*}δ_{j*}(0)²: the integer is exact; the min's bound (error_bounds.md §1).
  std::vector<Side<T>> w;
  for (std::size_t j = b.split; j < d; ++j) w.push_back(input(in.gamma[j]) * Side<T>{T(in.delta0[j] * in.delta0[j]), s.delta0_sq_error[j]});
  s.M = bounds::extremum(w, false) * exact_side(numeric::from_int<T>(static_cast<long>(d - b.split)));
  s.top_mass0 = bounds::square_sum(in.gamma, in.delta0, s.delta0_sq_error, 0, d, &b.in_P, true);
  s.c1_level = input(in.gamma[0]) * Side<T>{T(in.delta0[0] * in.delta0[0]), s.delta0_sq_error[0]};
  return s;
}

// (C1) γ_1 δ_1(0)² > ε′
template <numeric::OrderedNumber T>
Inequality<T> condition_c1(const InputSides<T>& s, const Side<T>& eps, std::string where) {
  return decide<T>("C1", "gamma_1 delta_1(0)^2 > eps", Relation::Greater, s.c1_level, eps, std::move(where));
}

// (C1′) Σ_{i∈P} γ_1 δ_i(0)² > ε′
template <numeric::OrderedNumber T>
Inequality<T> condition_c1_prime(const InputSides<T>& s, const Side<T>& eps, std::string where) {
  return decide<T>("C1'", "sum_{i in P} gamma_1 delta_i(0)^2 > eps", Relation::Greater, s.top_mass0, eps, std::move(where));
}

// (C2) (or (C2′) with M′) in log form: ρ ln ε′ + ln Σ_S γ_iδ_i(0)² ≤ ln α + (1+ρ) ln m,
// so that neither side under- or overflows.
template <numeric::RealNumber T>
Inequality<T> condition_c2(const InputSides<T>& s, const Side<T>& eps, bool strengthened, std::string where) {
  using std::pow;
  const std::string label = strengthened ? "C2'" : "C2";
  const std::string st = strengthened ? "rho ln eps + ln sum_S gamma_i delta_i(0)^2 <= ln alpha + (1+rho) ln M',  M' = sum_Sbar gamma_j delta_j(0)^2"
                                      : "rho ln eps + ln sum_S gamma_i delta_i(0)^2 <= ln alpha + (1+rho) ln M,  M = |Sbar| min_Sbar gamma_j delta_j(0)^2";
  const Side<T>& m = strengthened ? s.M_prime : s.M;
  const T zero = numeric::from_int<T>(0);
  const Side<T> one = exact_side(numeric::from_int<T>(1));
  if (!(zero < m.value)) {
    auto q = not_applicable<T>(label, st, strengthened ? "M' = 0" : "M = 0");
    q.verdict = Verdict::Fails;  // α·0 cannot bound a positive left side; with Σ_S = 0 the lemma is vacuous anyway
    q.where = std::move(where);  // a premise: the summary counts it as one
    return q;
  }
  if (!(zero < s.loss_S0.value)) {  // Σ_S = 0 in T: compare values, 0 ≤ α m^{1+ρ}
    const T r = s.alpha.value * pow(m.value, T(one.value + s.rho.value));
    auto q = decide<T>(label, st, Relation::LessEqual, s.loss_S0, Side<T>{r, numeric::from_int<T>(0)}, std::move(where));
    q.note = "sum_S = 0: compared as values, not logs";
    return q;
  }
  const Side<T> lhs = s.rho * side_log(eps) + side_log(s.loss_S0);
  const Side<T> rhs = side_log(s.alpha) + (one + s.rho) * side_log(m);
  return decide<T>(label, st, Relation::LessEqual, lhs, rhs, std::move(where));
}

// (C1) and (C2) at a running ε′ (every GF checkpoint): the verdicts of condition_c1 /
// condition_c2 — the same Sides, the one rule — on values only, with (C2)'s constant
// logs (ln Σ_S, ln α + (1+ρ) ln M) computed once instead of at every checkpoint.
template <numeric::RealNumber T>
class RunningPremises {
 public:
  explicit RunningPremises(const InputSides<T>& s) : s_(s) {
    const T zero = numeric::from_int<T>(0);
    const Side<T> one = exact_side(numeric::from_int<T>(1));
    logs_ = zero < s.M.value && zero < s.loss_S0.value;
    if (logs_) {
      log_sum_S_ = side_log(s.loss_S0);
      rhs_ = side_log(s.alpha) + (one + s.rho) * side_log(s.M);
    }
  }
  bool c1(const Side<T>& eps) const { return c1_verdict(eps) == Verdict::Holds; }
  bool c2(const Side<T>& eps) const {
    if (!logs_) return condition_c2(s_, eps, false, "").verdict == Verdict::Holds;  // M = 0 or Σ_S = 0: as condition_c2
    return c2_verdict(eps) == Verdict::Holds;
  }
  // The verdicts, each side's bound multiplied by `widen` ≥ 1 (a screen in a
  // narrower type decides only what the wider type would decide the same way).
  // c2_verdict needs uses_logs().
  Verdict c1_verdict(const Side<T>& eps, long widen = 1) const {
    return verdict_of(Relation::Greater, widened(s_.c1_level, widen), widened(eps, widen));
  }
  bool uses_logs() const { return logs_; }
  Verdict c2_verdict(const Side<T>& eps, long widen = 1) const {
    return verdict_of(Relation::LessEqual, widened(Side<T>(s_.rho * side_log(eps) + log_sum_S_), widen), widened(rhs_, widen));
  }

 private:
  const InputSides<T>& s_;
  bool logs_ = false;
  Side<T> log_sum_S_, rhs_;
};

// min_{j∈S̄, γ_j>0} λ_j/γ_j ((G)); nullopt when every γ_j in S̄ is 0.
template <numeric::OrderedNumber T>
std::optional<Side<T>> min_ratio_small(const model::Instance<T>& in, std::size_t split) {
  std::vector<Side<T>> q;
  const T zero = numeric::from_int<T>(0);
  for (std::size_t j = split; j < in.dim(); ++j)
    if (zero < in.gamma[j]) q.push_back(bounds::input(in.lambda[j]) / bounds::input(in.gamma[j]));
  if (q.empty()) return std::nullopt;
  return bounds::extremum(q, false);
}

// max_{i∈P} λ_i/γ_1 ((A)).
template <numeric::OrderedNumber T>
Side<T> max_ratio_top(const model::Instance<T>& in, const Blocks<T>& b) {
  std::vector<Side<T>> q;
  for (std::size_t i = 0; i < in.dim(); ++i)
    if (b.in_P[i]) q.push_back(bounds::input(in.lambda[i]) / bounds::input(in.gamma[0]));
  return q.empty() ? exact_side(numeric::from_int<T>(0)) : bounds::extremum(q, true);
}

}  // namespace annealcheck::lemma2
