// RunResult and its parts to and from JSON: the worker's output, read back by
// verify, merge and the reports (run_to_json / run_from_json round-trip exactly).
#include "properties/registry.hpp"

#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace annealcheck::properties {

namespace {

// +inf (an identity whose sides are equal) as null: JSON has no infinity.
nlohmann::json digits_json(double d) { return std::isinf(d) ? nlohmann::json(nullptr) : nlohmann::json(d); }
double digits_from_json(const nlohmann::json& j) { return j.is_null() ? HUGE_VAL : j.get<double>(); }


constexpr Outcome kOutcomes[] = {Outcome::Passed, Outcome::Failed, Outcome::GaveUp, Outcome::Error};

}  // namespace

namespace detail {

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
  nlohmann::json j{{"holds", v.holds}, {"outcome", v.outcome}, {"label", v.label}, {"statement", v.statement}, {"relation", v.relation},
          {"lhs", v.lhs}, {"rhs", v.rhs}, {"margin", v.margin}, {"relative_margin", v.relative_margin}, {"relative_slack", v.relative_slack},
          {"relative_bound", v.relative_bound}, {"needed_bits", v.needed_bits}, {"where", v.where}, {"type", v.type_id}, {"bits", v.bits},
          {"note", v.note}};
  if (!v.accuracy_label.empty())
    j["accuracy"] = {{"label", v.accuracy_label}, {"agree_digits", digits_json(v.agree_digits)}, {"tolerance_digits", digits_json(v.tolerance_digits)}};
  return j;
}

nlohmann::json certified_json(const CertifiedVerdict& v) {
  return {{"decision", v.decision}, {"label", v.label}, {"bits", v.bits}, {"margin", v.margin}, {"how", v.how},
          {"note", v.note}, {"ties", v.ties}, {"checks", v.checks}};
}

}  // namespace detail

namespace {

using detail::certified_json;
using detail::outcome_name;
using detail::verdict_json;

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
  if (const auto a = j.find("accuracy"); a != j.end()) {
    a->at("label").get_to(v.accuracy_label);
    v.agree_digits = digits_from_json(a->at("agree_digits"));
    v.tolerance_digits = digits_from_json(a->at("tolerance_digits"));
  }
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
    j["certified"] = {{"counts", r.certified_counts}, {"summary", certified_summary(r)}, {"filtered", r.filtered}};
    if (r.certified_first_unproved) j["certified"]["first_unproved"] = case_json(*r.certified_first_unproved);
  }
  if (r.least_accurate) j["least_accurate"] = case_json(*r.least_accurate);
  if (r.counterexample) j["counterexample"] = case_json(*r.counterexample);
  if (r.original) j["original"] = case_json(*r.original);
  if (r.reduction_steps) j["reduction"] = {{"steps", r.reduction_steps}, {"from_dim", r.reduced_from_dim}};
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
    r.least_accurate = case_from_json(j, "least_accurate");
    if (j.contains("reduction")) {
      j["reduction"].at("steps").get_to(r.reduction_steps);
      j["reduction"].at("from_dim").get_to(r.reduced_from_dim);
    }
    for (const auto& d : j.at("distribution")) r.distribution[d.at("tags").get<std::vector<std::string>>()] = d.at("count").get<int>();
    if (j.contains("certified")) {
      r.certified = true;
      j["certified"].at("counts").get_to(r.certified_counts);
      r.certified_first_unproved = case_from_json(j["certified"], "first_unproved");
      r.filtered = j["certified"].value("filtered", false);
    }
    if (j.contains("margins")) r.margins = margins_from_json(j["margins"]);
  } catch (const nlohmann::json::exception& e) {
    throw InputError("run", "a malformed run document (" + std::string(e.what()) + ")", "the JSON of run_to_json (`check --format json`)");
  }
  return r;
}

}  // namespace annealcheck::properties
