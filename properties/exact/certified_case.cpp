#include "properties/exact/certified_case.hpp"

#include "annealcheck/interval/exact_problem.hpp"

#include <algorithm>

namespace annealcheck::properties::certified_checks {

using interval::Enclosure;

certified::Options options(std::size_t checkpoints) { return {128, 4096, checkpoints, /*stop_at_ties=*/true}; }

CheckDecision exact_decision(std::string label, bool holds, std::string how, std::string note) {
  return {std::move(label), holds ? Decision::Proved : Decision::Refuted, 0, std::nullopt, std::nullopt, std::nullopt, std::move(how),
          std::move(note)};
}

CheckDecision tie(std::string label, std::string note) {
  return {std::move(label), Decision::Tie, 0, std::nullopt, std::nullopt, std::nullopt, "", std::move(note)};
}

CheckDecision not_applicable(std::string label, std::string note) {
  return {std::move(label), Decision::NotApplicable, 0, std::nullopt, std::nullopt, std::nullopt, "", std::move(note)};
}

namespace {

// An MPFI temporary at a given precision.
struct Tmp {
  explicit Tmp(long bits) { mpfi_init2(v, static_cast<mpfr_prec_t>(bits)); }
  ~Tmp() { mpfi_clear(v); }
  Tmp(const Tmp&) = delete;
  Tmp& operator=(const Tmp&) = delete;
  mpfi_t v;
};

std::string margin_text(const CheckDecision& c) { return c.margin ? c.margin->str(6) : std::string(); }

}  // namespace

Enclosure add(const Enclosure& a, const Enclosure& b) {
  Tmp t(std::max(a.bits(), b.bits()));
  mpfi_add(t.v, a.get(), b.get());
  return Enclosure(t.v);
}

Enclosure max(const Enclosure& a, const Enclosure& b) {
  Tmp t(std::max(a.bits(), b.bits()));
  mpfr_max(&t.v->left, a.lo(), b.lo(), MPFR_RNDD);
  mpfr_max(&t.v->right, a.hi(), b.hi(), MPFR_RNDU);
  return Enclosure(t.v);
}

Enclosure mul_q(const Enclosure& a, const numeric::Rational& q) {
  Tmp t(a.bits());
  mpfi_mul_q(t.v, a.get(), q.get());
  return Enclosure(t.v);
}

Enclosure from_q(const numeric::Rational& q, long bits) {
  Tmp t(bits);
  mpfi_set_q(t.v, q.get());
  return Enclosure(t.v);
}

Enclosure pow_q(const numeric::Rational& q, unsigned long n, long bits) {
  Tmp acc(bits), b(bits);
  mpfi_set_ui(acc.v, 1);
  mpfi_set_q(b.v, q.get());
  for (; n > 0; n >>= 1) {
    if (n & 1UL) mpfi_mul(acc.v, acc.v, b.v);
    if (n > 1) mpfi_sqr(b.v, b.v);
  }
  return Enclosure(acc.v);
}

Enclosure sqrt_q(const numeric::Rational& q, long bits) {
  Tmp t(bits);
  mpfi_set_q(t.v, q.get());
  mpfi_sqrt(t.v, t.v);
  return Enclosure(t.v);
}

CheckDecision by_enclosures(std::string label, const Enclosure& lhs, const Enclosure& rhs, bool upper, std::string how) {
  Tmp m(std::max(lhs.bits(), rhs.bits()));
  if (upper) mpfi_sub(m.v, rhs.get(), lhs.get());
  else mpfi_sub(m.v, lhs.get(), rhs.get());
  const Enclosure margin(m.v);
  CheckDecision d{std::move(label), Decision::Undecided, margin.bits(), lhs, rhs, margin, std::move(how), ""};
  if (!margin.is_nan() && mpfr_sgn(margin.lo()) >= 0) d.decision = Decision::Proved;
  else if (!margin.is_nan() && mpfr_sgn(margin.hi()) < 0) d.decision = Decision::Refuted;
  return d;
}

CertifiedVerdict summarize(const std::vector<CheckDecision>& checks, const std::vector<std::string>& premises) {
  CertifiedVerdict v;
  Decision overall = Decision::NotApplicable;
  const CheckDecision* deciding = nullptr;
  for (const auto& c : checks) {
    v.checks.push_back(c.label + ": " + certified::decision_name(c.decision) + (c.how.empty() ? "" : " (" + c.how + ")"));
    if (c.decision == Decision::Tie) ++v.ties;
    const bool premise = std::find(premises.begin(), premises.end(), c.label) != premises.end();
    if (premise && c.decision == Decision::Refuted) {
      v.decision = "n/a";
      v.label = c.label;
      v.note = "premise " + c.label + " certified refuted: the case lies outside the statement";
      return v;
    }
    const Decision next = certified::conjunction(overall, c.decision);
    if (!deciding || next != overall || (next == Decision::Proved && c.decision == Decision::Proved)) deciding = &c;
    overall = next;
  }
  v.decision = certified::decision_name(overall);
  // Proved premises and only n/a conclusions (e.g. (P3)–(P5) with no GD step): proved
  // vacuously, and the verdict names the conclusion and why, not a premise.
  const CheckDecision* vacuous = nullptr;
  for (const auto& c : checks)
    if (std::find(premises.begin(), premises.end(), c.label) == premises.end()) {
      if (c.decision != Decision::NotApplicable) {
        vacuous = nullptr;
        break;
      }
      if (!vacuous) vacuous = &c;
    }
  if (overall == Decision::Proved && vacuous) {
    v.label = vacuous->label;
    v.how = "vacuous";
    v.note = vacuous->label + " n/a (" + vacuous->note + ") under proved premises: holds vacuously";
    return v;
  }
  if (deciding) {
    v.label = deciding->label;
    v.bits = deciding->how.rfind("exact", 0) == 0 ? 0 : deciding->bits;
    v.margin = margin_text(*deciding);
    v.how = deciding->how;
    v.note = deciding->note;
  }
  return v;
}

CertifiedVerdict decide_labels(const engine::Problem& p, std::size_t checkpoints, const std::vector<std::string>& premises,
                               const std::vector<std::string>& labels, const Claim& claim) {
  const interval::ExactProblem e = interval::exact_problem(p);
  std::vector<std::string> all = premises;
  all.insert(all.end(), labels.begin(), labels.end());
  certified::Pending pending;
  if (claim)
    pending = [&](const interval::ReferenceResult& r) {
      const CheckDecision d = claim(r, e);
      return d.decision == Decision::Undecided ? std::vector<std::string>{d.label} : std::vector<std::string>{};
    };
  const certified::Result res = certified::decide(e, options(checkpoints), all, pending);
  std::vector<CheckDecision> checks = res.checks;
  if (claim) checks.push_back(claim(res.final, e));
  return summarize(checks, premises);
}

}  // namespace annealcheck::properties::certified_checks
