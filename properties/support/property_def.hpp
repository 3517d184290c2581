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
// A check returns a CaseCheck: the first failing inequality (or the tightest)
// as a Verdict, or a discard reason. Exceptions from a check become a failing
// verdict labelled "exception" (a true property must never throw).
#pragma once

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/number_traits.hpp"
#include "properties/support/case_facts.hpp"
#include "properties/support/runner.hpp"

#include <nlohmann/json.hpp>
#include <rapidcheck.h>

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

  // One check per number type, with its default case count (before ANNEALCHECK_THOROUGH).
  template <numeric::LadderNumber T>
  void add_type(int default_cases, Check check) {
    const std::string id = numeric::number_traits<T>::id();
    checks.emplace_back(id, std::move(check));
    info.types.push_back(id);
    info.default_cases[id] = default_cases;
  }
};

template <class Case>
const typename PropertyDef<Case>::Check& check_for(const PropertyDef<Case>& def, const std::string& type) {
  for (const auto& [id, fn] : def.checks)
    if (id == type) return fn;
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
      if (o.certified && !r.discarded && !ctx.shrinking()) r.certified = certify_safely(o, r.case_json);
      const bool discarded = r.discarded, holds = r.verdict.holds;
      const std::string message = render_verdict(r.verdict);
      ctx.record(std::move(r));
      if (discarded) discard_case(message);
      if (!holds) fail_case(message);
    };
    return ctx.execute(rc::detail::toProperty(body));
  };
  e.check_case = [def](const std::string& type, const nlohmann::json& j) {
    const auto& check = check_for(*def, type);
    const Case c = def->from_json(j);
    return evaluate_case(*def, check, c, def->to_json(c).dump());
  };
  return e;
}

}  // namespace annealcheck::properties::detail
