// The registry: the catalog built once from catalog.cpp, option resolution
// (RC_PARAMS, ANNEALCHECK_THOROUGH, the fixed default seed) and the reports.
#include "properties/registry.hpp"

#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "properties/support/entry.hpp"
#include "properties/support/fnv1a.hpp"
#include "properties/support/runner.hpp"

#include <rapidcheck/detail/Configuration.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

namespace annealcheck::properties {

using detail::certified_json;
using detail::outcome_name;

namespace {

const detail::Catalog& entries() {
  static const detail::Catalog catalog = [] {
    detail::Catalog c;
    detail::add_all_properties(c);
    std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.info.id < b.info.id; });
    std::set<std::string> ids;
    for (const auto& e : c)
      if (!ids.insert(e.info.id).second) throw std::logic_error("duplicate property id " + e.info.id);
    return c;
  }();
  return catalog;
}

std::vector<detail::PropertyEntry>& runtime_entries() {
  static std::vector<detail::PropertyEntry> v;
  return v;
}

const detail::PropertyEntry& entry(std::string_view id) {
  for (const auto& e : entries())
    if (e.info.id == id) return e;
  for (const auto& e : runtime_entries())
    if (e.info.id == id) return e;
  std::string ids;
  for (const auto& e : entries()) ids += (ids.empty() ? "" : ", ") + e.info.id;
  throw InputError("property", "\"" + std::string(id) + "\" (unknown property id)", "one of " + ids);
}

using detail::fnv1a;

int thorough_factor() {
  const char* env = std::getenv("ANNEALCHECK_THOROUGH");
  if (env == nullptr || *env == '\0') return 1;
  char* end = nullptr;
  const long f = std::strtol(env, &end, 10);
  if (*end != '\0' || f < 1 || f > 1000) throw InputError("ANNEALCHECK_THOROUGH", "\"" + std::string(env) + "\"", "an integer in 1..1000 (case multiplier)");
  return static_cast<int>(f);
}

// The reproduce map of RC_PARAMS, as its raw text (the runner parses it).
std::optional<std::string> env_reproduce(const std::string& params) {
  std::istringstream in(params);
  std::string tok;
  while (in >> tok)
    if (tok.rfind("reproduce=", 0) == 0) return tok.substr(10);
  return std::nullopt;
}


}  // namespace

namespace detail {

void add_runtime_property(PropertyEntry e) {
  auto& v = runtime_entries();
  for (auto& x : v)
    if (x.info.id == e.info.id) {
      x = std::move(e);
      return;
    }
  v.push_back(std::move(e));
}

ResolvedOptions resolve(const PropertyInfo& info, const RunOptions& o) {
  ResolvedOptions r;
  const bool runtime = info.runtime_mpfr && is_runtime_mpfr_type(o.type);
  if (!runtime && std::find(info.types.begin(), info.types.end(), o.type) == info.types.end()) {
    std::string ids;
    for (const auto& t : info.types) ids += (ids.empty() ? "" : ", ") + t;
    throw InputError("type", "\"" + o.type + "\"", "a type " + info.id + " is built for: " + ids);
  }
  r.type = o.type;
  rc::detail::Configuration defaults;
  defaults.testParams.seed = default_seed();
  defaults.testParams.maxSuccess = -1;  // "not given"
  rc::detail::Configuration cfg = defaults;
  std::string env;
  if (o.read_environment) {
    if (const char* p = std::getenv("RC_PARAMS")) env = p;
    try {
      cfg = rc::detail::configFromString(env, defaults);
    } catch (const std::exception& e) {
      throw InputError("RC_PARAMS", "\"" + env + "\"", std::string("a RapidCheck configuration (") + e.what() + ")");
    }
  }
  r.seed = o.seed ? *o.seed : cfg.testParams.seed;
  r.effective_seed = r.seed ^ fnv1a(info.id);
  if (o.cases) {
    if (*o.cases < 0) throw InputError("cases", std::to_string(*o.cases), "a case count >= 0");
    r.cases = *o.cases;
  } else {
    // Certified runs cap a true property's cases (each is decided again in MPFI); a false
    // claim keeps its own: its run ends at the first counterexample, the same one as without.
    const bool cap = o.certified && info.kind == PropertyKind::Holds;
    const int own = runtime && !info.default_cases.count(o.type) ? info.default_cases.at("mpfr256") : info.default_cases.at(o.type);
    const int base = cap ? std::min(own, certified_default_cases()) : own;
    r.cases = cfg.testParams.maxSuccess >= 0 ? cfg.testParams.maxSuccess : base * (o.read_environment ? thorough_factor() : 1);
  }
  if (o.certified && o.fast) throw InputError("fast", "together with certified", "one of fast (point verdicts) and certified");
  r.certified = o.certified;
  r.filtered = !o.certified && !o.fast;
  if (r.certified || r.filtered) r.certify = detail::certified_check(info.id);
  r.max_size = cfg.testParams.maxSize;
  r.max_discard_ratio = cfg.testParams.maxDiscardRatio;
  r.max_dim = std::min(o.max_dim.value_or(info.max_dim), info.max_dim);
  if (r.max_dim < info.min_dim)
    throw InputError("max_dim", std::to_string(*o.max_dim), "at least " + std::to_string(info.min_dim) + " for " + info.id);
  r.shrink = o.shrink.value_or(!cfg.testParams.disableShrinking);
  if (o.shrink_budget < 0) throw InputError("shrink_budget", std::to_string(o.shrink_budget), "a count >= 0");
  r.shrink_budget = o.shrink_budget;
  if (o.reproduce) {
    std::string s = *o.reproduce;
    if (s.rfind("reproduce=", 0) == 0) s = s.substr(10);
    r.reproduce = s;
    r.reproduce_strict = true;
  } else if (o.read_environment) {
    r.reproduce = env_reproduce(env);
  }
  r.case_log = o.case_log;
  return r;
}

}  // namespace detail

