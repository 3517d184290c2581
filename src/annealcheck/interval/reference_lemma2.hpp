// The certified reference: every quantity and inequality of Lemma 2 (SPEC §3) in
// interval arithmetic (MPFI via Boost.Multiprecision), for the *exact* instance:
// inputs are exact rationals, η = 1/γ_1 exactly, P and Q decided exactly.
//
// Contract: each quantity is an enclosure of the exact real; each verdict is
// proved / refuted only when the enclosures decide it, undecided otherwise.
//   - GF stopping times are certified brackets (interval/stopping_bracket.hpp).
//   - The GD phase uses the closed form δ_i(t) = f_i^t δ_i(0) with exact rational
//     f_i; where it stops early is decided by certified comparisons of L̂ with ε
//     (binary search when every |f_i| ≤ 1 makes L̂ non-increasing, else step by step).
//   - Margins that vanish identically are computed in a form without cancellation,
//     from identities that hold exactly at the exact stopping time (e.g. for (A)'s
//     first line, ε·μ + Σ_Q λ_iδ_i(K)² − L_D = Σ_P (μγ_1 − λ_i)δ_i(K)²e^{−4γ_1T'} +
//     Σ_Q (μγ_i e^{−4γ_iT'} + λ_i(1 − e^{−4γ_iT'}))δ_i(K)², every term ≥ 0), so an
//     inequality that holds with equality (Proposition 1's (A)) is *proved*, not
//     left undecided by the dependency problem of interval arithmetic.
//   - (P3)–(P5) are decided exactly: |f_i| = 1 on P, f_i² ≤ c on Q by definition of c.
// Tested in tests/interval/reference_test.cpp (known closed forms, containment of
// high-precision floating results, decisions at equality).
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

  ReferenceResult run() {
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
    gradient_flow(r);
    annealed(r);
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
  static RefCheck undecided(const std::string& label, std::string note) {
    RefCheck q;
    q.label = label;
    q.verdict = Certainty::Undecided;
    q.note = std::move(note);
    return q;
  }
  static RefCheck not_applicable(const std::string& label, std::string note) {
    RefCheck q;
    q.label = label;
    q.verdict = Certainty::NotApplicable;
    q.note = std::move(note);
    return q;
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
  RefCheck condition_c2(const std::string& label, const Rational& m, const I& epsp, const std::optional<Rational>& epsp_exact) {
    using std::exp;
    using std::log;
    if (m.sign() <= 0) {
      RefCheck q = not_applicable(label, label == "C2" ? "M = 0" : "M' = 0");
      q.verdict = Certainty::Refuted;  // as lemma2::condition_c2: α·0 bounds no positive left side
      return q;
    }
    const I rho = R(e_.rho), mm = R(m);
    if (e_.loss_S0.sign() == 0)
      return exact_verdict(label, true, zero(), I(R(e_.alpha) * exp((one() + rho) * log(mm))), I(R(e_.alpha) * exp((one() + rho) * log(mm))),
                           "exact: sum_S = 0");
    const I lhs = rho * log(epsp) + log(R(e_.loss_S0));
    const I rhs = log(R(e_.alpha)) + (one() + rho) * log(mm);
    if (epsp_exact && e_.rho.is_integer() && e_.rho.sign() >= 0 && e_.rho <= Rational(64)) {
      const unsigned long r = std::stoul(e_.rho.str());
      const bool holds = pow_exact(*epsp_exact, r) * e_.loss_S0 <= e_.alpha * pow_exact(m, r + 1);
      return exact_verdict(label, holds, lhs, rhs, I(rhs - lhs), "exact rational (integer rho)");
    }
    return by_margin(label, false, lhs, rhs, I(rhs - lhs), "interval (logs)");
  }

  Certainty c1_at(const I& epsp, const std::optional<Rational>& exact) const {
    if (exact) return e_.weight[0] > *exact ? Certainty::Proved : Certainty::Refuted;
    const I m = R(e_.weight[0]) - epsp;
    if (certainly_positive(m)) return Certainty::Proved;
    if (certainly_nonpositive(m)) return Certainty::Refuted;
    return Certainty::Undecided;
  }

  // G margin at flow time t from δ(0): L_D − (1−α) m L̂ = Σ κ_i δ_i(0)² e^{−4γ_i t}.
  I g_margin(const I& t) const {
    using std::exp;
    I s = zero();
    const Rational a = (Rational(1) - e_.alpha) * *e_.min_ratio_Sbar;
    for (std::size_t i = 0; i < e_.dim(); ++i) {
      const Rational kappa = e_.lambda[i] - a * e_.gamma[i];
      if (kappa.sign() == 0 || e_.delta0_sq[i].sign() == 0) continue;
      s += R(kappa) * sq0_[i] * exp(-(rate_[i] * t));
    }
    return s;
  }

  // (A)'s first line margin at flow time t after GD from δ(s)² = sq (structural),
  // plus μ(ε − L̂(δ(s))) when the flow did not move (T′ = 0, ε′ = ε).
  I a1_margin(const std::vector<I>& sq, const I& t, const std::optional<I>& no_flow_gap) const {
    using std::exp;
    using std::expm1;
    I s = zero();
    for (std::size_t i = 0; i < e_.dim(); ++i) {
      if (e_.delta0_sq[i].sign() == 0) continue;
      const I E = exp(-(rate_[i] * t));
      if (e_.in_P[i]) {
        const Rational coef = e_.mu * e_.gamma[0] - e_.lambda[i];
        if (coef.sign() != 0) s += R(coef) * sq[i] * E;
      } else {
        s += (R(e_.mu * e_.gamma[i]) * E - lam_[i] * expm1(-(rate_[i] * t))) * sq[i];
      }
    }
    if (no_flow_gap) s += R(e_.mu) * *no_flow_gap;
    return s;
  }

  std::vector<I> gd_squares(unsigned long s) const {
    std::vector<I> sq;
    for (std::size_t i = 0; i < e_.dim(); ++i) sq.push_back(sq0_[i] * pow_uint(R(e_.factor_sq[i]), s));
    return sq;
  }

  // Approximate flow time at which L̂ from weights (γ, δ) reaches `level` (MPFR Newton, SPEC E4).
  F approx_time(const std::vector<I>& delta, const F& level) const {
    std::vector<F> g, dd;
    for (std::size_t i = 0; i < e_.dim(); ++i) {
      g.push_back(approx(gam_[i]));
      dd.push_back(approx(delta[i]));
    }
    return dynamics::stopping_time(g, dd, level).time;
  }

  // Own GF checkpoints: j = 0..n at train losses geometric between `start` and ε
  // (as dynamics::run_gradient_flow); returns (time, ε′, ε′ exact if known) per checkpoint.
  struct Checkpoint {
    I t, epsp;
    std::optional<Rational> exact;
  };
  std::vector<Checkpoint> checkpoints(const std::vector<I>& delta, const std::vector<I>& weights, const I& start,
                                      const std::optional<Rational>& start_exact, bool zero_time, const I& stop_time) const {
    using std::exp;
    using std::log;
    std::vector<Checkpoint> out;
    out.push_back({zero(), start, start_exact});
    if (zero_time) return out;
    const F l0 = log(approx(start)), le = log(approx(eps_));
    for (std::size_t j = 1; j < n_; ++j) {
      const F level = exp(l0 + (le - l0) * F(static_cast<long>(j)) / F(static_cast<long>(n_)));
      const F tj = approx_time(delta, level);
      I t;
      mpfi_set_fr(t.backend().data(), tj.backend().data());
      out.push_back({t, decay_sum(weights, rate_, t), std::nullopt});
    }
    out.push_back({stop_time, eps_, e_.eps});
    return out;
  }

  static Certainty combine(Certainty acc, Certainty next) {
    if (acc == Certainty::Refuted || next == Certainty::Refuted) return Certainty::Refuted;
    if (acc == Certainty::Undecided || next == Certainty::Undecided) return Certainty::Undecided;
    if (acc == Certainty::Proved || next == Certainty::Proved) return Certainty::Proved;
    return Certainty::NotApplicable;
  }

  // ---- the evaluation --------------------------------------------------------
  void premises(ReferenceResult& r) {
    const bool c1 = e_.weight[0] > e_.eps;
    r.checks.push_back(exact_verdict("C1", c1, R(e_.weight[0]), eps_, R(e_.weight[0] - e_.eps), "exact rational"));
    r.checks.push_back(exact_verdict("C1'", e_.top_mass0 > e_.eps, R(e_.top_mass0), eps_, R(e_.top_mass0 - e_.eps), "exact rational"));
    r.checks.push_back(condition_c2("C2", e_.M, eps_, e_.eps));
    r.checks.push_back(condition_c2("C2'", e_.M_prime, eps_, e_.eps));
  }

  void gradient_flow(ReferenceResult& r) {
    using std::exp;
    using std::log;
    const std::size_t d = e_.dim();
    gf_zero_ = !(e_.train_loss0 > e_.eps);
    if (gf_zero_) {
      gf_T_ = zero();
    } else {
      std::vector<F> g, dd;
      for (std::size_t i = 0; i < d; ++i) g.push_back(approx(gam_[i])), dd.push_back(approx(d0_[i]));
      const F guess = dynamics::stopping_time(g, dd, approx(eps_)).time;
      const auto b = StoppingBracket<D>(w_, rate_, eps_).certify(guess.backend().data());
      if (!b) {
        r.undecided.push_back("GF stopping time bracket");
        mpfi_interv_d(gf_T_.backend().data(), 0.0, HUGE_VAL);  // [0, +inf]: honest, useless
      } else {
        gf_T_ = *b;
      }
    }
    std::vector<I> sq;
    for (std::size_t i = 0; i < d; ++i) sq.push_back(sq0_[i] * exp(-(rate_[i] * gf_T_)));
    I ld = zero(), ls = zero(), lsbar = zero();
    for (std::size_t i = 0; i < d; ++i) {
      ld += lam_[i] * sq[i];
      (i < e_.split ? ls : lsbar) += gam_[i] * sq[i];
    }
    const I lhat = gf_zero_ ? R(e_.train_loss0) : eps_;
    r.quantities.insert_or_assign(quantity::gf_time, enclosure(gf_T_));
    r.quantities.insert_or_assign(quantity::gf_train_loss, enclosure(lhat));
    r.quantities.insert_or_assign(quantity::gf_population_loss, enclosure(ld));

    // (G)
    if (e_.min_ratio_Sbar) {
      const I bound = R((Rational(1) - e_.alpha) * e_.eps * *e_.min_ratio_Sbar);
      r.quantities.insert_or_assign(quantity::bound_G, enclosure(bound));
      // L_D − (1−α)ε m = Σ κ_i δ_i(T)² exactly at the root (ε = L̂(δ(T))): no cancellation.
      r.checks.push_back(by_margin("G", false, ld, bound, gf_zero_ ? I(ld - bound) : g_margin(gf_T_),
                                   gf_zero_ ? "interval" : "interval (T certified bracket; margin as sum kappa_i delta_i(T)^2)"));
    } else {
      r.quantities.insert_or_assign(quantity::bound_G, enclosure(zero()));
      r.checks.push_back(not_applicable("G", "every gamma_j in Sbar is 0"));
    }

    // (G) at the reference's own checkpoints where (C1), (C2) hold for ε′ = L̂(δ(t)).
    {
      RefCheck q = not_applicable("G@GF", "no checkpoint satisfied (C1) and (C2)");
      q.how = "interval at " + std::to_string(n_ + 1) + " own checkpoints";
      if (e_.min_ratio_Sbar) {
        Certainty acc = Certainty::NotApplicable;
        std::optional<I> worst;
        for (const Checkpoint& cp : checkpoints(d0_, w_, R(e_.train_loss0), e_.train_loss0, gf_zero_, gf_T_)) {
          const Certainty c1 = c1_at(cp.epsp, cp.exact);
          const Certainty c2 = condition_c2("C2", e_.M, cp.epsp, cp.exact).verdict;
          if (c1 == Certainty::Refuted || c2 == Certainty::Refuted) continue;
          const I m = g_margin(cp.t);
          Certainty v = certainly_nonnegative(m) ? Certainty::Proved : certainly_negative(m) ? Certainty::Refuted : Certainty::Undecided;
          if (v == Certainty::Refuted && (c1 != Certainty::Proved || c2 != Certainty::Proved)) v = Certainty::Undecided;
          acc = combine(acc, v);
          if (!worst || mpfr_less_p(left(m), left(*worst))) worst = m;
        }
        q.verdict = acc;
        if (acc != Certainty::NotApplicable) q.note.clear();
        if (worst) q.margin = enclosure(*worst), q.note = "smallest margin over the applicable checkpoints";
      } else {
        q.note = "every gamma_j in Sbar is 0";
      }
      r.checks.push_back(q);
    }

    // (P1), (P2)
    if (e_.M.sign() > 0 && e_.eps < e_.M && e_.gamma[e_.split].sign() > 0) {
      const I rhs = log(R(e_.M / e_.eps)) / R(Rational(4) * e_.gamma[e_.split]);
      r.checks.push_back(by_margin("P1", false, gf_T_, rhs, I(gf_T_ - rhs), "interval (T certified bracket)"));
    } else {
      r.checks.push_back(not_applicable("P1", "needs M > eps"));
    }
    const I aeps = R(e_.alpha * e_.eps), baeps = R((Rational(1) - e_.alpha) * e_.eps);
    r.checks.push_back(by_margin("P2.S", false, ls, aeps, I(aeps - ls), "interval"));
    r.checks.push_back(by_margin("P2.Sbar", false, lsbar, baeps, gf_zero_ ? I(lsbar - baeps) : I(aeps - ls),
                                 gf_zero_ ? "interval" : "structural: L_Sbar - (1-alpha) eps = alpha eps - L_S at the exact T"));
    gf_sq_ = sq;
    gf_epsp_ = lhat;
  }

  // Where GD(K, η, ε) stops: min{t ≤ K−1 : L̂(δ(t)) ≤ ε}, else K (dynamics::run_descent_phase).
  std::optional<long> gd_steps() const {
    const long K = e_.K;
    if (K == 0) return 0;
    if (e_.train_loss0 <= e_.eps) return 0;
    auto stops = [&](unsigned long t) -> Certainty {  // Proved: L̂(t) ≤ ε
      I l = zero();
      for (std::size_t i = 0; i < e_.dim(); ++i) l += w_[i] * pow_uint(R(e_.factor_sq[i]), t);
      const I m = eps_ - l;
      if (certainly_nonnegative(m)) return Certainty::Proved;
      if (certainly_negative(m)) return Certainty::Refuted;
      return Certainty::Undecided;
    };
    if (e_.all_factors_contract) {  // L̂ non-increasing: binary search
      const Certainty last = stops(static_cast<unsigned long>(K - 1));
      if (last == Certainty::Refuted) return K;
      if (last == Certainty::Undecided) return std::nullopt;
      long lo = 0, hi = K - 1;  // stops(lo) false, stops(hi) true
      while (hi - lo > 1) {
        const long mid = lo + (hi - lo) / 2;
        const Certainty c = stops(static_cast<unsigned long>(mid));
        if (c == Certainty::Undecided) return std::nullopt;
        (c == Certainty::Proved ? hi : lo) = mid;
      }
      return hi;
    }
    // Some |f_i| > 1: step by step (lock-step products of exact factors).
    std::vector<I> a(w_), f2;
    for (std::size_t i = 0; i < e_.dim(); ++i) f2.push_back(R(e_.factor_sq[i]));
    for (long t = 1; t <= K - 1; ++t) {
      I l = zero();
      for (std::size_t i = 0; i < e_.dim(); ++i) {
        a[i] *= f2[i];
        l += a[i];
      }
      const I m = eps_ - l;
      if (certainly_nonnegative(m)) return t;
      if (!certainly_negative(m)) return std::nullopt;
    }
    return K;
  }

  void annealed(ReferenceResult& r) {
    using std::exp;
    const std::size_t d = e_.dim();
    const std::optional<long> steps = gd_steps();
    r.gd_steps = steps;
    const auto give_up = [&](const std::string& why, bool p_facts_known) {
      for (const char* l : {"A.1", "A", "A.1@GF"}) r.checks.push_back(undecided(l, why));
      if (!p_facts_known)
        for (const char* l : {"P3", "P4", "P5"}) r.checks.push_back(undecided(l, why));
      else
        p_facts(r, static_cast<unsigned long>(*steps));
      e3(r, "GF", gf_sq_, gf_epsp_);
      for (const char* l : {"E3.min@annealed", "E3.max@annealed"}) r.checks.push_back(undecided(l, why));
    };
    if (!steps) {
      r.undecided.push_back("GD stopping step");
      give_up("where GD stops is undecided at this precision", false);
      return;
    }
    const unsigned long s = static_cast<unsigned long>(*steps);
    r.gd_stopped_early = *steps < e_.K;
    const std::vector<I> sq = gd_squares(s);
    std::vector<I> ds, u;
    for (std::size_t i = 0; i < d; ++i) {
      ds.push_back(d0_[i] * pow_uint(R(e_.factor[i]), s));
      u.push_back(gam_[i] * sq[i]);
    }
    I loss_s = zero();
    for (const I& x : u) loss_s += x;
    r.quantities.insert_or_assign(quantity::gd_train_loss, enclosure(loss_s));

    // GF after GD: T′.
    const I gap = eps_ - loss_s;  // ≥ 0: the flow does not move
    bool fast_zero = false;
    I Tp = zero();
    if (certainly_nonnegative(gap)) {
      fast_zero = true;
    } else if (certainly_negative(gap)) {
      const F guess = approx_time(ds, approx(eps_));
      const auto b = StoppingBracket<D>(u, rate_, eps_).certify(guess.backend().data());
      if (!b) r.undecided.push_back("GF time after GD bracket");
      else Tp = *b;
    } else {
      r.undecided.push_back("whether GF moves after GD (Lhat(delta(K)) vs eps)");
    }
    I tail_s = zero();
    Rational tail0;
    for (std::size_t i = 0; i < d; ++i)
      if (!e_.in_P[i]) tail_s += lam_[i] * sq[i], tail0 = tail0 + e_.lambda[i] * e_.delta0_sq[i];
    const I emu = R(e_.eps * e_.mu);
    const I bound_a1 = emu + tail_s;
    const I bound_a = emu + pow_uint(R(e_.c), static_cast<unsigned long>(e_.K)) * R(tail0);
    r.quantities.insert_or_assign(quantity::bound_A1, enclosure(bound_a1));
    r.quantities.insert_or_assign(quantity::bound_A, enclosure(bound_a));
    const bool fast_known = fast_zero || (certainly_negative(gap) && !(mpfr_inf_p(right(Tp))));
    if (!fast_known) {
      give_up("the GF time after GD is undecided at this precision", true);
      return;
    }
    std::vector<I> sqf;
    I ld = zero();
    for (std::size_t i = 0; i < d; ++i) {
      sqf.push_back(sq[i] * exp(-(rate_[i] * Tp)));
      ld += lam_[i] * sqf[i];
    }
    const I lhat = fast_zero ? loss_s : eps_;
    r.quantities.insert_or_assign(quantity::fast_time, enclosure(Tp));
    r.quantities.insert_or_assign(quantity::fast_train_loss, enclosure(lhat));
    r.quantities.insert_or_assign(quantity::fast_population_loss, enclosure(ld));

    const I m_a1 = a1_margin(sq, Tp, fast_zero ? std::optional<I>(gap) : std::nullopt);
    I m_a = m_a1;
    for (std::size_t i = 0; i < d; ++i)
      if (!e_.in_P[i] && e_.delta0_sq[i].sign() != 0)
        m_a += R(e_.lambda[i] * e_.delta0_sq[i]) * pow_difference(e_.c, e_.factor_sq[i], static_cast<unsigned long>(e_.K), s);
    r.checks.push_back(by_margin("A.1", false, ld, bound_a1, m_a1, "structural: every term >= 0"));
    r.checks.push_back(by_margin("A", false, ld, bound_a, m_a, "structural (A.1 margin + sum_Q lambda_i delta_i(0)^2 (c^K - f_i^(2s)))"));

    // (A)'s first line at the reference's own checkpoints after GD with ε′ < γ_1 δ_1(0)².
    {
      RefCheck q = not_applicable("A.1@GF", "no checkpoint with eps' < gamma_1 delta_1(0)^2");
      q.how = "structural at own checkpoints";
      Certainty acc = Certainty::NotApplicable;
      for (const Checkpoint& cp : checkpoints(ds, u, loss_s, std::nullopt, fast_zero, Tp)) {
        const I lvl = R(e_.weight[0]) - cp.epsp;  // > 0: applicable
        if (certainly_nonpositive(lvl)) continue;
        const I m = a1_margin(sq, cp.t, std::nullopt);
        Certainty v = certainly_nonnegative(m) ? Certainty::Proved : certainly_negative(m) ? Certainty::Refuted : Certainty::Undecided;
        if (v == Certainty::Refuted && !certainly_positive(lvl)) v = Certainty::Undecided;
        acc = combine(acc, v);
      }
      q.verdict = acc;
      if (acc != Certainty::NotApplicable) q.note.clear();
      r.checks.push_back(q);
    }
    p_facts(r, s);
    e3(r, "GF", gf_sq_, gf_epsp_);
    e3(r, "annealed", sqf, lhat);
  }

  // (P3), (P4), (P5): exact.
  void p_facts(ReferenceResult& r, unsigned long s) const {
    const std::size_t d = e_.dim();

    {
      bool any = false, unit = true;
      for (std::size_t i = 0; i < d; ++i)
        if (e_.in_P[i] && e_.delta0_sq[i].sign() != 0) any = true, unit = unit && e_.factor_sq[i] == Rational(1);
      RefCheck q = not_applicable("P3", "no coordinate in P with delta_i(0) != 0");
      if (any) {
        q.verdict = unit || s == 0 ? Certainty::Proved : Certainty::Refuted;
        q.how = "exact rational";
        q.note = unit ? "|1 - 2 eta gamma_i| = 1 for i in P" : s == 0 ? "no GD step taken" : "|1 - 2 eta gamma_i| != 1 for some i in P: fails at step 1";
      }
      r.checks.push_back(q);
    }
    {
      bool q_nonempty = false;
      for (std::size_t i = 0; i < d; ++i) q_nonempty = q_nonempty || !e_.in_P[i];
      RefCheck q = not_applicable("P4", "Q is empty");
      if (q_nonempty) q.verdict = Certainty::Proved, q.how = "exact rational", q.note = "f_i^2 <= c = max_Q f_j^2 for i in Q";
      r.checks.push_back(q);
    }
    r.checks.push_back(p5(s));
  }

  RefCheck p5(unsigned long s) const {
    if (e_.top_mass0.sign() == 0) return not_applicable("P5", "no GD step");
    bool unit = true, grows = true;
    for (std::size_t i = 0; i < e_.dim(); ++i)
      if (e_.in_P[i] && e_.delta0_sq[i].sign() != 0) {
        unit = unit && e_.factor_sq[i] == Rational(1);
        grows = grows && e_.factor_sq[i] >= Rational(1);
      }
    RefCheck q;
    q.label = "P5";
    q.how = "exact rational";
    if (unit || grows) {
      q.verdict = Certainty::Proved;
      q.note = "Lhat(delta(t)) - sum_P gamma_1 delta_i(0)^2 is a sum of non-negative terms";
      return q;
    }
    // |f_i| < 1 on part of P (a step other than 1/γ_1): every step, by intervals.
    q.how = "interval at every GD step";
    std::vector<I> a, f2;
    for (std::size_t i = 0; i < e_.dim(); ++i) a.push_back(w_[i]), f2.push_back(R(e_.factor_sq[i]));
    q.verdict = Certainty::Proved;
    const I top = R(e_.top_mass0);
    for (unsigned long t = 1; t <= s; ++t) {
      I l = zero();
      for (std::size_t i = 0; i < e_.dim(); ++i) {
        a[i] *= f2[i];
        l += a[i];
      }
      const I m = l - top;
      if (certainly_negative(m)) {
        q.verdict = Certainty::Refuted;
        q.note = "fails at GD step " + std::to_string(t);
        return q;
      }
      if (!certainly_nonnegative(m)) q.verdict = Certainty::Undecided;
    }
    return q;
  }

  // (E3) at a stopping point with squares sq and ε′ = L̂ there: margins Σ (λ_i − m γ_i) δ_i² ≥ 0.
  void e3(ReferenceResult& r, const std::string& where, const std::vector<I>& sq, const I& epsp) const {
    I ld = zero();
    for (std::size_t i = 0; i < e_.dim(); ++i) ld += lam_[i] * sq[i];
    auto margin = [&](const Rational& m, bool upper) {
      I s = zero();
      for (std::size_t i = 0; i < e_.dim(); ++i) {
        const Rational coef = upper ? m * e_.gamma[i] - e_.lambda[i] : e_.lambda[i] - m * e_.gamma[i];
        if (coef.sign() != 0) s += R(coef) * sq[i];
      }
      return s;
    };
    if (e_.e3_min) r.checks.push_back(by_margin("E3.min@" + where, false, I(epsp * R(*e_.e3_min)), ld, margin(*e_.e3_min, false), "structural"));
    else r.checks.push_back(not_applicable("E3.min@" + where, "no gamma_i > 0"));
    if (e_.e3_max) r.checks.push_back(by_margin("E3.max@" + where, false, ld, I(epsp * R(*e_.e3_max)), margin(*e_.e3_max, true), "structural"));
    else r.checks.push_back(not_applicable("E3.max@" + where, "some gamma_i = 0: the max is infinite"));
  }

  const ExactProblem& e_;
  std::size_t n_;
  std::vector<I> gam_, lam_, sq0_, w_, rate_, d0_;
  I eps_;
  bool gf_zero_ = false;
  I gf_T_, gf_epsp_;
  std::vector<I> gf_sq_;
};

}  // namespace annealcheck::interval
