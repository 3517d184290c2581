// The registry: the catalog built once from catalog.cpp, option resolution
// (RC_PARAMS, ANNEALCHECK_THOROUGH, the fixed default seed) and running a property;
// what a run's outcome says is run_outcome.cpp.
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

void require_type(const PropertyInfo& info, const std::string& type) {
  if (std::find(info.types.begin(), info.types.end(), type) != info.types.end() || (info.runtime_mpfr && is_runtime_mpfr_type(type))) return;
  std::string types;
  for (const auto& t : info.types) types += (types.empty() ? "" : ", ") + t;
  if (info.runtime_mpfr) types += ", mpfr:BITS";
  throw InputError("--type", "\"" + type + "\"", "a type " + info.id + " is built for: " + types);
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


int certified_default_cases() { return 100; }

CertifiedVerdict certify_case(std::string_view id, const nlohmann::json& case_json) {
  const auto& e = entry(id);
  detail::ResolvedOptions o;
  o.certified = true;
  o.certify = detail::certified_check(e.info.id);
  return detail::certify_safely(o, case_json.dump());
}

}  // namespace annealcheck::properties
