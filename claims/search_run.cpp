#include "claims/search_run.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace annealcheck::claims {

SearchRun run_search(const SearchOptions& options, bool certified) {
  if (!properties::has_lemma2_instances(options.id)) properties::lemma2_instances(options.id, 1, 0);  // InputError naming the ids
  properties::require_type(properties::property_info(options.id), options.type);
  SearchRun run{options, search(options), std::nullopt};
  const SearchResult& r = run.result;
  if (r.tightest && r.tightest->certified) run.certified = r.tightest->certified;
  if (certified && r.tightest && (!run.certified || run.certified->how.rfind("filter:", 0) == 0))
    run.certified = properties::certify_case(options.id, nlohmann::json::parse(r.tightest->case_json));
  return run;
}

properties::RunResult counterexample_run(const SearchRun& s) {
  const SearchResult& r = s.result;
  properties::RunResult run;
  run.property_id = s.options.id;
  run.type_id = s.options.type;
  run.bits = r.tightest->verdict.bits;
  run.kind = properties::property_info(s.options.id).kind;
  run.outcome = properties::Outcome::Failed;
  run.seed = s.options.seed;
  run.cases_run = static_cast<int>(r.evaluations);
  run.counterexample = r.tightest;
  run.counterexample->certified = s.certified;
  run.message = fmt::format("found by `annealcheck search` after {} evaluations ({} restarts)", r.evaluations, r.restarts);
  return run;
}

nlohmann::json search_json(const SearchRun& run, const std::optional<std::string>& report) {
  const SearchResult& r = run.result;
  nlohmann::json j{{"property", run.options.id}, {"type", run.options.type}, {"evaluations", r.evaluations}, {"restarts", r.restarts},
                   {"infeasible", r.infeasible}, {"counterexample", r.counterexample},
                   {"uncertified_failures", r.uncertified_failures},
                   {"generator_evaluations", r.generator_evaluations}};
  nlohmann::json t = nlohmann::json::array();
  for (const auto& s : r.trajectory) t.push_back({{"evaluation", s.evaluation}, {"restart", s.restart}, {"relative_slack", s.relative_slack}});
  j["trajectory"] = t;
  if (r.tightest) {
    const auto& v = r.tightest->verdict;
    j["tightest"] = {{"case", nlohmann::json::parse(r.tightest->case_json)}, {"summary", r.tightest->summary},
                     {"relative_margin", v.relative_margin}, {"relative_slack", v.relative_slack}, {"lhs", v.lhs},
                     {"rhs", v.rhs}, {"outcome", v.outcome}, {"where", v.where}};
  }
  if (run.certified) j["certified"] = properties::certified_report_json(*run.certified);
  if (report) j["report"] = *report;
  return j;
}

}  // namespace annealcheck::claims