std::uint64_t default_seed() { return 2005073600ULL; }

bool is_runtime_mpfr_type(std::string_view type) {
  if (type == "mpfr:random") return true;
  try {
    return engine::parse_type_id(std::string(type)).family == numeric::Family::MpfrRuntime;
  } catch (const InputError&) {
    return false;
  }
}

const std::vector<PropertyInfo>& catalog() {
  static const std::vector<PropertyInfo> infos = [] {
    std::vector<PropertyInfo> v;
    for (const auto& e : entries()) v.push_back(e.info);
    return v;
  }();
  return infos;
}

const PropertyInfo& property_info(std::string_view id) { return entry(id).info; }

RunResult run_property(std::string_view id, const RunOptions& options) {
  const auto& e = entry(id);
  return e.run(detail::resolve(e.info, options));
}

int resolved_cases(std::string_view id, const std::string& type, bool certified) {
  const auto& e = entry(id);
  RunOptions o;
  o.type = type;
  o.certified = certified;
  return detail::resolve(e.info, o).cases;
}

bool has_lemma2_instances(std::string_view id) { return static_cast<bool>(entry(id).lemma2_instances); }

std::vector<model::InstanceSpec> lemma2_instances(std::string_view id, std::size_t n, std::uint64_t seed) {
  const detail::PropertyEntry* e = nullptr;
  try {
    e = &entry(id);
  } catch (const InputError&) {
    e = nullptr;
  }
  if (e == nullptr || !e->lemma2_instances) {
    std::string ids;
    for (const auto& x : entries())
      if (x.lemma2_instances) ids += (ids.empty() ? "" : ", ") + x.info.id;
    throw InputError("--property", "\"" + std::string(id) + "\" (" + (e ? "its cases carry no Lemma 2 instance" : "unknown property id") + ")",
                     "one of " + ids);
  }
  return e->lemma2_instances(n, seed ^ fnv1a(id));
}

CaseReport check_case(std::string_view id, const std::string& type, const nlohmann::json& case_json) {
  const auto& e = entry(id);
  RunOptions o;
  o.type = type;
  o.read_environment = false;
  detail::resolve(e.info, o);  // validates the type
  return e.check_case(type, case_json);
}

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

int certified_default_cases() { return 100; }

CertifiedVerdict certify_case(std::string_view id, const nlohmann::json& case_json) {
  const auto& e = entry(id);
  detail::ResolvedOptions o;
  o.certified = true;
  o.certify = detail::certified_check(e.info.id);
  return detail::certify_safely(o, case_json.dump());
}

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
