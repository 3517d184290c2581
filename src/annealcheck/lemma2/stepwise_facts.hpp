// (P3), (P4), (P5) asserted at every GD step of the annealed run (SPEC §3, "at
// every step"), allocation-free: every value lives in preallocated scratch, so the
// checks may run inside the step loop at any precision.
//
// Per step t (state after t steps of η = 1/γ_1):
//   (P3) |δ_i(t)| = |δ_i(0)| for i ∈ P       allowance (3t + 2)·eps relative to |δ_i(0)|
//   (P4) δ_i(t)² ≤ c^t·δ_i(0)² for i ∈ Q     allowance (6t + 4)·eps relative
//   (P5) L̂(δ(t)) ≥ Σ_{i∈P} γ_1 δ_i(0)²      allowance (6t + 2d + 4)·eps relative
// Allowances: each step multiplies by a factor computed with ≤ 2 roundings and
// rounds the product once (≤ 3 ulp per step on δ, 6 on δ²); the loss adds d terms.
// Gradual underflow (types with subnormals): a product that underflows carries an
// absolute error ≤ denorm_min, not a relative one, so (P4) — whose two sides decay
// together, like c^t — is also granted (δ_i(0)² + 1)·(t + 2)·denorm_min absolute
// (e.g. c = 1/4, t = 538 in double: c^t underflows to 0 while δ_i(t)² is subnormal).
#pragma once

#include "annealcheck/dynamics/observer.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/inequality.hpp"

#include <limits>
#include <string>
#include <vector>

namespace annealcheck::lemma2 {

template <numeric::OrderedNumber T>
class StepwiseFacts {
 public:
  StepwiseFacts(const model::Instance<T>& in, const Blocks<T>& b) : in_(in), b_(b) {
    const T zero = numeric::from_int<T>(0);
    ct_ = numeric::from_int<T>(1);
    for (Track& tr : tracks_) tr.worst = zero, tr.lhs = zero, tr.rhs = zero;
    abs0_.reserve(in.dim());
    for (const T& v : in.delta0) abs0_.push_back(v < zero ? T(-v) : v);
  }

  void operator()(const dynamics::StepEvent<T>& e) {
    if (e.phase != dynamics::Phase::GradientDescent) return;
    const T zero = numeric::from_int<T>(0);
    const long t = static_cast<long>(e.index);
    if (t > 0) ct_ *= b_.c;
    const double eps_units[3] = {3.0 * t + 2, 6.0 * t + 4, 6.0 * t + 2.0 * in_.dim() + 4};
    if constexpr (!numeric::number_traits<T>::is_exact) {
      for (int f = 0; f < 3; ++f) {  // thresholds −units·eps, once per step
        threshold_[f] = numeric::number_traits<T>::epsilon();
        threshold_[f] *= numeric::from_int<T>(static_cast<long>(eps_units[f]));
        threshold_[f] = -threshold_[f];
      }
    }
    for (std::size_t i = 0; i < e.delta.size() && t > 0; ++i) {  // (P3), (P4) are identities at t = 0
      if (b_.in_P[i]) {  // (P3): compare |δ_i(t)| with |δ_i(0)|, two-sided
        if (abs0_[i] == zero) continue;
        a_ = e.delta[i];
        if (a_ < zero) a_ = -a_;
        diff_ = a_;
        diff_ -= abs0_[i];
        if (diff_ < zero) diff_ = -diff_;
        rel_ = diff_;
        rel_ /= abs0_[i];
        rel_ = -rel_;  // slack: −|Δ|/|δ_i(0)|, 0 when exact
        offer(0, t, i, a_, abs0_[i], eps_units[0]);
      } else {  // (P4)
        lhs_ = e.delta[i];
        lhs_ *= e.delta[i];
        rhs_ = in_.delta0[i];
        rhs_ *= in_.delta0[i];
        rhs_ *= ct_;
        relative_slack(lhs_, rhs_);
        if constexpr (std::numeric_limits<T>::has_denorm == std::denorm_present) {
          if (rel_ < zero) {  // within the underflow floor: count as equal
            a_ = in_.delta0[i] * in_.delta0[i] + numeric::from_int<T>(1);
            a_ *= numeric::from_int<T>(t + 2) * std::numeric_limits<T>::denorm_min();
            if (!(a_ < T(-diff_))) rel_ = zero;
          }
        }
        offer(1, t, i, lhs_, rhs_, eps_units[1]);
      }
    }
    if (b_.top_mass0 == zero) return;
    relative_slack(b_.top_mass0, e.train_loss);  // (P5): top mass ≤ L̂(δ(t))
    offer(2, t, 0, e.train_loss, b_.top_mass0, eps_units[2]);
  }

