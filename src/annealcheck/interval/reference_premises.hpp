// The certified reference, premises and exact facts: (C1), (C1′), (C2), (C2′),
// (P3)–(P5) and (E3) (SPEC §3), for ReferenceEvaluator (reference_evaluator.hpp).
#pragma once

#include "annealcheck/interval/reference_evaluator.hpp"

namespace annealcheck::interval {

template <unsigned D>
RefCheck ReferenceEvaluator<D>::condition_c2(const std::string& label, const Rational& m, const I& epsp, const std::optional<Rational>& epsp_exact) {
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

template <unsigned D>
Certainty ReferenceEvaluator<D>::c1_at(const I& epsp, const std::optional<Rational>& exact) const {
  if (exact) return e_.weight[0] > *exact ? Certainty::Proved : Certainty::Refuted;
  const I m = R(e_.weight[0]) - epsp;
  if (certainly_positive(m)) return Certainty::Proved;
  if (certainly_nonpositive(m)) return Certainty::Refuted;
  return Certainty::Undecided;
}

template <unsigned D>
void ReferenceEvaluator<D>::premises(ReferenceResult& r) {
  const bool c1 = e_.weight[0] > e_.eps;
  r.checks.push_back(exact_verdict("C1", c1, R(e_.weight[0]), eps_, R(e_.weight[0] - e_.eps), "exact rational"));
  r.checks.push_back(exact_verdict("C1'", e_.top_mass0 > e_.eps, R(e_.top_mass0), eps_, R(e_.top_mass0 - e_.eps), "exact rational"));
  r.checks.push_back(condition_c2("C2", e_.M, eps_, e_.eps));
  r.checks.push_back(condition_c2("C2'", e_.M_prime, eps_, e_.eps));
}

// (P3)–(P5) are statements about every GD step t = 1..s: with s = 0 (K = 0, or
// L̂(δ(0)) ≤ ε) there is none, and each is n/a — the rungs' convention
// (lemma2::StepwiseFacts reports n/a when it saw no step), so the audit compares
// like with like. A certified property whose conclusion is n/a under proved
// premises is still proved (vacuously): properties/exact/certified_case.cpp summarize.
template <unsigned D>
void ReferenceEvaluator<D>::p_facts(ReferenceResult& r, unsigned long s) const {
  const std::size_t d = e_.dim();
  if (s == 0) {
    for (const char* l : {"P3", "P4", "P5"}) r.checks.push_back(not_applicable(l, "no GD step"));
    return;
  }
  {
    bool any = false, unit = true;
    for (std::size_t i = 0; i < d; ++i)
      if (e_.in_P[i] && e_.delta0_sq[i].sign() != 0) any = true, unit = unit && e_.factor_sq[i] == Rational(1);
    RefCheck q = not_applicable("P3", "no coordinate in P with delta_i(0) != 0");
    if (any) {
      q.verdict = unit ? Certainty::Proved : Certainty::Refuted;
      q.how = "exact rational";
      q.note = unit ? "|1 - 2 eta gamma_i| = 1 for i in P" : "|1 - 2 eta gamma_i| != 1 for some i in P: fails at step 1";
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

template <unsigned D>
RefCheck ReferenceEvaluator<D>::p5(unsigned long s) const {
  if (e_.top_mass0.sign() == 0) return not_applicable("P5", "sum_P gamma_1 delta_i(0)^2 = 0");
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

template <unsigned D>
void ReferenceEvaluator<D>::e3(ReferenceResult& r, const std::string& where, const std::vector<I>& sq, const I& epsp) const {
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

}  // namespace annealcheck::interval
