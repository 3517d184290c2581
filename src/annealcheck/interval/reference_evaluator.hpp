// The certified reference's evaluator (interval/reference_lemma2.hpp says what it
// computes and its contract): the state, the interval helpers and the checks at a
// rung's point. Its parts are defined in reference_premises.hpp (the premises and
// the exact facts), reference_flow.hpp (GF from δ(0)) and reference_annealed.hpp
// (the GD phase and GF after it).
#pragma once

#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/interval/mpfi_ops.hpp"
#include "annealcheck/interval/reference_result.hpp"
#include "annealcheck/interval/stopping_bracket.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace annealcheck::interval {

template <unsigned D>
class ReferenceEvaluator {
 public:
  using I = Mpfi<D>;
  using F = numeric::mpfr_dynamic;  // approximations only (root guesses, checkpoint times)

  ReferenceEvaluator(const ExactProblem& e, std::size_t checkpoints) : e_(e), n_(checkpoints == 0 ? 1 : checkpoints) {
    using std::sqrt;
    const std::size_t d = e.dim();
    for (std::size_t i = 0; i < d; ++i) {
      gam_.push_back(R(e.gamma[i]));
      lam_.push_back(R(e.lambda[i]));
      sq0_.push_back(R(e.delta0_sq[i]));
      w_.push_back(R(e.weight[i]));
      rate_.push_back(R(Rational(4) * e.gamma[i]));
      if (e.delta0[i]) d0_.push_back(R(*e.delta0[i]));
      else d0_.push_back(e.delta0_sign[i] < 0 ? I(-sqrt(sq0_[i])) : sqrt(sq0_[i]));
    }
    eps_ = R(e.eps);
  }

  ReferenceResult run(const ReferenceScope& scope = {}) {
    ReferenceResult r;
    r.bits = numeric::number_traits<I>::bits();
    auto put = [&](const char* key, const I& v) { r.quantities.insert_or_assign(key, enclosure(v)); };
    put(quantity::train_loss0, R(e_.train_loss0));
    put(quantity::population_loss0, R(e_.population_loss0));
    put(quantity::eta, R(e_.eta));
    put(quantity::M, R(e_.M));
    put(quantity::M_prime, R(e_.M_prime));
    put(quantity::c, R(e_.c));

    premises(r);
    scope_ = scope;
    if (scope.flow) gradient_flow(r);
    if (scope.annealed) annealed(r);
    else if (scope.descent) descent_facts(r);
    for (const auto& c : r.checks)
      if (c.verdict == Certainty::Undecided) r.undecided.push_back(c.label);
    return r;
  }

  RefCheck check_at(const std::string& label, const TrajectoryPoint& at, std::optional<long> steps) {
    using std::abs;
    RefCheck q;
    q.label = label;
    q.how = "interval, at the rung's point";
    const std::size_t d = e_.dim();
    if (label == "P3" || label == "P4") {
      if (!at.coord || *at.coord >= d) return undecided(label, "no coordinate");
      const std::size_t i = *at.coord;
      const unsigned long t = static_cast<unsigned long>(at.step);
      if (label == "P3") {
        const I a0 = abs(d0_[i]);
        const Rational af = e_.factor[i].sign() < 0 ? Rational(0) - e_.factor[i] : e_.factor[i];
        const I p = pow_uint(R(af), t);
        const I m = e_.factor_sq[i] == Rational(1) || t == 0 ? zero() : I(-(a0 * abs(I(p - one()))));
        return by_margin(label, false, I(a0 * p), a0, m, "interval, at the rung's point");
      }
      const I lhs = sq0_[i] * pow_uint(R(e_.factor_sq[i]), t), rhs = sq0_[i] * pow_uint(R(e_.c), t);
      return by_margin(label, false, lhs, rhs, I(sq0_[i] * pow_difference(e_.c, e_.factor_sq[i], t, t)),
                       "interval, at the rung's point");
    }
    if (label == "P5") {
      const unsigned long t = static_cast<unsigned long>(at.step);
      I lhs = zero(), m = zero();
      for (std::size_t i = 0; i < d; ++i) {
        const I p = pow_uint(R(e_.factor_sq[i]), t);
        lhs += w_[i] * p;
        if (!e_.in_P[i]) m += w_[i] * p;
        else if (e_.factor_sq[i] != Rational(1) && t > 0) m += w_[i] * I(p - one());
      }
      return by_margin(label, false, lhs, R(e_.top_mass0), m, "interval, at the rung's point");
    }
    if (!at.time) return undecided(label, "no time");
    const I t = I(interval_of(*at.time));
    if (label == "G@GF") {
      if (!e_.min_ratio_Sbar) return not_applicable(label, "every gamma_j in Sbar is 0");
      const I epsp = decay_sum(w_, rate_, t);
      const I ld = decay_sum(mul(lam_, sq0_), rate_, t);
      return by_margin(label, false, ld, I(R((Rational(1) - e_.alpha) * *e_.min_ratio_Sbar) * epsp), g_margin(t),
                       "interval (sum of kappa_i delta_i(t)^2, no cancellation between L_D and Lhat)");
    }
    if (label == "A.1@GF") {
      if (!steps) return undecided(label, "GD stop undecided");
      const std::vector<I> sq = gd_squares(static_cast<unsigned long>(*steps));
      I ld = zero(), epsp = zero(), tail = zero();
      for (std::size_t i = 0; i < d; ++i) {
        const I x = sq[i] * exp(-(rate_[i] * t));
        ld += lam_[i] * x;
        epsp += gam_[i] * x;
        if (!e_.in_P[i]) tail += lam_[i] * sq[i];
      }
      return by_margin(label, false, ld, I(epsp * R(e_.mu) + tail), a1_margin(sq, t, std::nullopt),
                       "structural: every term >= 0");
    }
    return undecided(label, "no reference for this check at a point");
  }

