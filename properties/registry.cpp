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

constexpr Outcome kOutcomes[] = {Outcome::Passed, Outcome::Failed, Outcome::GaveUp, Outcome::Error};

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "passed";
    case Outcome::Failed: return "failed";
    case Outcome::GaveUp: return "gave up";
    case Outcome::Error: return "error";
  }
  return "?";
}

nlohmann::json verdict_json(const Verdict& v) {
  return {{"holds", v.holds}, {"outcome", v.outcome}, {"label", v.label}, {"statement", v.statement}, {"relation", v.relation},
          {"lhs", v.lhs}, {"rhs", v.rhs}, {"margin", v.margin}, {"relative_margin", v.relative_margin}, {"relative_slack", v.relative_slack},
          {"relative_bound", v.relative_bound}, {"needed_bits", v.needed_bits}, {"where", v.where}, {"type", v.type_id}, {"bits", v.bits},
          {"note", v.note}};
}

nlohmann::json certified_json(const CertifiedVerdict& v) {
  return {{"decision", v.decision}, {"label", v.label}, {"bits", v.bits}, {"margin", v.margin}, {"how", v.how},
          {"note", v.note}, {"ties", v.ties}, {"checks", v.checks}};
}

CertifiedVerdict certified_from_json(const nlohmann::json& j) {
  CertifiedVerdict v;
  j.at("decision").get_to(v.decision);
  j.at("label").get_to(v.label);
  j.at("bits").get_to(v.bits);
  j.at("margin").get_to(v.margin);
  j.at("how").get_to(v.how);
  j.at("note").get_to(v.note);
  j.at("ties").get_to(v.ties);
  j.at("checks").get_to(v.checks);
  return v;
}

nlohmann::json case_json(const CaseReport& c) {
  nlohmann::json j{{"case", nlohmann::json::parse(c.case_json)}, {"summary", c.summary}, {"tags", c.tags},
                   {"dim", c.dim}, {"verdict", verdict_json(c.verdict)}, {"discarded", c.discarded}};
  if (c.certified) j["certified"] = certified_json(*c.certified);
  if (c.K) j["K"] = *c.K;
  return j;
}

Verdict verdict_from_json(const nlohmann::json& j) {
  Verdict v;
  j.at("holds").get_to(v.holds);
  j.at("outcome").get_to(v.outcome);
  j.at("label").get_to(v.label);
  j.at("statement").get_to(v.statement);
  j.at("relation").get_to(v.relation);
  j.at("lhs").get_to(v.lhs);
  j.at("rhs").get_to(v.rhs);
  j.at("margin").get_to(v.margin);
  j.at("relative_margin").get_to(v.relative_margin);
  j.at("relative_slack").get_to(v.relative_slack);
  j.at("relative_bound").get_to(v.relative_bound);
  j.at("needed_bits").get_to(v.needed_bits);
  j.at("where").get_to(v.where);
  j.at("type").get_to(v.type_id);
  j.at("bits").get_to(v.bits);
  j.at("note").get_to(v.note);
  return v;
}

std::optional<CaseReport> case_from_json(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  const nlohmann::json& c = j[key];
  CaseReport r;
  r.case_json = c.at("case").dump();
  c.at("summary").get_to(r.summary);
  c.at("tags").get_to(r.tags);
  c.at("dim").get_to(r.dim);
  if (c.contains("K")) r.K = c["K"].get<long>();
  r.verdict = verdict_from_json(c.at("verdict"));
  c.at("discarded").get_to(r.discarded);
  if (c.contains("certified")) r.certified = certified_from_json(c["certified"]);
  return r;
}

Outcome outcome_from_name(const std::string& name) {
  for (Outcome o : kOutcomes)
    if (name == outcome_name(o)) return o;
  throw InputError("outcome", "\"" + name + "\"", "passed, failed, gave up or error");
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
  r.certified = o.certified;
  if (o.certified) r.certify = detail::certified_check(info.id);
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
  const int proved = certified_count(r, "proved"), ties = certified_count(r, "undecided tie");
  std::string s = fmt::format("proved {}", proved);
  if (ties) s += fmt::format(" ({} ties)", ties);
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
  if (r.counterexample) {
    o << fmt::format("  counterexample (after {} shrinks, {} evaluations{}): {}\n    {}\n    {}\n", r.shrinks_accepted,
                     r.shrink_evaluations, r.shrink_budget_exhausted ? ", shrink budget exhausted" : "", r.counterexample->summary,
                     r.counterexample->case_json, render_verdict(r.counterexample->verdict));
    o << "  replay: RC_PARAMS=\"" << r.reproduce << "\"\n";
    if (const auto& v = r.counterexample->certified)
      o << "  certified: " << render_certified(*v) << "\n";
  }
  if (r.certified) {
    std::string n;
    for (const auto& [d, k] : r.certified_counts) n += fmt::format("{}{} {}", n.empty() ? "" : ", ", k, d);
    o << fmt::format("  certified: {} (each generated case decided from the exact case, MPFI or exact rationals; shrink steps are not)\n",
                     n.empty() ? "no case" : n);
    o << "  certified verdict: " << certified_summary(r) << "\n";
    if (const auto& c = r.certified_first_unproved; c && c->certified && r.kind == PropertyKind::Holds)
      o << "  first case not proved: " << c->summary << "\n    " << c->case_json << "\n    " << render_certified(*c->certified) << "\n";
  }
  if (!r.message.empty() && r.outcome != Outcome::Failed) o << "  " << r.message << "\n";
  return o.str();
}

