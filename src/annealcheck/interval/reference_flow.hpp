// The certified reference, gradient flow from δ(0) (SPEC E4): the certified
// stopping time T, the quantities at T, (G), (G) at own checkpoints, (P1), (P2).
#pragma once

#include "annealcheck/interval/reference_evaluator.hpp"

namespace annealcheck::interval {

template <unsigned D>
auto ReferenceEvaluator<D>::g_margin(const I& t) const -> I {
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

template <unsigned D>
auto ReferenceEvaluator<D>::approx_time(const std::vector<I>& delta, const F& level) const -> F {
  std::vector<F> g, dd;
  for (std::size_t i = 0; i < e_.dim(); ++i) {
    g.push_back(approx(gam_[i]));
    dd.push_back(approx(delta[i]));
  }
  return dynamics::stopping_time(g, dd, level).time;
}

template <unsigned D>
auto ReferenceEvaluator<D>::checkpoints(const std::vector<I>& delta, const std::vector<I>& weights, const I& start, const std::optional<Rational>& start_exact, bool zero_time, const I& stop_time) const -> std::vector<Checkpoint> {
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

// GF(ε) from δ(0): the certified stopping time T (E4), then the quantities at T
// and the checks on the GF run: (G), (G) at own checkpoints, (P1), (P2).
template <unsigned D>
void ReferenceEvaluator<D>::gradient_flow(ReferenceResult& r) {
  using std::exp;
  const std::size_t d = e_.dim();
  gf_stopping_time(r);
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
  g_check(r, ld);
  if (scope_.flow_checkpoints) r.checks.push_back(g_at_checkpoints());
  p1_p2(r, ls, lsbar);
  gf_sq_ = sq;
  gf_epsp_ = lhat;
}

// T: 0 when L̂(δ(0)) ≤ ε, else a certified bracket around the MPFR Newton guess.
template <unsigned D>
void ReferenceEvaluator<D>::gf_stopping_time(ReferenceResult& r) {
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
}

// (G) at T: L_D(δ(T)) ≥ (1 − α) ε min_Sbar λ_j/γ_j.
template <unsigned D>
void ReferenceEvaluator<D>::g_check(ReferenceResult& r, const I& ld) {
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
}

// (G) at the reference's own checkpoints where (C1), (C2) hold for ε′ = L̂(δ(t)).
template <unsigned D>
RefCheck ReferenceEvaluator<D>::g_at_checkpoints() {
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
  return q;
}

// (P1) T ≥ ln(M/ε)/(4γ_k); (P2) the split of L̂(δ(T)) between S and S̄.
template <unsigned D>
void ReferenceEvaluator<D>::p1_p2(ReferenceResult& r, const I& ls, const I& lsbar) {
  using std::log;
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
}

}  // namespace annealcheck::interval
