#include "claims/precision_shrink.hpp"


#include <fmt/format.h>

namespace annealcheck::claims {

std::optional<PrecisionShrink> shrink_precision(const properties::RunResult& r) {
  if (!r.counterexample || !properties::property_info(r.property_id).runtime_mpfr) return std::nullopt;
  const nlohmann::json c = nlohmann::json::parse(r.counterexample->case_json);
  PrecisionShrink p;
  const auto outcome = [&](long bits) {
    const std::string o = properties::check_case(r.property_id, "mpfr:" + std::to_string(bits), c).verdict.outcome;
    p.probes.emplace_back(bits, o);
    return o;
  };
  constexpr long kLow = 24, kHigh = 4096;
  // the certified decision when the property has one that decides, else 4096 bits
  const properties::CertifiedVerdict cv = properties::certify_case(r.property_id, c);
  if (cv.decision == "refuted" || cv.decision == "proved") {
    p.reference = "certified: " + properties::render_certified(cv);
    p.reference_outcome = cv.decision == "refuted" ? "fails" : "holds";
  } else {
    p.reference_outcome = outcome(kHigh);
  }
  const auto agrees = [&](long bits) { return outcome(bits) == p.reference_outcome; };
  if (agrees(kLow)) {
    p.bits = kLow;
  } else {
    long lo = kLow, hi = kHigh;  // disagrees at lo, agrees at hi (or at no precision tried)
    if (!agrees(kHigh)) {
      p.bits = 0;
      p.statement = fmt::format("no precision in [{}, {}] bits agrees with the reference ({}: {})", kLow, kHigh, p.reference, p.reference_outcome);
      return p;
    }
    while (hi - lo > 1) {
      const long mid = lo + (hi - lo) / 2;
      (agrees(mid) ? hi : lo) = mid;
    }
    p.bits = hi;
  }
  const bool failed_here = r.counterexample->verdict.outcome == "fails";
  p.rounding_artefact = failed_here && p.reference_outcome != "fails";
  p.statement = p.rounding_artefact
                    ? fmt::format("rounding artefact below {} bits: {} at {} bits and above, {} at {}", p.bits, p.reference_outcome, p.bits,
                                  r.counterexample->verdict.outcome, r.type_id)
                    : fmt::format("{} at every precision tried from {} bits (mpfr:{}) up to the reference {}", p.reference_outcome, p.bits,
                                  p.bits, p.reference);
  return p;
}

nlohmann::json report_extra(const properties::RunResult& r) {
  nlohmann::json extra = nlohmann::json::object();
  if (r.outcome == properties::Outcome::Failed)
    if (const auto p = shrink_precision(r)) extra["precision"] = to_json(*p);
  return extra;
}

nlohmann::json to_json(const PrecisionShrink& p) {
  nlohmann::json probes = nlohmann::json::array();
  for (const auto& [b, o] : p.probes) probes.push_back({{"bits", b}, {"outcome", o}});
  return {{"reference", p.reference}, {"reference_outcome", p.reference_outcome}, {"smallest_agreeing_bits", p.bits},
          {"rounding_artefact", p.rounding_artefact}, {"statement", p.statement}, {"probes", probes}};
}

}  // namespace annealcheck::claims
