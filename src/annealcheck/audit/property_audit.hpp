// `audit --property ID --cases N`: the per-instance audit over N instances (the
// CLI draws them from the property's own generator, properties/registry.hpp
// lemma2_instances; this core layer takes any list): per rung, the fraction of instances whose
// verdicts differ from the certified reference on some check, and the worst
// digits lost (the rung's nominal digits, bits·log10 2, minus its fewest correct
// digits over the counted quantities and margins); one JSON report per
// (instance, rung) disagreement, written atomically into the report directory.
#pragma once

#include "annealcheck/audit/audit.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace annealcheck::audit {

struct CaseError {
  std::size_t case_index = 0;
  std::string text;                 // RungAudit::error: why the rung could not evaluate the case
};

struct PropertyRungStats {
  std::string type_id;
  long bits = 0;
  std::size_t cases = 0, disagreements = 0, errors = 0;
  double disagreement_fraction = 0;
  double worst_digits_lost = 0;
  std::size_t worst_case = 0;       // index of the instance that lost the most
  std::string worst_what;           // which quantity or margin
  std::vector<CaseError> error_cases;  // one per error counted in `errors`
};

struct PropertyAuditResult {
  std::string property, source_description;
  std::uint64_t seed = 0;
  std::size_t cases = 0;
  double min_digits = 0;
  std::vector<PropertyRungStats> rungs;
  std::vector<std::string> reports;  // paths written
  double seconds = 0;
};

// Audits every instance of `cases` (labelled `property`, drawn with `seed`).
PropertyAuditResult audit_cases(const std::string& property, const std::vector<model::InstanceSpec>& cases, std::uint64_t seed,
                                const AuditOptions& opt, const std::string& report_dir);

std::string render_property_table(const PropertyAuditResult& r);
nlohmann::json render_property_json(const PropertyAuditResult& r);

}  // namespace annealcheck::audit
