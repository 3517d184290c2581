// The certified reference, annealed run: where GD(K, η, ε) stops (exactly),
// GF after it (certified T′), (A.1), (A), (A.1) at own checkpoints.
#pragma once

#include "annealcheck/interval/reference_evaluator.hpp"

namespace annealcheck::interval {

template <unsigned D>
auto ReferenceEvaluator<D>::a1_margin(const std::vector<I>& sq, const I& t, const std::optional<I>& no_flow_gap) const -> I {
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

template <unsigned D>
auto ReferenceEvaluator<D>::gd_squares(unsigned long s) const -> std::vector<I> {
  std::vector<I> sq;
  for (std::size_t i = 0; i < e_.dim(); ++i) sq.push_back(sq0_[i] * pow_uint(R(e_.factor_sq[i]), s));
  return sq;
}

template <unsigned D>
auto ReferenceEvaluator<D>::gd_steps() const -> std::optional<long> {
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

// Annealed: GD(K, η, ε) to its exact stopping step s, then GF(ε) from δ(s): the
// quantities and the checks (A.1), (A), (A.1) at own checkpoints, (P3)–(P5), (E3).
template <unsigned D>
void ReferenceEvaluator<D>::annealed(ReferenceResult& r) {
  using std::exp;
  const std::optional<long> steps = gd_steps();
  r.gd_steps = steps;
  if (!steps) {
    r.undecided.push_back("GD stopping step");
    give_up(r, "where GD stops is undecided at this precision", steps);
    return;
  }
  r.gd_stopped_early = *steps < e_.K;
  const DescentEnd g = descent_end(static_cast<unsigned long>(*steps));
  r.quantities.insert_or_assign(quantity::gd_train_loss, enclosure(g.loss));
  const I gap = eps_ - g.loss;  // ≥ 0: the flow does not move
  const bool fast_zero = certainly_nonnegative(gap);
  const I Tp = flow_after_descent(r, g, gap);
  const auto [bound_a1, bound_a] = a_bounds(r, g.sq);
  const bool fast_known = fast_zero || (certainly_negative(gap) && !(mpfr_inf_p(right(Tp))));
  if (!fast_known) {
    give_up(r, "the GF time after GD is undecided at this precision", steps);
    return;
  }
  std::vector<I> sqf;
  I ld = zero();
  for (std::size_t i = 0; i < e_.dim(); ++i) {
    sqf.push_back(g.sq[i] * exp(-(rate_[i] * Tp)));
    ld += lam_[i] * sqf[i];
  }
  const I lhat = fast_zero ? g.loss : eps_;
  r.quantities.insert_or_assign(quantity::fast_time, enclosure(Tp));
  r.quantities.insert_or_assign(quantity::fast_train_loss, enclosure(lhat));
  r.quantities.insert_or_assign(quantity::fast_population_loss, enclosure(ld));
  a_checks(r, g, Tp, fast_zero ? std::optional<I>(gap) : std::nullopt, ld, bound_a1, bound_a);
  if (scope_.annealed_checkpoints) r.checks.push_back(a1_at_checkpoints(g, fast_zero, Tp));
  p_facts(r, g.s);
  e3(r, "GF", gf_sq_, gf_epsp_);
  e3(r, "annealed", sqf, lhat);
}

template <unsigned D>
void ReferenceEvaluator<D>::descent_facts(ReferenceResult& r) {
  const std::optional<long> steps = gd_steps();
  r.gd_steps = steps;
  if (!steps) {
    r.undecided.push_back("GD stopping step");
    for (const char* l : {"P3", "P4", "P5"}) r.checks.push_back(undecided(l, "where GD stops is undecided at this precision"));
    return;
  }
  r.gd_stopped_early = *steps < e_.K;
  p_facts(r, static_cast<unsigned long>(*steps));
}

// The annealed run's checks left undecided for `why` ((P3)–(P5) decided when s is known).
template <unsigned D>
void ReferenceEvaluator<D>::give_up(ReferenceResult& r, const std::string& why, const std::optional<long>& steps) {
  for (const char* l : {"A.1", "A", "A.1@GF"}) r.checks.push_back(undecided(l, why));
  if (!steps)
    for (const char* l : {"P3", "P4", "P5"}) r.checks.push_back(undecided(l, why));
  else
    p_facts(r, static_cast<unsigned long>(*steps));
  e3(r, "GF", gf_sq_, gf_epsp_);
  for (const char* l : {"E3.min@annealed", "E3.max@annealed"}) r.checks.push_back(undecided(l, why));
}

// δ(s) by the closed form (E5): δ_i(s) = f_i^s δ_i(0), squares, weights γ_i δ_i(s)², L̂(δ(s)).
template <unsigned D>
auto ReferenceEvaluator<D>::descent_end(unsigned long s) const -> DescentEnd {
  DescentEnd g{s, gd_squares(s), {}, {}, zero()};
  for (std::size_t i = 0; i < e_.dim(); ++i) {
    g.ds.push_back(d0_[i] * pow_uint(R(e_.factor[i]), s));
    g.u.push_back(gam_[i] * g.sq[i]);
  }
  for (const I& x : g.u) g.loss += x;
  return g;
}

// T′, the GF time after GD: 0 when L̂(δ(s)) ≤ ε (gap ≥ 0), a certified bracket when
// L̂(δ(s)) > ε; 0 and undecided when the gap's sign is not decided.
template <unsigned D>
auto ReferenceEvaluator<D>::flow_after_descent(ReferenceResult& r, const DescentEnd& g, const I& gap) const -> I {
  I Tp = zero();
  if (certainly_nonnegative(gap)) return Tp;
  if (certainly_negative(gap)) {
    const F guess = approx_time(g.ds, approx(eps_));
    const auto b = StoppingBracket<D>(g.u, rate_, eps_).certify(guess.backend().data());
    if (!b) r.undecided.push_back("GF time after GD bracket");
    else Tp = *b;
  } else {
    r.undecided.push_back("whether GF moves after GD (Lhat(delta(K)) vs eps)");
  }
  return Tp;
}

// (A)'s bounds: first line ε μ + Σ_Q λ_i δ_i(s)², explicit ε μ + c^K Σ_Q λ_i δ_i(0)².
template <unsigned D>
auto ReferenceEvaluator<D>::a_bounds(ReferenceResult& r, const std::vector<I>& sq) const -> std::pair<I, I> {
  I tail_s = zero();
  Rational tail0;
  for (std::size_t i = 0; i < e_.dim(); ++i)
    if (!e_.in_P[i]) tail_s += lam_[i] * sq[i], tail0 = tail0 + e_.lambda[i] * e_.delta0_sq[i];
  const I emu = R(e_.eps * e_.mu);
  const I bound_a1 = emu + tail_s;
  const I bound_a = emu + pow_uint(R(e_.c), static_cast<unsigned long>(e_.K)) * R(tail0);
  r.quantities.insert_or_assign(quantity::bound_A1, enclosure(bound_a1));
  r.quantities.insert_or_assign(quantity::bound_A, enclosure(bound_a));
  return {bound_a1, bound_a};
}

// (A.1) and (A) at the annealed stop, by their structural margins.
template <unsigned D>
void ReferenceEvaluator<D>::a_checks(ReferenceResult& r, const DescentEnd& g, const I& Tp, const std::optional<I>& no_flow_gap,
                                     const I& ld, const I& bound_a1, const I& bound_a) const {
  const I m_a1 = a1_margin(g.sq, Tp, no_flow_gap);
  I m_a = m_a1;
  for (std::size_t i = 0; i < e_.dim(); ++i)
    if (!e_.in_P[i] && e_.delta0_sq[i].sign() != 0)
      m_a += R(e_.lambda[i] * e_.delta0_sq[i]) * pow_difference(e_.c, e_.factor_sq[i], static_cast<unsigned long>(e_.K), g.s);
  r.checks.push_back(by_margin("A.1", false, ld, bound_a1, m_a1, "structural: every term >= 0"));
  r.checks.push_back(by_margin("A", false, ld, bound_a, m_a, "structural (A.1 margin + sum_Q lambda_i delta_i(0)^2 (c^K - f_i^(2s)))"));
}

// (A)'s first line at the reference's own checkpoints after GD with ε′ < γ_1 δ_1(0)².
template <unsigned D>
RefCheck ReferenceEvaluator<D>::a1_at_checkpoints(const DescentEnd& g, bool fast_zero, const I& Tp) const {
  RefCheck q = not_applicable("A.1@GF", "no checkpoint with eps' < gamma_1 delta_1(0)^2");
  q.how = "structural at own checkpoints";
  Certainty acc = Certainty::NotApplicable;
  for (const Checkpoint& cp : checkpoints(g.ds, g.u, g.loss, std::nullopt, fast_zero, Tp)) {
    const I lvl = R(e_.weight[0]) - cp.epsp;  // > 0: applicable
    if (certainly_nonpositive(lvl)) continue;
    const I m = a1_margin(g.sq, cp.t, std::nullopt);
    Certainty v = certainly_nonnegative(m) ? Certainty::Proved : certainly_negative(m) ? Certainty::Refuted : Certainty::Undecided;
    if (v == Certainty::Refuted && !certainly_positive(lvl)) v = Certainty::Undecided;
    acc = combine(acc, v);
  }
  q.verdict = acc;
  if (acc != Certainty::NotApplicable) q.note.clear();
  return q;
}

}  // namespace annealcheck::interval
