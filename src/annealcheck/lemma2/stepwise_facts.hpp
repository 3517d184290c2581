// (P3), (P4), (P5) asserted at every GD step of the annealed run (SPEC §3, "at
// every step"), with the error bounds of lemma2/error_bounds.hpp (DescentErrors:
// δ_i(t) against the exact δ_i(0)·f_i^t, error_bounds.md §4):
//   (P3) |δ_i(t)| = |δ_i(0)| for i ∈ P     an identity: WithinRounding at best in a rounding type
//   (P4) δ_i(t)² ≤ c^t·δ_i(0)² for i ∈ Q   tight (a tie) for the coordinate that attains c
//   (P5) L̂(δ(t)) ≥ Σ_{i∈P} γ_1 δ_i(0)²
// Allocation-free after construction: every value lives in preallocated scratch,
// so the checks may run inside the step loop at any precision. The tightest
// decision of each fact is kept by comparing (margin + bound)/scale cross-multiplied
// (no division per coordinate); Inequality objects are built only in results().
#pragma once

#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/dynamics/observer.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"

#include <string>
#include <vector>

namespace annealcheck::lemma2 {

template <numeric::OrderedNumber T>
class StepwiseFacts {
 public:
  StepwiseFacts(const model::Instance<T>& in, const Blocks<T>& b, const InputSides<T>& s)
      : in_(in), b_(b), s_(s), factors_(dynamics::descent_factors(in.gamma, in.eta)),
        errors_(in.gamma, s.eta, factors_, in.delta0),
        c_(bounds::contraction_side(b.c, factors_, errors_.factor_errors(), b.in_P)) {
    const T zero = numeric::from_int<T>(0);
    ct_ = exact_side(numeric::from_int<T>(1));
    for (Track& tr : tracks_) tr.lhs = tr.rhs = tr.lhs_error = tr.rhs_error = tr.margin = tr.bound = tr.slack = tr.scale = zero;
    abs0_.reserve(in.dim());
    for (const T& v : in.delta0) abs0_.push_back(bounds::abs_of(v));
  }

  void operator()(const dynamics::StepEvent<T>& e) {
    if (e.phase != dynamics::Phase::GradientDescent) return;
    const long t = static_cast<long>(e.index);
    if (t == 0) return;  // (P3), (P4) are identities at t = 0; (P5) at t = 0 is (C1′)'s premise
    errors_.step(e.delta);
    ct_ = ct_ * c_;
    const std::vector<T>& E = errors_.errors();
    const T zero = numeric::from_int<T>(0), two = numeric::from_int<T>(2);
    loss_error_ = zero;
    for (std::size_t i = 0; i < e.delta.size(); ++i) {
      a_ = bounds::abs_of(e.delta[i]);
      sq_error_ = two * a_ * E[i] + E[i] * E[i];
      sq_error_ += bounds::rounding(T(a_ * a_));
      scratch_ = in_.gamma[i] * sq_error_;
      loss_error_ += scratch_;
      if (b_.in_P[i]) {  // (P3): |δ_i(t)| against |δ_i(0)|, two-sided
        if (abs0_[i] == zero) continue;
        offer(0, t, i, a_, E[i], abs0_[i], s_.delta0_error[i], true, false);
      } else {  // (P4): δ_i(t)² ≤ c^t δ_i(0)²
        lhs_ = a_ * a_;
        rhs_ = ct_.value * in_.delta0[i] * in_.delta0[i];
        rhs_error_ = bounds::abs_of(ct_.value) * s_.delta0_sq_error[i] +
                     ct_.error * in_.delta0[i] * in_.delta0[i] + bounds::rounding(rhs_);
        offer(1, t, i, lhs_, sq_error_, rhs_, rhs_error_, false, false);
      }
    }
    if (b_.top_mass0 == zero) return;
    // (P5): L̂(δ(t)) ≥ top mass; L̂'s bound: Σγ_i e_i + (d + 3)·u·L̂ (error_bounds.md §1)
    loss_error_ += numeric::from_int<T>(static_cast<long>(e.delta.size()) + 3) * bounds::rounding(e.train_loss);
    offer(2, t, 0, e.train_loss, loss_error_, s_.top_mass0.value, s_.top_mass0.error, false, true);
  }

