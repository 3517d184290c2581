// What a run's outcome says: whether it succeeded and why not, the certified summary,
// the verdict words of the tables, and a run and its verdicts as text (registry.hpp).
#include "properties/registry.hpp"

#include "properties/support/entry.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace annealcheck::properties {

using detail::certified_json;
using detail::outcome_name;

namespace {

int certified_count(const RunResult& r, const char* decision) {
  const auto it = r.certified_counts.find(decision);
  return it == r.certified_counts.end() ? 0 : it->second;
}

// Certified runs: why the certified decisions do not meet the catalog's expectation.
std::string certified_failure_reason(const RunResult& r) {
  if (!r.certified || !detail::certified_check(r.property_id)) return "";  // not certifiable: stated by certified_summary
  if (r.kind == PropertyKind::Refuted) {
    if (!r.counterexample || !r.counterexample->certified) return "";
    const CertifiedVerdict& v = *r.counterexample->certified;
    return v.decision == "refuted" ? "" : "the shrunk counterexample is not certified refuted (" + v.decision + " " + v.label + ": " + v.note + ")";
  }
  std::string why;
  for (const char* d : {"refuted", "undecided", "n/a"})
    if (const int n = certified_count(r, d)) why += fmt::format("{}{} case(s) {}", why.empty() ? "" : ", ", n, d);
  if (why.empty()) return "";
  std::string s = "not proved on every case: " + why;
  if (const auto& c = r.certified_first_unproved; c && c->certified)
    s += fmt::format(" (first: {} {} — {})", c->certified->decision, c->certified->label, c->certified->note);
  return s;
}

}  // namespace

std::string certified_summary(const RunResult& r) {
  if (!r.certified) return "";
  if (!detail::certified_check(r.property_id)) return "not certifiable (no exact counterpart)";
  if (r.kind == PropertyKind::Refuted) {
    if (!r.counterexample || !r.counterexample->certified) return "no counterexample";
    const CertifiedVerdict& v = *r.counterexample->certified;
    return v.decision == "refuted" ? "certified refuted" : "counterexample " + v.decision;
  }
  const int proved = certified_count(r, "proved"), ties = certified_count(r, "undecided tie"), accurate = certified_count(r, "accurate");
  std::string s = proved || ties || !accurate ? fmt::format("proved {}", proved) : "";
  if (ties) s += fmt::format(" ({} ties)", ties);
  if (accurate) s += fmt::format("{}accurate {}", s.empty() ? "" : ", ", accurate);
  for (const char* d : {"refuted", "undecided", "n/a"})
    if (const int n = certified_count(r, d)) s += fmt::format(", {} {}", n, d);
  return s;
}

std::string run_failure_reason(const RunResult& r) {
  if (r.kind == PropertyKind::Holds) {
    if (r.outcome == Outcome::Passed) return certified_failure_reason(r);
    return std::string("the property ") + outcome_name(r.outcome) + ": " + r.message;
  }
  if (r.outcome != Outcome::Failed || !r.counterexample)
    return std::string("no counterexample found (") + outcome_name(r.outcome) + " after " + std::to_string(r.cases_run) + " cases)";
  const PropertyInfo& info = property_info(r.property_id);
  if (r.shrink_budget_exhausted) return "shrinking did not finish within the shrink budget";
  if (r.counterexample->verdict.label == "exception") return "the claim threw: " + r.counterexample->verdict.note;
  if (info.refute_max_dim && r.counterexample->dim > info.refute_max_dim)
    return "shrunk counterexample has d = " + std::to_string(r.counterexample->dim) + " > " + std::to_string(info.refute_max_dim);
  if (info.refute_K && r.counterexample->K != info.refute_K)
    return "shrunk counterexample has K = " + (r.counterexample->K ? std::to_string(*r.counterexample->K) : std::string("none")) +
           ", expected " + std::to_string(*info.refute_K);
  return certified_failure_reason(r);
}

bool run_succeeded(const RunResult& r) { return run_failure_reason(r).empty(); }

std::string verdict_word(bool refuted, bool ok, int within_rounding) {
  if (refuted) return ok ? "refuted as expected" : "SURVIVED";
  if (!ok) return "FAILED";
  return within_rounding ? fmt::format("holds ({} rounding)", within_rounding) : "holds";
}

std::string verdict_word(const RunResult& r, bool ok) {
  const bool refuted = r.kind == PropertyKind::Refuted;
  if (!r.certified || !ok) return verdict_word(refuted, ok, r.within_rounding);
  if (refuted) return certified_summary(r) == "certified refuted" ? "refuted as expected (certified)" : "refuted as expected";
  return certified_summary(r);
}

bool less_accurate(const Verdict& a, const Verdict& b) {
  return a.agree_digits - a.tolerance_digits < b.agree_digits - b.tolerance_digits;
}

