// Defining a property: its case type, generator, JSON form, facts and one check
// per number type, turned into a type-erased catalog entry (entry.hpp).
//
//   PropertyDef<Lemma2Case> def;
//   def.info = {...};                       // id, statement (SPEC labels), kind, limits
//   def.generator = [](const GenOptions& g) { return lemma2_case({...}); };
//   def.to_json / from_json / facts = ...;
//   def.add_type<double>(100, check<double>);    // one check per type, with its case count
//   def.add_type<numeric::mpfr256>(30, check<numeric::mpfr256>);
//   catalog.push_back(make_entry(std::move(def)));
//
// A property defined outside the catalog (your own project, built on the installed
// package) runs exactly as a catalog one: `RunResult r = run_def(std::move(def));`
// (RapidCheck, shrinking, the closest case; run_succeeded / render_run as usual).
//
// A check returns a CaseCheck: the first failing inequality (or the tightest)
// as a Verdict, or a discard reason. Exceptions from a check become a failing
// verdict labelled "exception" (a true property must never throw).
#pragma once

#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/mpfr_exact.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "properties/support/case_facts.hpp"
#include "properties/support/fnv1a.hpp"
#include "properties/support/reduce_counterexample.hpp"
#include "properties/support/runner.hpp"

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

#include <concepts>
#include <functional>
#include <string>
#include <utility>
#include <vector>

// The mutant test executables (ANNEALCHECK_MUTANT_SUITE) check the true
// properties at double only, which keeps their build cost modest; every other
// build registers the full ladder of each property (double, mpfr256, mpq).
#ifdef ANNEALCHECK_MUTANT_SUITE
#define ANNEALCHECK_FULL_LADDER 0
#else
#define ANNEALCHECK_FULL_LADDER 1
#endif

namespace annealcheck::properties::detail {

template <class Case>
struct PropertyDef {
  using Check = std::function<CaseCheck(const Case&)>;
  PropertyInfo info;
  std::function<rc::Gen<Case>(const GenOptions&)> generator;
  std::function<nlohmann::json(const Case&)> to_json;
  std::function<Case(const nlohmann::json&)> from_json;
  std::function<CaseFacts(const Case&)> facts;
  std::vector<std::pair<std::string, Check>> checks;
  // Refuted claims, optional: smaller cases to try after RapidCheck's shrink
  // (reduce_counterexample.hpp; Lemma 2 claims: one coordinate fewer, lemma2_reduce.hpp).
  std::function<std::vector<Case>(const Case&)> reduce;

  // One check per number type, with its default case count (before ANNEALCHECK_THOROUGH).
  template <numeric::LadderNumber T>
  void add_type(int default_cases, Check check) {
    const std::string id = numeric::number_traits<T>::id();
    checks.emplace_back(id, std::move(check));
    info.types.push_back(id);
    info.default_cases[id] = default_cases;
  }

