// The type-erased catalog entry behind registry.hpp: what one property offers
// to the registry, independent of its case type and of RapidCheck.
#pragma once

#include "annealcheck/model/instance_spec.hpp"
#include "properties/registry.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annealcheck::properties::detail {

// RunOptions with every default resolved (environment read, limits applied).
struct ResolvedOptions {
  std::string type;
  std::uint64_t seed = 0, effective_seed = 0;
  int cases = 100;
  std::size_t max_dim = 64;
  int max_size = 100;
  int max_discard_ratio = 10;
  bool shrink = true;
  int shrink_budget = 4000;
  std::optional<std::string> reproduce;  // a RapidCheck reproduce map string (without "reproduce=")
  bool reproduce_strict = false;         // explicit option: the map must hold this property
  std::ostream* case_log = nullptr;
  bool certified = false;  // every generated case decided on the exact case (--certified)
  bool filtered = false;   // the default: cases the point filter leaves open decided on the exact case
  // Certified and filtered runs: decides one case from its exact JSON (null otherwise, or
  // when the property has no certified check).
  std::function<CertifiedVerdict(const nlohmann::json&)> certify;
};

struct PropertyEntry {
  PropertyInfo info;
  std::function<RunResult(const ResolvedOptions&)> run;
  std::function<CaseReport(const std::string& type, const nlohmann::json& case_json)> check_case;
  // Properties whose cases carry a Lemma 2 instance: n instances from the
  // property's own generator (registry.hpp lemma2_instances). Empty otherwise.
  std::function<std::vector<model::InstanceSpec>(std::size_t n, std::uint64_t seed)> lemma2_instances;
};

// Defined in properties/exact/: the certified check of a property by id (null when it has none).
using CertifyFn = std::function<CertifiedVerdict(const nlohmann::json&)>;
CertifyFn certified_check(std::string_view id);
// The certified check of a property made at run time (a text claim): found by
// certified_check like the catalog's; registering again replaces it.
void add_runtime_certified(std::string id, CertifyFn fn);

using Catalog = std::vector<PropertyEntry>;

// Resolves `options` against a property (environment, defaults, limits); throws
// InputError on bad input. What run_property does before running an entry.
ResolvedOptions resolve(const PropertyInfo& info, const RunOptions& options);

// Defined in properties/catalog.cpp: appends every property of the catalog.
void add_all_properties(Catalog& catalog);

// A property made at run time (a text claim, claims/): found by id like
// the catalog's (run_property, check_case, property_info), not listed by catalog().
// Registering an id again replaces the entry. Not thread-safe: register before running.
void add_runtime_property(PropertyEntry e);

}  // namespace annealcheck::properties::detail