namespace {

nlohmann::json margins_to_json(const MarginHistogram& h) {
  return {{"lowest_decade", MarginHistogram::kLowest}, {"positive", h.positive}, {"negative", h.negative}, {"zero", h.zero}, {"undecided", h.undecided}};
}

MarginHistogram margins_from_json(const nlohmann::json& j) {
  MarginHistogram h;
  if (j.at("lowest_decade").get<int>() != MarginHistogram::kLowest || j.at("positive").size() != MarginHistogram::kBins ||
      j.at("negative").size() != MarginHistogram::kBins)
    throw InputError("margins", j.dump().substr(0, 80), fmt::format("{} decade bins from 1e{}", MarginHistogram::kBins, MarginHistogram::kLowest));
  j.at("positive").get_to(h.positive);
  j.at("negative").get_to(h.negative);
  j.at("zero").get_to(h.zero);
  j.at("undecided").get_to(h.undecided);
  return h;
}

}  // namespace

nlohmann::json run_to_json(const RunResult& r) {
  nlohmann::json j{{"property", r.property_id}, {"type", r.type_id}, {"bits", r.bits},
                   {"kind", r.kind == PropertyKind::Holds ? "holds" : "refuted"}, {"outcome", outcome_name(r.outcome)},
                   {"succeeded", run_succeeded(r)}, {"seed", r.seed}, {"effective_seed", r.effective_seed},
                   {"cases_requested", r.cases_requested}, {"cases_run", r.cases_run}, {"discarded", r.discarded},
                   {"within_rounding", r.within_rounding}, {"unrepresentable", r.unrepresentable},
                   {"shrink_evaluations", r.shrink_evaluations}, {"shrinks_accepted", r.shrinks_accepted},
                   {"shrink_budget_exhausted", r.shrink_budget_exhausted}, {"reproduce", r.reproduce},
                   {"not_in_reproduce_map", r.not_in_reproduce_map},
                   {"message", r.message}, {"tag_counts", r.tag_counts}, {"seconds", r.seconds}};
  if (r.closest) j["closest"] = case_json(*r.closest);
  if (r.certified) {
    j["certified"] = {{"counts", r.certified_counts}, {"summary", certified_summary(r)}};
    if (r.certified_first_unproved) j["certified"]["first_unproved"] = case_json(*r.certified_first_unproved);
  }
  if (r.counterexample) j["counterexample"] = case_json(*r.counterexample);
  if (r.original) j["original"] = case_json(*r.original);
  nlohmann::json distribution = nlohmann::json::array();
  for (const auto& [tags, n] : r.distribution) distribution.push_back({{"tags", tags}, {"count", n}});
  j["distribution"] = distribution;
  j["margins"] = margins_to_json(r.margins);
  return j;
}

RunResult run_from_json(const nlohmann::json& j) {
  RunResult r;
  try {
    j.at("property").get_to(r.property_id);
    j.at("type").get_to(r.type_id);
    j.at("bits").get_to(r.bits);
    r.kind = j.at("kind").get<std::string>() == "holds" ? PropertyKind::Holds : PropertyKind::Refuted;
    r.outcome = outcome_from_name(j.at("outcome").get<std::string>());
    j.at("seed").get_to(r.seed);
    j.at("effective_seed").get_to(r.effective_seed);
    j.at("cases_requested").get_to(r.cases_requested);
    j.at("cases_run").get_to(r.cases_run);
    j.at("discarded").get_to(r.discarded);
    j.at("within_rounding").get_to(r.within_rounding);
    j.at("unrepresentable").get_to(r.unrepresentable);
    j.at("shrink_evaluations").get_to(r.shrink_evaluations);
    j.at("shrinks_accepted").get_to(r.shrinks_accepted);
    j.at("shrink_budget_exhausted").get_to(r.shrink_budget_exhausted);
    j.at("reproduce").get_to(r.reproduce);
    j.at("not_in_reproduce_map").get_to(r.not_in_reproduce_map);
    j.at("message").get_to(r.message);
    j.at("tag_counts").get_to(r.tag_counts);
    j.at("seconds").get_to(r.seconds);
    r.closest = case_from_json(j, "closest");
    r.counterexample = case_from_json(j, "counterexample");
    r.original = case_from_json(j, "original");
    for (const auto& d : j.at("distribution")) r.distribution[d.at("tags").get<std::vector<std::string>>()] = d.at("count").get<int>();
    if (j.contains("certified")) {
      r.certified = true;
      j["certified"].at("counts").get_to(r.certified_counts);
      r.certified_first_unproved = case_from_json(j["certified"], "first_unproved");
    }
    if (j.contains("margins")) r.margins = margins_from_json(j["margins"]);
  } catch (const nlohmann::json::exception& e) {
    throw InputError("run", "a malformed run document (" + std::string(e.what()) + ")", "the JSON of run_to_json (`check --format json`)");
  }
  return r;
}

}  // namespace annealcheck::properties
