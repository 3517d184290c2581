// Precision shrinking (issue 14): the smallest MPFR precision at which a
// counterexample's verdict agrees with the reference verdict, by bisection on the
// runtime-precision rung mpfr:BITS over [24, 4096], so a reader sees at once whether
// a failure is mathematical (it fails at every precision from B bits on) or a
// rounding artefact (a property that fails at the run's type but holds at the
// reference: "rounding artefact below B bits").
//
// Reference: the property's certified decision (MPFI or exact rationals) when it has
// one and it decides (text claims: claim_certified.hpp); otherwise the verdict at
// 4096 bits by the same decision rule. Bisection assumes agreement is monotone in the precision (the
// bounds shrink like 2^-bits); the probes are recorded.
#pragma once

#include "properties/registry.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace annealcheck::claims {

struct PrecisionShrink {
  std::string reference = "mpfr:4096 (the same decision rule)";
  std::string reference_outcome;  // "fails", "holds", "within rounding", ...
  long bits = 0;                  // smallest agreeing precision; 0: none in [24, 4096]
  bool rounding_artefact = false; // the run's type fails, the reference does not
  std::string statement;
  std::vector<std::pair<long, std::string>> probes;  // (bits, outcome) in the order tried
};

// For a failed run of a property built for the runtime rung (PropertyInfo::runtime_mpfr:
// the Lemma 2 properties, Proposition 1's, E3, the dynamics properties but
// dynamics.gf-odeint (gf_odeint_prop.cpp says why), F1–F5 and text claims); nullopt
// for the others.
std::optional<PrecisionShrink> shrink_precision(const properties::RunResult& r);
nlohmann::json to_json(const PrecisionShrink& p);
// {"precision": ...} for a failed run's report (report::write_report's extra), {} when
// the property has no runtime rung.
nlohmann::json report_extra(const properties::RunResult& r);

}  // namespace annealcheck::claims
