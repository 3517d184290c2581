#include "cli/claim_option.hpp"

#include "annealcheck/io/input_error.hpp"
#include "claims/claim_error.hpp"
#include "claims/claim_property.hpp"
#include "claims/claim_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace annealcheck::cli {

void add_claim_options(CLI::App* cmd, ClaimOptions& o) {
  cmd->add_option("--claim", o.claim,
                  "A claim \"EXPR REL EXPR\" in Lemma 2's vocabulary instead of a property id, e.g. "
                  "\"LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)\". Names: " + claims::known_names());
  cmd->add_option("--given", o.given, "Premises of the claim: C1, C1', C2, C2' (comma-separated; they choose the generator)");
}

std::string register_claim_text(const std::string& text, const std::string& given) {
  claims::ClaimSpec spec{text, claims::parse_given(given)};
  try {
    return claims::register_claim(spec);
  } catch (const claims::ClaimError& e) {
    std::cerr << "annealcheck: the claim does not read:\n" << e.display() << "\n";
    throw;
  }
}

std::string resolve_property(const std::optional<std::string>& id, const ClaimOptions& o) {
  if (id && o.claim) throw InputError("--claim", "both a property id (" + quote(*id) + ") and --claim", "one of them");
  if (!o.given.empty() && !o.claim) throw InputError("--given", quote(o.given), "--given only with --claim");
  if (o.claim) return register_claim_text(*o.claim, o.given);
  if (!id) throw InputError("id", "nothing", "a property id (see `annealcheck list`) or --claim \"EXPR REL EXPR\"");
  return *id;
}

std::vector<ClaimLine> read_claims_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("--claims", quote(path), "a readable claims file");
  std::vector<ClaimLine> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    ClaimLine c;
    c.line = n;
    const auto bar = line.find('|');
    c.text = line.substr(first, bar == std::string::npos ? std::string::npos : bar - first);
    c.text.erase(c.text.find_last_not_of(" \t\r") + 1);
    if (bar != std::string::npos) c.given = line.substr(bar + 1);
    c.given.erase(0, std::min(c.given.size(), c.given.find_first_not_of(" \t")));
    c.given.erase(c.given.find_last_not_of(" \t\r") + 1);
    try {
      claims::parse_given(c.given);
      claims::compile_claim(c.text);
    } catch (const claims::ClaimError& e) {
      std::cerr << "annealcheck: " << path << " line " << n << ":\n" << e.display() << "\n";
      throw InputError("--claims", quote(path) + " line " + std::to_string(n) + ": " + e.value(), e.expected());
    } catch (const InputError& e) {
      throw InputError("--claims", quote(path) + " line " + std::to_string(n) + ": " + e.value(), e.expected());
    }
    out.push_back(std::move(c));
  }
  if (out.empty()) throw InputError("--claims", quote(path) + " (no claim in it)", "one claim per line: CLAIM [| C1,C2]");
  return out;
}

namespace {

std::string show(const properties::campaign::ClaimText& c) { return quote(c.text) + (c.given.empty() ? "" : " given " + c.given); }

// "" when equal, else the first difference in words.
std::string claims_difference(const std::vector<properties::campaign::ClaimText>& got,
                              const std::vector<properties::campaign::ClaimText>& recorded) {
  for (std::size_t i = 0; i < std::min(got.size(), recorded.size()); ++i)
    if (got[i].text != recorded[i].text || got[i].given != recorded[i].given) return fmt::format("claim {} is {}, the campaign's is {}", i + 1, show(got[i]), show(recorded[i]));
  if (got.size() != recorded.size()) return fmt::format("{} claim(s), the campaign has {}", got.size(), recorded.size());
  return "";
}

}  // namespace

std::vector<properties::campaign::ClaimText> register_campaign_claims(const std::optional<std::string>& file,
                                                                      const std::optional<std::vector<properties::campaign::ClaimText>>& recorded,
                                                                      const std::string& where) {
  std::vector<properties::campaign::ClaimText> claims;
  if (file)
    for (const ClaimLine& line : read_claims_file(*file)) claims.push_back({line.text, line.given, ""});
  if (recorded) {
    if (const std::string why = file ? claims_difference(claims, *recorded) : ""; !why.empty())
      throw InputError("--claims", quote(*file) + " (" + why + ")",
                       "the claims recorded in " + where + " (or no --claims: they are re-registered from there)");
    claims = *recorded;
  }
  for (auto& c : claims) {
    const std::string id = register_claim_text(c.text, c.given);
    if (!c.id.empty() && c.id != id)  // a campaign.json edited by hand, or another claims parser
      throw InputError("claims", quote(c.id) + " recorded for " + show(c) + " in " + where, "its id as this annealcheck parses it, " + id);
    c.id = id;
  }
  return claims;
}

}  // namespace annealcheck::cli
