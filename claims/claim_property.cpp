// claim_property.hpp: a compiled claim turned into a PropertyDef<Lemma2Case>.
#include "claims/claim_property.hpp"

#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "annealcheck/certified/decide.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "properties/exact/certified_case.hpp"
#include "claims/claim_certified.hpp"
#include "claims/claim_eval.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/fnv1a.hpp"
#include "properties/support/property_def.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

namespace annealcheck::claims {
namespace {

using properties::Lemma2Case;
using properties::detail::CaseCheck;

const char* premise_name(Premise p) {
  switch (p) {
    case Premise::C1: return "C1";
    case Premise::C1Prime: return "C1'";
    case Premise::C2: return "C2";
    case Premise::C2Prime: return "C2'";
  }
  return "?";
}

bool has(const std::vector<Premise>& g, Premise p) { return std::find(g.begin(), g.end(), p) != g.end(); }

// The given premises at ε: in T, and where T cannot decide one, on the exact input
// (issue 21: a premise is a function of the exact input); the first that does not
// hold, as a discard reason.
template <numeric::RealNumber T>
std::optional<std::string> premise_missing(const std::vector<Premise>& given, const properties::lemma2_checks::Setup<T>& st,
                                           const model::InstanceSpec& spec) {
  for (Premise p : given) {
    if ((p == Premise::C2 || p == Premise::C2Prime) && properties::lemma2_checks::zero_sum_S(st.s)) continue;  // trivially true
    const lemma2::Inequality<T> q = p == Premise::C1        ? lemma2::condition_c1(st.s, st.s.eps, "premise")
                                  : p == Premise::C1Prime ? lemma2::condition_c1_prime(st.s, st.s.eps, "premise")
                                                          : lemma2::condition_c2(st.s, st.s.eps, p == Premise::C2Prime, "premise");
    if (q.verdict == lemma2::Verdict::Fails)
      return fmt::format("premise ({}) fails in {} beyond rounding", premise_name(p), numeric::number_traits<T>::id());
    if (q.verdict != lemma2::Verdict::Holds)
      if (auto why = properties::exact_premise_refusal(spec, premise_name(p))) return why;
  }
  return std::nullopt;
}

template <numeric::RealNumber T>
CaseCheck check_claim(const CompiledClaim& claim, const std::vector<Premise>& given, const Lemma2Case& c) {
  const properties::lemma2_checks::Setup<T> st(c.spec);
  if (auto why = premise_missing(given, st, c.spec)) return {properties::Verdict{}, *why};
  try {
    ClaimEvaluator<T> ev(claim, st.in, st.b, st.s, c.checkpoints);
    return {properties::to_verdict(ev.decide()), std::nullopt};
  } catch (const DomainError& e) {
    return {properties::Verdict{}, fmt::format("the claim is undefined on this instance: {}", e.what())};
  }
}

certified::Decision from_certainty(interval::Certainty c) {
  switch (c) {
    case interval::Certainty::Proved: return certified::Decision::Proved;
    case interval::Certainty::Refuted: return certified::Decision::Refuted;
    case interval::Certainty::NotApplicable: return certified::Decision::NotApplicable;
    case interval::Certainty::Undecided: break;
  }
  return certified::Decision::Undecided;
}

// The given premises as the reference decides them at r.bits (labels C1, C1', C2, C2').
std::vector<certified::CheckDecision> premise_decisions(const std::vector<std::string>& labels, const interval::ReferenceResult& r) {
  std::vector<certified::CheckDecision> out;
  for (const std::string& l : labels) {
    const interval::RefCheck* q = r.find(l);
    if (!q) throw std::logic_error("the certified reference has no premise " + l);
    out.push_back({l, from_certainty(q->verdict), r.bits, q->lhs, q->rhs, q->margin, q->how, q->note});
  }
  return out;
}

// Undecided at the cap: an undecided tie when the margin is a narrow enclosure of 0
// (certified::looks_like_tie); a refutation stands only when every premise is proved.
void finish(certified::CheckDecision& claim, const std::vector<certified::CheckDecision>& premises, long bits) {
  if (claim.decision == certified::Decision::Undecided && claim.margin) {
    interval::RefCheck rc{claim.label, interval::Certainty::Undecided, claim.lhs, claim.rhs, claim.margin, claim.how, claim.note};
    if (certified::looks_like_tie(rc, bits)) claim.decision = certified::Decision::Tie;
  }
  if (claim.decision != certified::Decision::Refuted) return;
  for (const auto& p : premises)
    if (p.decision == certified::Decision::Undecided || p.decision == certified::Decision::Tie) {
      claim.decision = certified::Decision::Undecided;
      claim.note += "; premise " + p.label + " is not certified, so neither is the violation";
    }
}

// The claim on the exact case: the certified reference at 128 bits, doubling to 4096
// (certified_checks::options, as every certified property), until the claim and its
// premises are decided; then summarised like the catalog's (a refuted premise: n/a).
properties::CertifiedVerdict certify_claim_case(const CompiledClaim& claim, const std::vector<Premise>& given, const nlohmann::json& j) {
  const Lemma2Case c = properties::lemma2_case_from_json(j);
  const interval::ExactProblem e = interval::exact_problem(engine::Problem(c.spec));
  const certified::Options opt = properties::certified_checks::options(c.checkpoints);
  std::vector<std::string> labels;
  for (Premise p : given) labels.emplace_back(premise_name(p));
  for (long bits = opt.start_bits;; bits *= 2) {
    const interval::ReferenceResult r = interval::evaluate_reference(e, bits, {opt.checkpoints, interval::ReferenceScope{}});
    std::vector<certified::CheckDecision> checks = premise_decisions(labels, r);
    certified::CheckDecision d = certify_claim(claim, r, e, c.checkpoints);
    bool open = d.decision == certified::Decision::Undecided;
    for (const auto& p : checks) open = open || p.decision == certified::Decision::Undecided;
    if (!open || bits * 2 > opt.cap_bits) {
      finish(d, checks, bits);
      checks.push_back(std::move(d));
      return properties::certified_checks::summarize(checks, labels);
    }
  }
}

}  // namespace

std::vector<Premise> parse_given(const std::string& list) {
  std::vector<Premise> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    const Premise p = item == "C1" ? Premise::C1 : (item == "C1'" || item == "C1prime") ? Premise::C1Prime : item == "C2" ? Premise::C2
                    : (item == "C2'" || item == "C2prime") ? Premise::C2Prime
                    : throw InputError("--given", quote(item) + " in " + quote(list), "premises among C1, C1', C2, C2' (C1prime, C2prime), comma-separated");
    if (!has(out, p)) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string given_text(const std::vector<Premise>& given) {
  std::vector<std::string> names;
  for (Premise p : given) names.emplace_back(premise_name(p));
  return fmt::format("{}", fmt::join(names, ","));
}

properties::Premises generator_premises(const std::vector<Premise>& g) {
  if (has(g, Premise::C2) || ((has(g, Premise::C1) || has(g, Premise::C1Prime)) && has(g, Premise::C2Prime))) return properties::Premises::C1C2;
  if (has(g, Premise::C2Prime)) return properties::Premises::C2Prime;
  if (has(g, Premise::C1Prime) && !has(g, Premise::C1)) return properties::Premises::C1Prime;
  return properties::Premises::C1Only;
}

std::string claim_id(const ClaimSpec& spec) {
  return fmt::format("claim.{:016x}", properties::detail::fnv1a(spec.text + "\n" + given_text(spec.given)));
}

std::string register_claim(const ClaimSpec& spec) {
  auto claim = std::make_shared<const CompiledClaim>(compile_claim(spec.text));
  const std::vector<Premise> given = spec.given;
  properties::detail::PropertyDef<Lemma2Case> d;
  d.info.id = claim_id(spec);
  d.info.statement = given.empty() ? spec.text : fmt::format("{} given {}", spec.text, given_text(given));
  d.info.claim = spec.text;
  d.info.claim_given = given_text(given);
  d.info.kind = properties::PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 64;
  d.info.case_format = "Lemma 2 instance: {gamma, lambda, delta0, k, rho?, alpha, eps, K, eta?, checkpoints}";
  const properties::Premises p = generator_premises(given);
  d.generator = [p](const properties::GenOptions& g) { return properties::lemma2_case({g.max_dim, p, 10000, false}); };
  d.to_json = [](const Lemma2Case& c) { return properties::to_json(c); };
  d.from_json = properties::lemma2_case_from_json;
  d.facts = [](const Lemma2Case& c) { return properties::facts(c); };
  d.add_type<double>(200, [claim, given](const Lemma2Case& c) { return check_claim<double>(*claim, given, c); });
  d.add_type<long double>(100, [claim, given](const Lemma2Case& c) { return check_claim<long double>(*claim, given, c); });
  d.add_type<numeric::mpfr256>(50, [claim, given](const Lemma2Case& c) { return check_claim<numeric::mpfr256>(*claim, given, c); });
  d.add_runtime_mpfr([claim, given](const Lemma2Case& c) { return check_claim<numeric::mpfr_dynamic>(*claim, given, c); });
  properties::detail::add_runtime_property(properties::detail::make_entry(std::move(d)));
  properties::detail::add_runtime_certified(claim_id(spec), [claim, given](const nlohmann::json& j) { return certify_claim_case(*claim, given, j); });
  return claim_id(spec);
}

}  // namespace annealcheck::claims