  // The tightest decision of each fact over all steps (or its first failure), and
  // how many (step, coordinate) decisions were within rounding.
  std::vector<Inequality<T>> results() const {
    static const char* labels[3] = {"P3", "P4", "P5"};
    static const char* statements[3] = {"|delta_i(t)| = |delta_i(0)| for i in P, every GD step",
                                        "delta_i(t)^2 <= c^t delta_i(0)^2 for i in Q, every GD step",
                                        "Lhat(delta(t)) >= sum_{i in P} gamma_1 delta_i(0)^2, every GD step"};
    static const Relation rels[3] = {Relation::Equal, Relation::LessEqual, Relation::GreaterEqual};
    std::vector<Inequality<T>> out;
    for (int f = 0; f < 3; ++f) {
      const Track& tr = tracks_[f];
      if (!tr.seen) {
        out.push_back(not_applicable<T>(labels[f], statements[f], f == 0 ? "no coordinate in P with delta_i(0) != 0"
                                                                  : f == 1 ? "Q is empty"
                                                                           : "no GD step"));
        continue;
      }
      std::string where = (tr.verdict == Verdict::Fails ? "first failure at GD step " : "tightest at GD step ") + std::to_string(tr.step);
      if (f < 2) where += ", i = " + std::to_string(tr.coord + 1);
      Inequality<T> q = decide<T>(labels[f], statements[f], rels[f], Side<T>{tr.lhs, tr.lhs_error}, Side<T>{tr.rhs, tr.rhs_error}, where);
      if (tr.within > 0) q.note = std::to_string(tr.within) + " of " + std::to_string(tr.decided) + " step decisions within rounding";
      out.push_back(std::move(q));
    }
    return out;
  }

  bool any_failed() const {
    return tracks_[0].verdict == Verdict::Fails || tracks_[1].verdict == Verdict::Fails || tracks_[2].verdict == Verdict::Fails;
  }
  const std::vector<T>& state_errors() const { return errors_.errors(); }  // E_i(t) after the last step seen
  const Side<T>& contraction() const { return c_; }

 private:
  struct Track {
    T lhs, rhs, lhs_error, rhs_error, margin, bound, slack, scale;
    long step = 0, within = 0, decided = 0;
    std::size_t coord = 0;
    bool seen = false;
    Verdict verdict = Verdict::Holds;
  };

  static int rank(Verdict v) {
    return v == Verdict::Fails ? 0 : v == Verdict::Undecidable ? 1 : v == Verdict::WithinRounding ? 2 : 3;
  }

  // Classifies one decision by the one rule (detail::classify, without building an
  // Inequality) and keeps it when it is the tightest so far.
  void offer(int f, long t, std::size_t i, const T& lhs, const T& lhs_err, const T& rhs, const T& rhs_err, bool equal,
             bool greater) {
    Track& tr = tracks_[f];
    const T zero = numeric::from_int<T>(0);
    margin_ = greater ? T(lhs - rhs) : T(rhs - lhs);
    if (equal && margin_ > zero) margin_ = -margin_;
    bound_ = lhs_err + rhs_err;
    const Verdict v = detail::classify(lhs, rhs, margin_, bound_, false);  // the one rule (inequality.hpp), allocation-free
    ++tr.decided;
    if (v == Verdict::WithinRounding) ++tr.within;
    if (tr.seen && tr.verdict == Verdict::Fails) return;  // keep the first failure
    slack_ = margin_ + bound_;
    scale_ = side_scale(lhs, rhs);
    bool take = !tr.seen || rank(v) < rank(tr.verdict);
    if (!take && rank(v) == rank(tr.verdict)) take = slack_ * tr.scale < tr.slack * scale_;  // smaller relative slack
    if (!take) return;
    tr.lhs = lhs, tr.rhs = rhs, tr.lhs_error = lhs_err, tr.rhs_error = rhs_err;
    tr.margin = margin_, tr.bound = bound_, tr.slack = slack_, tr.scale = scale_;
    tr.step = t, tr.coord = i, tr.seen = true, tr.verdict = v;
  }

  const model::Instance<T>& in_;
  const Blocks<T>& b_;
  const InputSides<T>& s_;
  std::vector<T> factors_;
  bounds::DescentErrors<T> errors_;
  Side<T> c_, ct_;
  std::vector<T> abs0_;
  T a_, lhs_, rhs_, rhs_error_, sq_error_, loss_error_, scratch_, margin_, bound_, slack_, scale_;
  Track tracks_[3];
};

}  // namespace annealcheck::lemma2
