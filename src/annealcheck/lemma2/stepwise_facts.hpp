// (P3), (P4), (P5) asserted at every GD step of the annealed run (SPEC §3, "at
// every step"), with the error bounds of lemma2/error_bounds.hpp (δ̃_i(t) against
// the exact δ_i(0)·f_i^t, error_bounds.md §4):
//   (P3) |δ_i(t)| = |δ_i(0)| for i ∈ P     an identity: WithinRounding at best in a rounding type
//   (P4) δ_i(t)² ≤ c^t·δ_i(0)² for i ∈ Q   tight (a tie) for the coordinate that attains c
//   (P5) L̂(δ(t)) ≥ Σ_{i∈P} γ_1 δ_i(0)²
//
// Cost (issue 11): the GD step itself is 4 operations per coordinate; the checks
// must not cost many times that. Two devices, both exact in what they decide:
//  - Closed-form state bounds (error_bounds.md §4b): for a coordinate with
//    |f̃_i| ≥ 1/4 that stays in the normal range, E_i(t) ≤ κ_i(t)·u·|δ̃_i(t)| with
//    κ_i(t) = (κ_i(0) + b_i·t)·G, G ≈ 1 + 2K·max b·u, so it needs no per-step work. Other
//    coordinates ("tracked") run the step-by-step recursion of DescentErrors.
//  - A filter for (P4): |δ̃_i(t)/δ_i(0)| ≤ H(t) proves that the full decision would
//    be Holds and not tighter than the tightest kept so far (H(t) from the current
//    tightest slack and a bound on every closed coordinate's relative bound), so
//    the decision is counted without being built. Every other decision — (P3), the
//    coordinates the filter cannot clear, the tracked ones — runs the full rule.
//    `filter = false` runs the full rule everywhere; tests/lemma2 compares the two.
// Allocation-free after construction. Inequality objects are built only in results().
#pragma once

#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/dynamics/observer.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/descent_errors.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/numeric/block_runner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace annealcheck::lemma2 {

template <numeric::OrderedNumber T>
class StepwiseFacts {
 public:
  StepwiseFacts(const model::Instance<T>& in, const Blocks<T>& b, const InputSides<T>& s, bool filter = true)
      : in_(in), b_(b), s_(s), factors_(dynamics::descent_factors(in.gamma, in.eta)),
        errors_(in.gamma, s.eta, factors_, in.delta0, s.delta0_error),
        c_(bounds::contraction_side(b.c, factors_, errors_.factor_errors(), b.in_P)),
        runner_(numeric::number_traits<T>::thread_independent && numeric::block_count(in.dim()) > 1) {
    const T zero = numeric::from_int<T>(0);
    ct_ = exact_side(numeric::from_int<T>(1));
    for (Track& tr : tracks_) tr.lhs = tr.rhs = tr.lhs_error = tr.rhs_error = tr.margin = tr.bound = tr.slack = tr.scale = zero;
    closed_form_setup();
    filter_ = filter && !numeric::number_traits<T>::is_exact;
    std::size_t blocks = 1, longest = 0;
    for (const Class& c : classes_) blocks = std::max(blocks, numeric::block_count(c.idx.size())), longest = std::max(longest, c.idx.size());
    misses_.resize(blocks);
    for (Misses& m : misses_) m.idx.resize(std::min(numeric::block_size, longest));
    ratio_.resize(blocks);
  }