  // The runtime-precision rung: one check compiled for numeric::mpfr_dynamic serves
  // every "mpfr:BITS" and "mpfr:random" (check_for runs it under scoped_mpfr_bits).
  Check runtime_mpfr;
  void add_runtime_mpfr(Check check) {
    runtime_mpfr = std::move(check);
    info.runtime_mpfr = true;
  }
};

// The check for `type`; "mpfr:random" draws the precision per case from the FNV-1a
// hash of its JSON, in [24, 2048] (deterministic: a case replays at its precision,
// which its verdict names).
template <class Case>
typename PropertyDef<Case>::Check check_for(const PropertyDef<Case>& def, const std::string& type) {
  for (const auto& [id, fn] : def.checks)
    if (id == type) return fn;
  if (def.runtime_mpfr && is_runtime_mpfr_type(type)) {
    const long fixed = type == "mpfr:random" ? 0 : engine::parse_type_id(type).bits;
    return [&def, fixed](const Case& c) {
      const long bits = fixed ? fixed : 24 + static_cast<long>(fnv1a(def.to_json(c).dump()) % 2025);
      numeric::scoped_mpfr_bits scope(bits);
      return def.runtime_mpfr(c);
    };
  }
  std::string ids;
  for (const auto& [id, fn] : def.checks) ids += (ids.empty() ? "" : ", ") + id;
  throw InputError("type", "\"" + type + "\"", "a type " + def.info.id + " is built for: " + ids);
}

template <class Case>
CaseReport evaluate_case(const PropertyDef<Case>& def, const typename PropertyDef<Case>::Check& check, const Case& c,
                         std::string case_json) {
  const CaseFacts f = def.facts(c);
  CaseReport r;
  r.case_json = std::move(case_json);
  r.summary = f.summary;
  r.tags = f.tags;
  r.dim = f.dim;
  r.K = f.K;
  try {
    CaseCheck res = check(c);
    r.verdict = std::move(res.verdict);
    if (res.discard) {
      r.discarded = true;
      r.verdict.note = *res.discard;
    }
  } catch (const std::exception& e) {
    r.verdict = Verdict{};
    r.verdict.holds = false;
    r.verdict.label = "exception";
    r.verdict.note = e.what();
  }
  return r;
}

// Case types that carry a Lemma 2 instance (Lemma2Case, BetaCase) say so with an
// overload `const model::InstanceSpec& lemma2_instance(const Case&)` found by ADL;
// their properties then offer instances to `audit --property`.
template <class Case>
concept CarriesLemma2Instance = requires(const Case& c) {
  { lemma2_instance(c) } -> std::convertible_to<const model::InstanceSpec&>;
};

// n values of `gen` drawn outside a property run, deterministic in the seed:
// value i from the i-th split of Random(seed) at size (i+1)·kNominalSize/n (the
// ramp of a RapidCheck run). A draw the generator gives up on is drawn again.
template <class T>
std::vector<T> sample(const rc::Gen<T>& gen, std::size_t n, std::uint64_t seed) {
  rc::Random random(seed);
  std::vector<T> out;
  for (std::size_t i = 0, failures = 0; out.size() < n;) {
    const int size = static_cast<int>((i + 1) * static_cast<std::size_t>(rc::kNominalSize) / n);
    try {
      out.push_back(gen(random.split(), size).value());
      ++i;
    } catch (const rc::GenerationFailure&) {
      if (++failures > 100 * n) throw;
    }
  }
  return out;
}

template <class Case>
PropertyEntry make_entry(PropertyDef<Case> def_in) {
  auto def = std::make_shared<const PropertyDef<Case>>(std::move(def_in));
  PropertyEntry e;
  e.info = def->info;
  e.run = [def](const ResolvedOptions& o) {
    const auto& check = check_for(*def, o.type);
    RunContext ctx(def->info, o);
    const rc::Gen<Case> gen = def->generator(GenOptions{o.max_dim, o.type});
    auto body = [&]() {
      const Case c = *gen;
      const CaseFacts f = def->facts(c);
      for (const auto& t : f.tags) rc::detail::tag({t});
      std::string json = def->to_json(c).dump();
      if (ctx.skip_evaluation(json)) return;
      CaseReport r = evaluate_case(*def, check, c, std::move(json));
      if (!r.discarded && !ctx.shrinking()) {
        if (o.certified) r.certified = certify_safely(o, r.case_json);
        // filtered (the default): a false claim is decided on its counterexample only (runner.cpp)
        else if (o.filtered && def->info.kind == PropertyKind::Holds) r.certified = filtered_decision(o, r);
      }
      const bool discarded = r.discarded, holds = r.verdict.holds;
      const std::string message = render_verdict(r.verdict);
      ctx.record(std::move(r));
      if (discarded) discard_case(message);
      if (!holds) fail_case(message);
    };
    RunResult r = ctx.execute(rc::detail::toProperty(body));
    if (def->reduce && r.kind == PropertyKind::Refuted && r.outcome == Outcome::Failed && r.counterexample &&
        r.counterexample->verdict.outcome == "fails")
      reduce_counterexample<Case>(def->reduce, [&](const Case& c) { return evaluate_case(*def, check, c, def->to_json(c).dump()); },
                                  def->from_json(io::parse_exact_json(r.counterexample->case_json, "case")), o, r);
    if (r.reduction_steps) r.message = render_verdict(r.counterexample->verdict);  // the reduced case's, not the shrunk one's
    return r;
  };
  e.check_case = [def](const std::string& type, const nlohmann::json& j) {
    const auto& check = check_for(*def, type);
    const Case c = def->from_json(j);
    return evaluate_case(*def, check, c, def->to_json(c).dump());
  };
  if constexpr (CarriesLemma2Instance<Case>)
    e.lemma2_instances = [def](std::size_t n, std::uint64_t seed) {
      const rc::Gen<Case> gen = def->generator(GenOptions{def->info.max_dim, def->info.types.front()});
      std::vector<model::InstanceSpec> out;
      for (const Case& c : sample(gen, n, seed)) out.push_back(lemma2_instance(c));
      return out;
    };
  return e;
}

// Runs a property that is not in the catalog (kind Holds) as run_property runs one.
template <class Case>
RunResult run_def(PropertyDef<Case> def, const RunOptions& options = {}) {
  const PropertyEntry e = make_entry(std::move(def));
  return e.run(resolve(e.info, options));
}

}  // namespace annealcheck::properties::detail