std::string render_verdict(const Verdict& v) {
  if (v.relation.empty()) return fmt::format("{} n/a ({}) [{}]", v.label, v.note, v.type_id);
  std::string s = fmt::format("{} {}: {} {} {}  [{}]\n      lhs    = {}\n      rhs    = {}\n      margin = {} (relative {:+.3e}; error bound relative {:.3g}{}; slack after the bound {:+.3e})\n      at {} in {} ({} bits)",
                              v.label, v.outcome, "lhs", v.relation, "rhs", v.statement, v.lhs, v.rhs, v.margin,
                              v.relative_margin, v.relative_bound, v.relative_bound > 1e-6 ? ", WEAK" : "", v.relative_slack, v.where,
                              v.type_id, v.bits);
  if (v.outcome == "within rounding")
    s += v.needed_bits ? fmt::format("\n      within rounding: about {} bits would decide it (or --certified)", v.needed_bits)
                       : std::string("\n      within rounding: an exact tie (only exact arithmetic or --certified decides it)");
  if (!v.note.empty()) s += "\n      note: " + v.note;
  return s;
}

std::string certified_statement(const CertifiedVerdict& v) {
  if (v.decision == "refuted") return fmt::format("violation certified ({})", v.bits ? fmt::format("MPFI, {} bits", v.bits) : std::string("exact rationals"));
  return "violation NOT certified (" + v.decision + (v.label.empty() ? "" : " " + v.label) + ")";
}

nlohmann::json certified_report_json(const CertifiedVerdict& v) {
  nlohmann::json j = certified_json(v);
  j["statement"] = certified_statement(v);
  return j;
}

std::string render_certified(const CertifiedVerdict& v) {
  std::string s = v.decision == "refuted" ? fmt::format("{} refuted — {}", v.label, certified_statement(v)) : fmt::format("{} {}", v.decision, v.label);
  if (!v.margin.empty()) s += ", margin " + v.margin;
  if (!v.how.empty()) s += " [" + v.how + "]";
  if (v.ties) s += fmt::format(" ({} undecided tie(s))", v.ties);
  if (!v.note.empty()) s += " — " + v.note;
  return s;
}

std::string render_run(const RunResult& r) {
  std::ostringstream o;
  o << fmt::format("{} @ {} ({} bits): {} — {} cases run ({} within rounding, {} not representable), {} discarded, {:.2f} s\n",
                   r.property_id, r.type_id, r.bits, outcome_name(r.outcome), r.cases_run, r.within_rounding, r.unrepresentable,
                   r.discarded, r.seconds);
  o << fmt::format("  seed {} (RC_PARAMS=\"seed={}\"; RapidCheck seed {} = seed xor fnv1a(id))\n", r.seed, r.seed, r.effective_seed);
  if (!r.tag_counts.empty()) {
    o << "  generator tags:";
    for (const auto& [t, n] : r.tag_counts)
      o << fmt::format(" {} {:.0f}%", t, r.cases_run ? 100.0 * n / r.cases_run : 0.0);
    o << "\n";
  }
  if (r.closest) {
    o << "  closest case (smallest relative slack after the error bound): " << r.closest->summary << "\n    " << r.closest->case_json << "\n    "
      << render_verdict(r.closest->verdict) << "\n";
  }
  if (const auto& a = r.least_accurate)
    o << fmt::format("  least accurate identity: {} agrees to {:.1f} digits, tolerance {:.1f} (its error bounds) — {}\n", a->verdict.accuracy_label,
                     a->verdict.agree_digits, a->verdict.tolerance_digits, a->summary);
  if (r.counterexample) {
    o << fmt::format("  counterexample (after {} shrinks{}, {} evaluations{}): {}\n    {}\n    {}\n", r.shrinks_accepted,
                     r.reduction_steps ? fmt::format(" and {} coordinate(s) removed from d = {}", r.reduction_steps, r.reduced_from_dim) : "",
                     r.shrink_evaluations, r.shrink_budget_exhausted ? ", shrink budget exhausted" : "", r.counterexample->summary,
                     r.counterexample->case_json, render_verdict(r.counterexample->verdict));
    o << "  replay: RC_PARAMS=\"" << r.reproduce << "\"\n";
    if (const auto& v = r.counterexample->certified)
      o << "  certified: " << render_certified(*v) << "\n";
  }
  if (r.certified) {
    std::string n;
    for (const auto& [d, k] : r.certified_counts) n += fmt::format("{}{} {}", n.empty() ? "" : ", ", k, d);
    if (r.filtered)
      o << fmt::format("  decisions: {} (filtered: a case the {} value decides beyond its error bound is proved by it; the rest decided from the "
                       "exact case, MPFI or exact rationals; identities measured; shrink steps are not decided)\n",
                       n.empty() ? (r.kind == PropertyKind::Refuted ? "the counterexample only" : "no case") : n, r.type_id);
    else
      o << fmt::format("  certified: {} (each generated case decided from the exact case, MPFI or exact rationals; shrink steps are not)\n",
                       n.empty() ? "no case" : n);
    o << "  certified verdict: " << certified_summary(r) << "\n";
    if (const auto& c = r.certified_first_unproved; c && c->certified && r.kind == PropertyKind::Holds)
      o << "  first case not proved: " << c->summary << "\n    " << c->case_json << "\n    " << render_certified(*c->certified) << "\n";
  }
  if (!r.message.empty() && r.outcome != Outcome::Failed) o << "  " << r.message << "\n";
  return o.str();
}

}  // namespace annealcheck::properties