 private:
  // ---- helpers -------------------------------------------------------------
  static I R(const Rational& q) { return numeric::number_traits<I>::from_rational(q); }
  static I zero() { return numeric::from_int<I>(0); }
  static I one() { return numeric::from_int<I>(1); }
  static Enclosure enclosure(const I& x) { return Enclosure(x.backend().data()); }
  static I interval_of(const Enclosure& x) {
    I r;
    mpfi_set(r.backend().data(), x.get());
    return r;
  }
  static std::vector<I> mul(const std::vector<I>& a, const std::vector<I>& b) {
    std::vector<I> r;
    for (std::size_t i = 0; i < a.size(); ++i) r.push_back(a[i] * b[i]);
    return r;
  }
  static F approx(const I& x) {
    F m;
    mpfi_mid(m.backend().data(), x.backend().data());
    return m;
  }
  static RefCheck without_sides(const std::string& label, Certainty verdict, std::string note) {
    RefCheck q;
    q.label = label;
    q.verdict = verdict;
    q.note = std::move(note);
    return q;
  }
  static RefCheck undecided(const std::string& label, std::string note) { return without_sides(label, Certainty::Undecided, std::move(note)); }
  static RefCheck not_applicable(const std::string& label, std::string note) {
    return without_sides(label, Certainty::NotApplicable, std::move(note));
  }
  // Verdict from the margin (≥ 0 means the inequality holds; strict: > 0).
  static RefCheck by_margin(const std::string& label, bool strict, const I& lhs, const I& rhs, const I& margin, std::string how) {
    RefCheck q;
    q.label = label;
    q.lhs = enclosure(lhs);
    q.rhs = enclosure(rhs);
    q.margin = enclosure(margin);
    q.how = std::move(how);
    if (strict ? certainly_positive(margin) : certainly_nonnegative(margin)) q.verdict = Certainty::Proved;
    else if (strict ? certainly_nonpositive(margin) : certainly_negative(margin)) q.verdict = Certainty::Refuted;
    else q.verdict = Certainty::Undecided;
    return q;
  }
  static RefCheck exact_verdict(const std::string& label, bool holds, const I& lhs, const I& rhs, const I& margin, std::string how) {
    RefCheck q = by_margin(label, false, lhs, rhs, margin, std::move(how));
    q.verdict = holds ? Certainty::Proved : Certainty::Refuted;
    return q;
  }

  // a^s − b^t for exact a, b ≥ 0, without cancellation when s = t and a ≥ b:
  // a^t (1 − (b/a)^t) = −a^t expm1(t log(b/a)), log(b/a) = log1p(b/a − 1).
  static I pow_difference(const Rational& a, const Rational& b, unsigned long s, unsigned long t) {
    using std::expm1;
    using std::log1p;
    if (s == t && a == b) return zero();
    if (s == t && t == 0) return zero();
    if (s == t && a > b && a.sign() > 0) {
      const I at = pow_uint(R(a), t);
      if (b.sign() == 0) return at;
      return I(-(at * expm1(I(numeric::from_int<I>(static_cast<long>(t)) * log1p(R(b / a - Rational(1)))))));
    }
    return I(pow_uint(R(a), s) - pow_uint(R(b), t));
  }