  // The tightest instance of each fact over all steps (or its first failure).
  std::vector<Inequality<T>> results() const {
    static const char* labels[3] = {"P3", "P4", "P5"};
    static const char* statements[3] = {"|delta_i(t)| = |delta_i(0)| for i in P, every GD step",
                                        "delta_i(t)^2 <= c^t delta_i(0)^2 for i in Q, every GD step",
                                        "Lhat(delta(t)) >= sum_{i in P} gamma_1 delta_i(0)^2, every GD step"};
    static const Relation rels[3] = {Relation::LessEqual, Relation::LessEqual, Relation::GreaterEqual};
    std::vector<Inequality<T>> out;
    for (int f = 0; f < 3; ++f) {
      const Track& tr = tracks_[f];
      if (!tr.seen) {
        out.push_back(not_applicable<T>(labels[f], statements[f], f == 0 ? "no coordinate in P with delta_i(0) != 0"
                                                                  : f == 1 ? "Q is empty"
                                                                           : "no GD step"));
        continue;
      }
      std::string where = (tr.failed ? "first failure at GD step " : "tightest at GD step ") + std::to_string(tr.step);
      if (f < 2) where += ", i = " + std::to_string(tr.coord + 1);
      if (f == 0) {
        // |δ_i(t)| against |δ_i(0)|: lhs = |δ_i(t)|, rhs = |δ_i(0)|, margin −||δ_i(t)| − |δ_i(0)||
        Inequality<T> q = decide<T>(labels[f], statements[f], Relation::LessEqual, tr.lhs, tr.lhs, tr.allow, where);
        q.rhs = tr.rhs;
        T m = tr.lhs - tr.rhs;
        q.margin = m < numeric::from_int<T>(0) ? m : T(-m);
        q.verdict = tr.failed ? Verdict::Fails : Verdict::Holds;
        out.push_back(q);
      } else {
        Inequality<T> q = decide<T>(labels[f], statements[f], rels[f], tr.lhs, tr.rhs, tr.allow, where);
        if (tr.failed) q.verdict = Verdict::Fails;
        out.push_back(q);
      }
    }
    return out;
  }

  bool any_failed() const { return tracks_[0].failed || tracks_[1].failed || tracks_[2].failed; }

 private:
  struct Track {
    T worst, lhs, rhs;
    long step = 0;
    std::size_t coord = 0;
    double allow = 0;
    bool seen = false, failed = false;
  };

  // rel_ := (hi − lo)/max(|lo|, |hi|): the relative slack of lo ≤ hi.
  void relative_slack(const T& lo, const T& hi) {
    const T zero = numeric::from_int<T>(0);
    diff_ = hi;
    diff_ -= lo;
    a_ = lo < zero ? T(-lo) : lo;
    if (a_ < (hi < zero ? T(-hi) : hi)) a_ = hi < zero ? T(-hi) : hi;
    if (a_ == zero) {
      rel_ = zero;
      return;
    }
    rel_ = diff_;
    rel_ /= a_;
  }

  void offer(int f, long t, std::size_t i, const T& lhs, const T& rhs, double allow_eps) {
    Track& tr = tracks_[f];
    bool fails = false;
    if constexpr (numeric::number_traits<T>::is_exact) {
      fails = rel_ < numeric::from_int<T>(0);
    } else {
      fails = rel_ < threshold_[f];
    }
    if (tr.failed) return;  // keep the first failure
    if (!tr.seen || fails || rel_ < tr.worst) {
      tr.worst = rel_;
      tr.lhs = lhs;
      tr.rhs = rhs;
      tr.step = t;
      tr.coord = i;
      tr.allow = allow_eps;
      tr.seen = true;
      tr.failed = fails;
    }
  }

  const model::Instance<T>& in_;
  const Blocks<T>& b_;
  std::vector<T> abs0_;
  T ct_, a_, diff_, rel_, lhs_, rhs_;
  T threshold_[3];
  Track tracks_[3];
};

}  // namespace annealcheck::lemma2