  void operator()(const dynamics::StepEvent<T>& e) {
    if (e.phase != dynamics::Phase::GradientDescent) return;
    const long t = static_cast<long>(e.index);
    if (t == 0) return;  // (P3), (P4) are identities at t = 0; (P5) at t = 0 is (C1′)'s premise
    step_ = t;
    errors_.step(e.delta, tracked_);
    ct_ = ct_ * c_;
    const T zero = numeric::from_int<T>(0);
    for (Class& c : classes_) {
      c.kappa_at(t);
      c.filter_on = filter_ && filter_threshold(c);
    }
    // (P3), (P4): tracked coordinates and P first, with the full rule.
    loss_error_ = zero;
    for (std::size_t i : tracked_) {
      full_decision(t, i, e.delta[i], errors_.errors()[i]);
      scratch_ = in_.gamma[i] * sq_error_;
      loss_error_ += scratch_;
    }
    for (const Class& c : classes_) {
      if (!c.filter_on) {
        for (std::size_t i : c.idx) {
          closed_error(i, t, e.delta[i]);
          full_decision(t, i, e.delta[i], E_);
        }
        continue;
      }
      // The filter decides each coordinate on its own (H is fixed for the step), so it
      // runs over blocks on two threads; what it cannot clear gets the full rule here,
      // in index order, exactly as one loop would.
      const std::size_t blocks = numeric::block_count(c.idx.size());
      runner_.run(blocks, [&](std::size_t blk) { filter_block(c, blk, t, e.delta); });
      for (std::size_t blk = 0; blk < blocks; ++blk) {
        const Misses& m = misses_[blk];
        const long cleared = static_cast<long>(numeric::block_end(blk, c.idx.size()) - numeric::block_begin(blk) - m.count);
        tracks_[1].decided += cleared;
        filtered_ += cleared;
        for (std::size_t k = 0; k < m.count; ++k) {
          const std::size_t i = m.idx[k];
          closed_error(i, t, e.delta[i]);
          full_decision(t, i, e.delta[i], E_);
        }
      }
    }
    if (b_.top_mass0 == zero) return;
    // (P5): L̂(δ(t)) ≥ top mass. L̂'s bound (error_bounds.md §4b): Σ_tracked γ_i e_i; for the
    // slow closed coordinates u(2κ + κ²u + 1)·L̂ (their γ_iδ̃_i² sum to at most L̂(1 + (d+2)u));
    // for the fast ones the same factor times W_fast·q^{2t} (each |δ̃_i| shrinks by at least
    // q per step); and (d + 3)·u·L̂ for the summation (error_bounds.md §1).
    fast_mass_ *= fast_q2_;
    classes_[0].loss_factor(scratch_);
    scratch_ += numeric::from_int<T>(static_cast<long>(e.delta.size()) + 3);
    scratch_ *= bounds::rounding(e.train_loss);
    scratch_ *= one_plus_du_;
    loss_error_ += scratch_;
    if (!classes_[1].idx.empty()) {
      classes_[1].loss_factor(scratch_);
      scratch_ *= bounds::unit<T>();
      scratch_ *= fast_mass_;
      scratch_ *= one_plus_du_;
      loss_error_ += scratch_;
    }
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
        out.push_back(not_applicable<T>(labels[f], statements[f], step_ == 0 ? "no GD step"  // K = 0: none of the three has a step
                                                                  : f == 0   ? "no coordinate in P with delta_i(0) != 0"
                                                                  : f == 1   ? "Q is empty"
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
  // E_i(t): bounds on |δ̃_i(t) − δ_i(t)| for the state δ̃(t) of the last step seen
  // (the caller passes that state: the closed coordinates' bounds scale with it).
  std::vector<T> state_errors(const std::vector<T>& delta) const {
    std::vector<T> out = errors_.errors();
    T E;
    for (const Class& c : classes_)
      for (std::size_t i : c.idx) {
        closed_error_into(E, i, step_, delta[i]);
        out[i] = E;
      }
    return out;
  }
  // Once state_errors() has been taken, the GD phase's per-coordinate data is no
  // longer needed: this frees it (O(d) numbers several times over, issue 11's memory
  // target). results(), any_failed() and contraction() keep working; no more steps.
  void release_state() {
    const auto drop = [](auto& v) { std::decay_t<decltype(v)>().swap(v); };
    drop(factors_), drop(kappa0_), drop(slope_), drop(inv0_), drop(class_of_), drop(log_factor_);
    drop(misses_), drop(ratio_), drop(tracked_);
    for (Class& c : classes_) drop(c.idx);
    errors_.release();
  }
  const Side<T>& contraction() const { return c_; }
  std::size_t tracked_count() const { return tracked_.size(); }  // coordinates on the step-by-step recursion
  long filtered_count() const { return filtered_; }               // (P4) decisions cleared by the filter

 private:
  // Closed coordinates in two classes (error_bounds.md §4b): slow, |f̃_i| ≥ 1/4, whose
  // share of (P5)'s bound is scaled by L̂, and fast, |f̃_i| < 1/4 (only in types without
  // subnormals), by a mass that shrinks like q^{2t}. Each has its own κ_max and filter.
  struct Class {
    std::vector<std::size_t> idx;
    T kappa0_max, b_max, growth, kappa_max, H, negH;
    double log_H = -std::numeric_limits<double>::infinity();  // ≤ log H(t) (the log screen)
    bool filter_on = false, log_screen = false;
    void kappa_at(long t) {  // κ_max(t) = (max κ(0) + max b·t)·G ≥ every κ_i(t) of the class
      if (idx.empty()) return;
      kappa_max = b_max;
      kappa_max *= numeric::from_int<T>(t);
      kappa_max += kappa0_max;
      kappa_max *= growth;
    }
    void loss_factor(T& out) const {  // 2κ_max + κ_max²u + 1
      out = kappa_max * kappa_max;
      out *= bounds::unit<T>();
      out += kappa_max;
      out += kappa_max;
      out += numeric::from_int<T>(1);
    }
  };

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

  // error_bounds.md §4b. With A_i = |f̃_i| + e_i and a rounding of at most u/2 per
  // step, κ_i(t) := E_i(t)/(u|δ̃_i(t)|) obeys κ(t) ≤ (A/|f̃|·κ(t−1) + ê/|f̃|)/(1 − u/2),
  // ê = e/u; while K·(b + 1)·u ≤ 1/16 (b = ê/|f̃|/(1 − u/2)) the growth factor a^t
  // stays below G := 1 + 2K(b_max + 1)u(1 + u) over K steps, so κ(t) ≤ (κ(0) + b·t)·G.
  void closed_form_setup();  // lemma2/stepwise_facts_setup.hpp

  // Types with subnormals: the relative bound needs |δ̃_i(t)| normal for t ≤ K:
  // log|δ_i(0)| + K·log(|f̃_i|(1 − u)) ≥ log(min normal) + 8 log 2.
  bool normal_throughout(std::size_t i, const T& f) const {
    if constexpr (!numeric::number_traits<T>::is_exact && std::numeric_limits<T>::has_denorm == std::denorm_present) {
      using std::log;
      const T one = numeric::from_int<T>(1);
      const T lo = log(bounds::abs_of(in_.delta0[i])) + numeric::from_int<T>(in_.K) * log(T(f * (one - bounds::unit<T>())));
      return numeric::from_int<T>(8) * log(numeric::from_int<T>(2)) + log(std::numeric_limits<T>::min()) < lo;
    } else {
      (void)i, (void)f;
      return true;
    }
  }

  // (P4)'s filter over positions [block_begin(blk), block_end(blk)) of c.idx: a
  // coordinate outside P with |δ̃_i(t)/δ_i(0)| ≤ H(t) is cleared (Holds, not tighter);
  // the others are listed in misses_[blk]. Touches only block blk's outputs.
  void filter_block(const Class& c, std::size_t blk, long t, const std::vector<T>& delta) {
    Misses& m = misses_[blk];
    T& ratio = ratio_[blk];
    m.count = 0;
    const double td = static_cast<double>(t);
    for (std::size_t p = numeric::block_begin(blk); p < numeric::block_end(blk, c.idx.size()); ++p) {
      const std::size_t i = c.idx[p];
      if (!b_.in_P[i]) {
        if (c.log_screen) {  // t·log(|f̃_i|(1 + u/2)) ≤ log H(t), in double (error_bounds.md §4c)
          const double tl = td * log_factor_[i];
          if (tl <= c.log_H - std::abs(tl) * 0x1p-51) continue;
        }
        numeric::multiply_into(ratio, delta[i], inv0_[i]);
        if (ratio <= c.H && c.negH <= ratio) continue;  // |ratio| ≤ H(t) (NaN fails)
      }
      m.idx[m.count++] = i;
    }
  }

  // An upper bound in double on log(|f̃_i|(1 + u/2)), T of at least 64 bits
  // (error_bounds.md §4c): |f̃_i| rounded to double and raised by 2^-51 covers that
  // rounding, the factor 1 + u/2 and the product's own rounding; libm's log is
  // within an ulp, covered by 2^-50 of its size.
  static double log_factor_up(const T& f) {
    double fd = static_cast<double>(f);
    if (fd < std::numeric_limits<double>::min()) fd = 2 * std::numeric_limits<double>::min();
    fd *= 1 + 0x1p-51;
    const double l = std::log(fd);
    return l + std::abs(l) * 0x1p-50;
  }

  void closed_error_into(T& E, std::size_t i, long t, const T& delta) const {
    const T& growth = classes_[class_of_[i]].growth;
    E = slope_[i];
    E *= numeric::from_int<T>(t);
    E += kappa0_[i];
    E *= growth;
    E *= bounds::unit<T>();
    E *= delta < numeric::from_int<T>(0) ? T(-delta) : delta;
    E *= growth;  // the roundings of this product (≤ 3u ≤ 2^-19 of the growth factor)
  }
  void closed_error(std::size_t i, long t, const T& delta) { closed_error_into(E_, i, t, delta); }

  // H(t) for (P4)'s filter: the full rule's relative bound is at most
  // β = [(2κ_max + κ_max²u + 1)u + max_i e0_i/δ_i(0)² + ct.err/ct + u](1 + 8u); a decision
  // with δ̃²/(c^tδ(0)²) ≤ θ := 1 − max(2β + 4u, σ*(1 + 8u) + 8u) holds (margin > bound)
  // and has relative slack ≥ σ*, the tightest kept (Holds) so far — so it changes
  // nothing but the count. H = √(θ·ct)·(1 − 16u) covers the roundings of the test.
  bool filter_threshold(Class& c) const {
    if constexpr (numeric::number_traits<T>::is_exact) {
      (void)c;
      return false;
    } else {
      using std::sqrt;
      const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), u = bounds::unit<T>();
      if (c.idx.empty() || !(zero < ct_.value)) return false;
      T beta = c.kappa_max * c.kappa_max * u + c.kappa_max + c.kappa_max + one;
      beta *= u;
      beta += rel_sq0_max_ + ct_.error / ct_.value + u;
      beta *= one + numeric::from_int<T>(8) * u;
      T need = beta + beta + numeric::from_int<T>(4) * u;
      const Track& tr = tracks_[1];
      if (tr.seen && tr.verdict == Verdict::Holds) {
        const T sigma = (tr.slack / tr.scale) * (one + numeric::from_int<T>(8) * u) + numeric::from_int<T>(8) * u;
        if (need < sigma) need = sigma;
      }
      if (!(need < one)) return false;
      c.H = sqrt(T((one - need) * ct_.value)) * (one - numeric::from_int<T>(16) * u);
      c.negH = -c.H;
      if (!(zero < c.H)) return false;
      if (c.log_screen) {  // log H rounded to double, then moved down past that rounding
        using std::log;
        const double l = static_cast<double>(T(log(c.H)));
        c.log_H = l - std::abs(l) * 0x1p-50 - std::numeric_limits<double>::min();
      }
      return true;
    }
  }

  // The full rule for (P3)/(P4) at coordinate i with state bound E; leaves the
  // coordinate's bound on δ̃_i² in sq_error_.
  void full_decision(long t, std::size_t i, const T& delta, const T& E) {
    const T zero = numeric::from_int<T>(0);
    a_ = delta < zero ? T(-delta) : delta;
    sq_error_ = a_;
    sq_error_ += a_;
    sq_error_ += E;
    sq_error_ *= E;  // 2|δ̃|E + E²
    lhs_ = a_ * a_;
    sq_error_ += bounds::rounding(lhs_);
    if (b_.in_P[i]) {  // (P3): |δ_i(t)| against |δ_i(0)|, two-sided
      if (in_.delta0[i] == zero) return;
      abs0_ = bounds::abs_of(in_.delta0[i]);
      offer(0, t, i, a_, E, abs0_, s_.delta0_error[i], true, false);
    } else {  // (P4): δ_i(t)² ≤ c^t δ_i(0)²
      rhs_ = ct_.value * in_.delta0[i] * in_.delta0[i];
      rhs_error_ = bounds::abs_of(ct_.value) * s_.delta0_sq_error[i] + ct_.error * in_.delta0[i] * in_.delta0[i] + bounds::rounding(rhs_);
      offer(1, t, i, lhs_, sq_error_, rhs_, rhs_error_, false, false);
    }
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
  bounds::DescentErrors<T> errors_;  // the recursion, run for the tracked coordinates only
  Side<T> c_, ct_;
  Class classes_[2];
  std::vector<std::size_t> tracked_;
  std::vector<T> kappa0_, slope_, inv0_;  // κ_i(0), b_i, 1/δ_i(0) of the closed coordinates
  std::vector<unsigned char> class_of_;
  T one_plus_du_, rel_sq0_max_, fast_mass_, fast_q2_;
  struct Misses {
    std::vector<std::size_t> idx;  // capacity block_size, allocated once
    std::size_t count = 0;
  };
  std::vector<Misses> misses_;  // per block of a class's positions
  std::vector<T> ratio_;        // the filter's scratch, per block
  static constexpr std::size_t kLogScreenMinCoordinates = 256;
  std::vector<double> log_factor_;  // log_factor_up(f̃_i) of the closed coordinates (the log screen)
  bool log_screen_ = false;
  numeric::BlockRunner runner_;
  T E_;
  T a_, abs0_, lhs_, rhs_, rhs_error_, sq_error_, loss_error_, scratch_, margin_, bound_, slack_, scale_;
  long step_ = 0, filtered_ = 0;
  bool filter_ = true;
  Track tracks_[3];
};

}  // namespace annealcheck::lemma2

#include "annealcheck/lemma2/stepwise_facts_setup.hpp"  // StepwiseFacts<T>::closed_form_setup
