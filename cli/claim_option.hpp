// `--claim "EXPR REL EXPR" [--given C1,C2]` wherever a property id is accepted
// (claims/claim_property.hpp): registers the claim as a property and
// returns its id. A bad claim prints the claim with a caret under the column to
// stderr, then throws its InputError (exit 2).
#pragma once

#include "campaign/plan.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace annealcheck::cli {

struct ClaimOptions {
  std::optional<std::string> claim;
  std::string given;
};

// Adds --claim and --given to `cmd`.
void add_claim_options(CLI::App* cmd, ClaimOptions& o);

// The property id to run: `id` (a catalog id) or the registered claim; exactly one must be given.
std::string resolve_property(const std::optional<std::string>& id, const ClaimOptions& o);

// Registers a claim recorded in a report or a claims file (text, given).
std::string register_claim_text(const std::string& text, const std::string& given);

// A claims file: one claim per line, `CLAIM` or `CLAIM | C1,C2` (premises), blank
// lines and lines starting with # skipped. Throws InputError naming the line.
struct ClaimLine {
  std::string text, given;
  std::size_t line = 0;
};
std::vector<ClaimLine> read_claims_file(const std::string& path);

// The text claims of a campaign, registered as properties (before it is planned):
// those `recorded` in its campaign.json (`where`: that file) when there are any
// recorded, else `file`'s (verify --claims FILE). A `file` whose claims differ
// from the recorded ones throws InputError (field --claims) naming the first
// difference.
std::vector<properties::campaign::ClaimText> register_campaign_claims(const std::optional<std::string>& file,
                                                                      const std::optional<std::vector<properties::campaign::ClaimText>>& recorded,
                                                                      const std::string& where);

}  // namespace annealcheck::cli