  // (C2) / (C2′) at ε′ (an enclosure): ε′^ρ Σ_S ≤ α m^{1+ρ}, in logs; exact when
  // ρ is a small integer and ε′ is exact.
  RefCheck condition_c2(const std::string& label, const Rational& m, const I& epsp, const std::optional<Rational>& epsp_exact);

  Certainty c1_at(const I& epsp, const std::optional<Rational>& exact) const;

  // G margin at flow time t from δ(0): L_D − (1−α) m L̂ = Σ κ_i δ_i(0)² e^{−4γ_i t}.
  I g_margin(const I& t) const;

  // (A)'s first line margin at flow time t after GD from δ(s)² = sq (structural),
  // plus μ(ε − L̂(δ(s))) when the flow did not move (T′ = 0, ε′ = ε).
  I a1_margin(const std::vector<I>& sq, const I& t, const std::optional<I>& no_flow_gap) const;

  std::vector<I> gd_squares(unsigned long s) const;

  // Approximate flow time at which L̂ from weights (γ, δ) reaches `level` (MPFR Newton, SPEC E4).
  F approx_time(const std::vector<I>& delta, const F& level) const;

  // Own GF checkpoints: j = 0..n at train losses geometric between `start` and ε
  // (as dynamics::run_gradient_flow); returns (time, ε′, ε′ exact if known) per checkpoint.
  struct Checkpoint {
    I t, epsp;
    std::optional<Rational> exact;
  };
  std::vector<Checkpoint> checkpoints(const std::vector<I>& delta, const std::vector<I>& weights, const I& start,
                                      const std::optional<Rational>& start_exact, bool zero_time, const I& stop_time) const;

  static Certainty combine(Certainty acc, Certainty next) {
    if (acc == Certainty::Refuted || next == Certainty::Refuted) return Certainty::Refuted;
    if (acc == Certainty::Undecided || next == Certainty::Undecided) return Certainty::Undecided;
    if (acc == Certainty::Proved || next == Certainty::Proved) return Certainty::Proved;
    return Certainty::NotApplicable;
  }

  // ---- the evaluation --------------------------------------------------------
  void premises(ReferenceResult& r);

  void gradient_flow(ReferenceResult& r);
  void gf_stopping_time(ReferenceResult& r);
  void g_check(ReferenceResult& r, const I& ld);
  RefCheck g_at_checkpoints();
  void p1_p2(ReferenceResult& r, const I& ls, const I& lsbar);

  // Where GD(K, η, ε) stops: min{t ≤ K−1 : L̂(δ(t)) ≤ ε}, else K (dynamics::run_descent_phase).
  std::optional<long> gd_steps() const;

  // Where GD stopped: s, δ(s)² (sq), δ(s) (ds), γ_i δ_i(s)² (u), L̂(δ(s)) (loss).
  struct DescentEnd {
    unsigned long s;
    std::vector<I> sq, ds, u;
    I loss;
  };
  void annealed(ReferenceResult& r);
  void descent_facts(ReferenceResult& r);  // (P3)–(P5) alone: where GD stops, no GF after it
  ReferenceScope scope_;
  void give_up(ReferenceResult& r, const std::string& why, const std::optional<long>& steps);
  DescentEnd descent_end(unsigned long s) const;
  I flow_after_descent(ReferenceResult& r, const DescentEnd& g, const I& gap) const;
  std::pair<I, I> a_bounds(ReferenceResult& r, const std::vector<I>& sq) const;
  void a_checks(ReferenceResult& r, const DescentEnd& g, const I& Tp, const std::optional<I>& no_flow_gap, const I& ld,
                const I& bound_a1, const I& bound_a) const;
  RefCheck a1_at_checkpoints(const DescentEnd& g, bool fast_zero, const I& Tp) const;

  // (P3), (P4), (P5): exact.
  void p_facts(ReferenceResult& r, unsigned long s) const;

  RefCheck p5(unsigned long s) const;

  // (E3) at a stopping point with squares sq and ε′ = L̂ there: margins Σ (λ_i − m γ_i) δ_i² ≥ 0.
  void e3(ReferenceResult& r, const std::string& where, const std::vector<I>& sq, const I& epsp) const;

  const ExactProblem& e_;
  std::size_t n_;
  std::vector<I> gam_, lam_, sq0_, w_, rate_, d0_;
  I eps_;
  bool gf_zero_ = false;
  I gf_T_, gf_epsp_;
  std::vector<I> gf_sq_;
};

}  // namespace annealcheck::interval
