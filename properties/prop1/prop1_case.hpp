// Proposition 1 cases (SPEC §4): α, ε ∈ (0,1), K GD steps, GF checkpoints; the
// instance itself is fixed by the proposition (δ(0) = −100·α^{−1/2}·(1, 1) is
// irrational, so it is built in each number type, as engine::materialize_prop1 does).
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "annealcheck/numeric/rational.hpp"
#include "properties/support/case_facts.hpp"

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

#include <cmath>
#include <optional>
#include <vector>

namespace annealcheck::properties {

struct Prop1Case {
  numeric::Rational alpha, eps;
  long K = 1;
  std::size_t checkpoints = 8;
};

// min_K: 1 for the (2,1) case (SPEC: K ≥ 1), 0 for (3,0). max_K caps K where the
// type's exponent range demands it ((3,0) grows like 2^K: 400 in double, where
// L̂ = (2^K·100/√α)² must stay finite).
rc::Gen<Prop1Case> prop1_case(long min_K, long max_K);
nlohmann::json to_json(const Prop1Case& c);
Prop1Case prop1_case_from_json(const nlohmann::json& j);
inline const char* prop1_case_format() { return "{alpha, eps, K, checkpoints}"; }  // PropertyInfo::case_format
CaseFacts facts(const Prop1Case& c);
void showValue(const Prop1Case& c, std::ostream& os);

// The (3,0) instance of SPEC §4: γ = (1, 0), λ = (1/2, 1/2), δ(0) = −100/√α·(1, 1), η = 3/2.
template <numeric::RealNumber T>
struct Case30 {
  std::vector<T> gamma, lambda, delta0;
  T alpha, eps, eta;
};

template <numeric::RealNumber T>
Case30<T> materialize_case30(const Prop1Case& c) {
  using std::sqrt;
  using Tr = numeric::number_traits<T>;
  Case30<T> in;
  in.gamma = {numeric::from_int<T>(1), numeric::from_int<T>(0)};
  in.lambda = {Tr::from_rational(numeric::Rational(1, 2)), Tr::from_rational(numeric::Rational(1, 2))};
  in.alpha = Tr::from_rational(c.alpha);
  const T d0 = numeric::from_int<T>(-100) / sqrt(in.alpha);
  in.delta0 = {d0, d0};
  in.eps = Tr::from_rational(c.eps);
  in.eta = Tr::from_rational(numeric::Rational(3, 2));
  return in;
}

template <numeric::LadderNumber T>
bool is_finite(const T& x) {
  const T z = x - x;  // NaN for ±inf and NaN
  return z == numeric::from_int<T>(0);
}

// Both runs of the (3,0) case stopped at the input ε, each flow's squared
// coordinates bounded over its stopping time's error (error_bounds.md §2–3).
// δ(0) = −100/√α carries 3 roundings; the GD factor 1 − 2·(3/2)·1 = −2 is exact in
// every type, so δ(K) = (−2)^K δ(0) and its bounds scale by 2^K.
template <numeric::RealNumber T>
struct Case30Stops {
  Case30<T> in;
  dynamics::FlowResult<T> gf;
  dynamics::AnnealedResult<T> fast;
  bool finite = true;
  std::vector<T> e0, eK;
  std::optional<lemma2::bounds::FlowErrors<T>> at_gf, at_fast;

  explicit Case30Stops(const Prop1Case& c) : in(materialize_case30<T>(c)) {
    gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, dynamics::NullObserver{});
    fast = dynamics::run_annealed(in.gamma, in.delta0, in.eta, c.K, in.eps, c.checkpoints, dynamics::NullObserver{});
    finite = is_finite(fast.descent.train_loss) && is_finite(fast.flow.delta[0]);
    if (!finite) return;
    e0 = lemma2::bounds::input_errors(in.delta0);
    for (T& e : e0) e *= numeric::from_int<T>(3);
    eK = e0;
    for (std::size_t i = 0; i < 2; ++i) eK[i] *= lemma2::bounds::abs_of(T(fast.descent.delta[i] / in.delta0[i]));
    const lemma2::Side<T> eps = lemma2::bounds::input(in.eps);
    at_gf.emplace(in.gamma, in.delta0, e0);
    at_gf->at(gf.delta, gf.time, lemma2::bounds::stopping_time_error(in.gamma, in.delta0, e0, gf.delta, gf.time, eps));
    at_fast.emplace(in.gamma, fast.descent.delta, eK);
    at_fast->at(fast.flow.delta, fast.flow.time,
                lemma2::bounds::stopping_time_error(in.gamma, fast.descent.delta, eK, fast.flow.delta, fast.flow.time, eps));
  }
  Case30Stops(const Case30Stops&) = delete;

  // δ_i from its square's bound e (the sign is exact: GF keeps it, GD multiplies by −2 exactly):
  // |δ̃ − δ| = |δ̃² − δ²|/(|δ̃| + |δ|) ≤ e/|δ̃|, or √e when δ̃ = 0.
  static lemma2::Side<T> coordinate(const std::vector<T>& x, const std::vector<T>& sq, std::size_t i) {
    using std::sqrt;
    return {x[i], x[i] == numeric::from_int<T>(0) ? T(sqrt(sq[i])) : T(sq[i] / lemma2::bounds::abs_of(x[i]))};
  }
  lemma2::Side<T> gf_coordinate(std::size_t i) const { return coordinate(gf.delta, at_gf->squared_errors(), i); }
  lemma2::Side<T> fast_coordinate(std::size_t i) const { return coordinate(fast.flow.delta, at_fast->squared_errors(), i); }
};

}  // namespace annealcheck::properties
