// GF(ε) and annealed GD(K, η, ε) on one draw (a diagonal instance, SPEC §5), in a
// number type T, with everything that can be decided exactly decided exactly:
//
// * the GD phase (where it stops, and whether it lands below ε): exact rationals
//   (prop1/gd_phase_exact.hpp), falling back to T in log space only for huge
//   exponents (flagged `gd.exact = false`);
// * the coordinates with γ_i = 0 (degenerate draws): they never move, so their
//   population loss Σ λ_i δ_i(0)² is one exact constant added to both runs;
// * exact ties L_D(GF) = L_D(annealed): when GD stops at t = 0 (both runs are GF
//   from δ(0)), or when every moving coordinate has the same γ and GD does not
//   land below ε (both runs end on the same ray at train loss ε), or when
//   λ_i/γ_i is the same on every moving coordinate (then L_D is a fixed multiple
//   of L̂ plus the constant, and both runs end at L̂ = ε). Proposition 1's case
//   (3,0), S_X = diag(1, 0), is a tie of the first kind.
//
// The flows run in log space (dynamics::LogTrainLoss built term by term from
// log(γ_i δ_i(K)²) = log(γ_i w_i) + K log f_i², dynamics/gradient_flow.hpp), so K growing steps
// (factor −2) cannot overflow: δ(K) is never formed. The ratio carries a
// relative rounding allowance (see `allowance` below) so that threshold
// verdicts are three-valued: holds, fails, undecided.
#pragma once

#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/prop1/decision.hpp"
#include "annealcheck/prop1/diagonal_draw.hpp"
#include "annealcheck/prop1/gd_phase.hpp"
#include "annealcheck/prop1/gd_phase_exact.hpp"

#include <cmath>
#include <optional>
#include <string>

namespace annealcheck::prop1 {

template <numeric::RealNumber T>
struct DrawOutcome {
  DrawKind kind = DrawKind::Lemma2;
  GdPhaseDecision gd;
  bool exact_tie = false;
  std::string tie_reason;
  T gf_time, gf_population_loss;     // GF(ε): stopping time and L_D (E2)
  T ann_time, ann_population_loss;   // annealed: GF time after the GD phase and L_D
  T gf_moving, ann_moving;           // the parts of L_D from coordinates with γ_i > 0
  T constant;                        // Σ_{γ_i=0} λ_i δ_i(0)² (exact, rounded once), in both L_D
  Rational constant_exact;
  T ratio;                           // L_D(GF) / L_D(annealed)
  T allowance;                       // relative rounding allowance of each moving part
  double allowance_eps = 0;          // the same in units of T's epsilon
};

// The GD phase decided in T, in log space (fallback when exact exponents are too large).
template <numeric::RealNumber T>
class LogSpaceGdOracle {
 public:
  explicit LogSpaceGdOracle(const DiagonalDraw& d) {
    using Tr = numeric::number_traits<T>;
    using std::log;
    log_eps_ = log(Tr::from_rational(d.eps));
    for (std::size_t i = 0; i < d.gamma.size(); ++i) {
      if (d.gamma[i].sign() == 0) continue;
      const T a = log(Tr::from_rational(d.gamma[i] * d.w0[i]));
      if (d.factor[i].sign() == 0) {
        zero_at_one_.push_back(a);
        continue;
      }
      log_base_.push_back(a);
      log_square_.push_back(log(Tr::from_rational(d.factor[i] * d.factor[i])));
    }
  }
  int compare_eps(long t) const {
    const auto l = log_loss(t);
    if (!l) return -1;  // h(t) = 0
    const T v = *l - log_eps_;
    const T zero = numeric::from_int<T>(0);
    return v < zero ? -1 : (zero < v ? 1 : 0);
  }
  bool nondecreasing(long t) const {
    const auto next = log_loss(t + 1), now = log_loss(t);
    if (!next) return !now;  // 0 ≥ h(t) only when h(t) = 0
    return !now || !(*next < *now);
  }

