#include "cli/claim_option.hpp"

#include "annealcheck/io/input_error.hpp"
#include "properties/claims/claim_error.hpp"
#include "properties/claims/claim_property.hpp"
#include "properties/claims/claim_tree.hpp"

#include <iostream>

namespace annealcheck::cli {

void add_claim_options(CLI::App* cmd, ClaimOptions& o) {
  cmd->add_option("--claim", o.claim,
                  "A claim \"EXPR REL EXPR\" in Lemma 2's vocabulary instead of a property id, e.g. "
                  "\"LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)\". Names: " + claims::known_names());
  cmd->add_option("--given", o.given, "Premises of the claim: C1, C1', C2, C2' (comma-separated; they choose the generator)");
}

std::string register_claim_text(const std::string& text, const std::string& given, const std::vector<std::string>& types) {
  claims::ClaimSpec spec{text, claims::parse_given(given)};
  try {
    return claims::register_claim(spec, types);
  } catch (const claims::ClaimError& e) {
    std::cerr << "annealcheck: the claim does not read:\n" << e.display() << "\n";
    throw;
  }
}

std::string resolve_property(const std::optional<std::string>& id, const ClaimOptions& o, const std::vector<std::string>& types) {
  if (id && o.claim) throw InputError("--claim", "both a property id (" + quote(*id) + ") and --claim", "one of them");
  if (!o.given.empty() && !o.claim) throw InputError("--given", quote(o.given), "--given only with --claim");
  if (o.claim) return register_claim_text(*o.claim, o.given, types);
  if (!id) throw InputError("id", "nothing", "a property id (see `annealcheck list`) or --claim \"EXPR REL EXPR\"");
  return *id;
}

}  // namespace annealcheck::cli
