// One `search` end to end, shared by the CLI (cli/search_command.cpp) and the Python
// module: the request checked against the catalog, claims::search, the decision of
// the tightest point, and the result as one JSON object (`search --format json`).
#pragma once

#include "claims/search.hpp"
#include "properties/registry.hpp"

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace annealcheck::claims {

struct SearchRun {
  SearchOptions options;
  SearchResult result;
  // The tightest point's decision: the search's own (a failure decided on the exact
  // case, or the point filter); with `certified`, the margin's enclosure on the exact
  // case even where the filter decided.
  std::optional<properties::CertifiedVerdict> certified;
};

// `options.id` resolved (a catalog id or a registered claim) and its premises set;
// throws InputError for an id without Lemma 2 instances or a type it is not built for.
SearchRun run_search(const SearchOptions& options, bool certified);

// The counterexample as a run, for the ordinary report (reports/counterexample_report.hpp).
properties::RunResult counterexample_run(const SearchRun& run);

// Counts, trajectory, the tightest case and its decision; `report`: the written report's path.
nlohmann::json search_json(const SearchRun& run, const std::optional<std::string>& report);

}  // namespace annealcheck::claims