 private:
  // log h(t); nullopt when h(t) = 0 (every moving coordinate has f_i = 0, t ≥ 1)
  std::optional<T> log_loss(long t) const {
    using std::exp;
    using std::log;
    std::vector<T> a;
    const T tt = numeric::from_int<T>(t);
    for (std::size_t i = 0; i < log_base_.size(); ++i) a.push_back(log_base_[i] + tt * log_square_[i]);
    if (t == 0) a.insert(a.end(), zero_at_one_.begin(), zero_at_one_.end());
    if (a.empty()) return std::nullopt;
    T m = a[0];
    for (const T& x : a)
      if (m < x) m = x;
    T s = numeric::from_int<T>(0);
    for (const T& x : a) s += exp(x - m);
    return T(m + log(s));
  }
  T log_eps_;
  std::vector<T> log_base_, log_square_, zero_at_one_;
};

template <numeric::RealNumber T>
DrawOutcome<T> evaluate_draw(const DiagonalDraw& d) {
  using Tr = numeric::number_traits<T>;
  using std::log;
  DrawOutcome<T> o;
  o.kind = classify(d);
  if (auto g = decide_gd_phase_exact(d)) {
    o.gd = *g;
  } else {
    LogSpaceGdOracle<T> lo(d);
    o.gd = decide_gd_phase(lo, d.K);
    o.gd.exact = false;
  }
  const std::size_t dim = d.gamma.size();
  Rational constant(0), h0(0);
  for (std::size_t i = 0; i < dim; ++i) {
    if (d.gamma[i].sign() == 0) constant = constant + d.lambda[i] * d.w0[i];
    else h0 = h0 + d.gamma[i] * d.w0[i];
  }
  const T C = Tr::from_rational(constant);
  const T log_eps = log(Tr::from_rational(d.eps));
  const T zero = numeric::from_int<T>(0);

  // GF(ε) from δ(0)
  dynamics::LogTrainLoss<T> gf, ann;
  std::vector<T> coef_gf, coef_ann;
  const T t_stop = numeric::from_int<T>(o.gd.t_stop);
  for (std::size_t i = 0; i < dim; ++i) {
    if (d.gamma[i].sign() == 0) continue;
    const T a = log(Tr::from_rational(d.gamma[i] * d.w0[i]));
    const T rate = Tr::from_rational(Rational(4) * d.gamma[i]);
    const T coef = Tr::from_rational(d.lambda[i] / d.gamma[i]);
    gf.add(a, rate);
    coef_gf.push_back(coef);
    if (o.gd.t_stop == 0) {
      ann.add(a, rate);
      coef_ann.push_back(coef);
    } else if (d.factor[i].sign() != 0) {  // f_i = 0: δ_i = 0 after the first step
      ann.add(T(a + t_stop * log(Tr::from_rational(d.factor[i] * d.factor[i]))), rate);
      coef_ann.push_back(coef);
    }
  }
  o.gf_time = (d.eps < h0) ? dynamics::stopping_time_log(gf, log_eps, zero).time : zero;
  o.gf_moving = gf.weighted_sum(coef_gf, o.gf_time);
  o.ann_time = (o.gd.endpoint_vs_eps > 0) ? dynamics::stopping_time_log(ann, log_eps, zero).time : zero;
  o.ann_moving = ann.weighted_sum(coef_ann, o.ann_time);
  o.constant = C;
  o.constant_exact = constant;
  o.gf_population_loss = C + o.gf_moving;
  o.ann_population_loss = C + o.ann_moving;
  o.ratio = o.gf_population_loss / o.ann_population_loss;

  // Exact ties (see the header comment).
  if (o.gd.t_stop == 0) {
    o.exact_tie = true;
    o.tie_reason = d.K == 0 ? "K = 0: annealed GD is GF" : "train loss <= eps at t = 0: neither run moves";
  } else if (moving_spectrum_is_single(d) && o.gd.endpoint_vs_eps >= 0 && o.gd.exact) {
    o.exact_tie = true;
    o.tie_reason = "one moving eigenvalue: both runs end on the same ray at train loss eps";
  } else if (population_proportional_to_train(d) && o.gd.endpoint_vs_eps >= 0 && o.gd.exact) {
    o.exact_tie = true;
    o.tie_reason = "lambda_i/gamma_i equal on the moving coordinates: L_D = (lambda/gamma) train loss + const, and both "
                   "runs end at train loss eps";
  }

  // Relative error of each moving part: the log-space flow bound of
  // lemma2/error_bounds.hpp (§5 of error_bounds.md), the larger of the two runs.
  const T rg = lemma2::bounds::log_space_flow_relative_error(gf.rates(), gf.exponent_size(o.gf_time), dim);
  const T ra = lemma2::bounds::log_space_flow_relative_error(ann.rates(), ann.exponent_size(o.ann_time), dim);
  o.allowance = rg < ra ? ra : rg;
  o.allowance_eps = static_cast<double>(T(o.allowance / Tr::epsilon()));
  return o;
}

// Is L_D(GF)/L_D(annealed) ≥ r? Exact for exact ties (ratio exactly 1).
// Otherwise decided on the moving parts, so that the common constant of a
// degenerate draw cannot drown the comparison:
//   ratio ≥ r  ⟺  A_GF − r·A_ann − (r − 1)·C ≥ 0,
// with (r − 1)·C exact and rounded once; undecided when the left side is
// within the rounding allowance of 0.
template <numeric::RealNumber T>
Decision ratio_at_least(const DrawOutcome<T>& o, const Rational& r) {
  if (o.exact_tie) return Rational(1) >= r ? Decision::Holds : Decision::Fails;
  using Tr = numeric::number_traits<T>;
  using std::abs;
  const T rt = Tr::from_rational(r);
  const T shifted = Tr::from_rational((r - Rational(1)) * o.constant_exact);
  const T scaled_ann = rt * o.ann_moving;
  // Each side carries the relative allowance of its moving parts plus a few
  // roundings of the combination; decided by the one rule (lemma2/inequality.hpp).
  const T rel = o.allowance + numeric::from_int<T>(4) * Tr::epsilon();
  const lemma2::Side<T> lhs{o.gf_moving, T(rel * o.gf_moving)};
  const lemma2::Side<T> rhs{T(scaled_ann + shifted), T(rel * (scaled_ann + abs(shifted)))};
  switch (lemma2::decide<T>("ratio", "L_D(GF) >= r L_D(annealed)", lemma2::Relation::GreaterEqual, lhs, rhs, "").verdict) {
    case lemma2::Verdict::Holds: return Decision::Holds;
    case lemma2::Verdict::Fails: return Decision::Fails;
    default: return Decision::Undecided;
  }
}

// Which run ends with the lower population loss: "annealed", "GF", "tie (exact)"
// or "undecided (within rounding)".
template <numeric::RealNumber T>
std::string lower_run(const DrawOutcome<T>& o) {
  if (o.exact_tie) return "tie (exact)";
  switch (ratio_at_least(o, Rational(1))) {
    case Decision::Holds: return "annealed";
    case Decision::Fails: return "GF";
    case Decision::Undecided: return "undecided (within rounding)";
  }
  return "?";
}

}  // namespace annealcheck::prop1
