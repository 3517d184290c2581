#include "campaign/chunk_cost.hpp"

#include "annealcheck/engine/type_id.hpp"
#include "campaign/chunk_costs_data.hpp"  // generated from chunk_costs.json (campaign/CMakeLists.txt)
#include "properties/registry.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

namespace annealcheck::properties::campaign {
namespace {

struct CostModel {
  std::map<std::string, std::map<std::string, double>> per_property;  // seconds per case
  std::map<std::string, double> claim, multiplier;
  std::vector<std::pair<long, double>> mpfr_bits;  // (bits, multiplier) of the mpfr rungs, ascending
  double certified = 1, median_double = 1e-3;
  std::string provenance;
};

// The table is part of the source (a malformed one is a build defect, not bad input).
CostModel load_model() {
  const nlohmann::json j = nlohmann::json::parse(kChunkCostsJson);
  CostModel m;
  j.at("seconds_per_case").get_to(m.per_property);
  j.at("claim").get_to(m.claim);
  j.at("type_multiplier").get_to(m.multiplier);
  j.at("certified_multiplier").get_to(m.certified);
  j.at("measured").get_to(m.provenance);
  for (const auto& [type, bits] : {std::pair{"mpfr128", 128L}, {"mpfr256", 256L}, {"mpfr1024", 1024L}})
    if (m.multiplier.count(type)) m.mpfr_bits.emplace_back(bits, m.multiplier.at(type));
  std::vector<double> at_double;
  for (const auto& [id, types] : m.per_property)
    if (types.count("double")) at_double.push_back(types.at("double"));
  if (!at_double.empty()) {
    std::sort(at_double.begin(), at_double.end());
    m.median_double = at_double[at_double.size() / 2];
  }
  if (m.mpfr_bits.size() < 2 || m.certified <= 0 || m.median_double <= 0) throw std::logic_error("chunk_costs.json: incomplete cost model");
  return m;
}

const CostModel& model() {
  static const CostModel m = load_model();
  return m;
}

// Linear in bits through the mpfr rungs, extended with the last segment's slope.
double mpfr_multiplier(long bits) {
  const auto& pts = model().mpfr_bits;
  if (bits <= pts.front().first) return pts.front().second;
  std::size_t i = 1;
  while (i + 1 < pts.size() && bits > pts[i].first) ++i;
  const auto [b0, m0] = pts[i - 1];
  const auto [b1, m1] = pts[i];
  return m0 + (m1 - m0) * static_cast<double>(bits - b0) / static_cast<double>(b1 - b0);
}

// Measured, else by bits: "mpfr:random" at its mean precision (uniform in [24, 2048]); a
// multiprecision type no property is measured at (float128, cpp_bin_float, gmp_float, mpfr:BITS)
// as mpfr of its bits; a hardware type (float) as double.
double type_multiplier(const std::string& type) {
  if (const auto it = model().multiplier.find(type); it != model().multiplier.end()) return it->second;
  if (type == "mpfr:random") return mpfr_multiplier(1036);
  const engine::TypeSpec spec = engine::parse_type_id(type, "--types");
  return spec.bits > 64 ? mpfr_multiplier(spec.bits) : 1;
}

}  // namespace

double predicted_seconds_per_case(const PropertyInfo& p, const std::string& type, bool certified) {
  const CostModel& m = model();
  double s = 0;
  // A false claim's run ends at its first counterexample: its own timing measures shrinking,
  // not cases. It is priced as a Lemma 2 evaluation, like a text claim.
  const bool as_claim = !p.claim.empty() || p.kind == PropertyKind::Refuted;
  const auto it = as_claim ? m.per_property.end() : m.per_property.find(p.id);
  if (it != m.per_property.end() && it->second.count(type)) {
    s = it->second.at(type);
  } else if (as_claim && m.claim.count(type)) {
    s = m.claim.at(type);
  } else {
    double at_double = m.median_double;
    if (as_claim && m.claim.count("double")) at_double = m.claim.at("double");
    else if (it != m.per_property.end() && it->second.count("double")) at_double = it->second.at("double");
    s = at_double * type_multiplier(type);
  }
  return certified ? s * m.certified : s;
}

int default_chunk_size(const PropertyInfo& p, const std::string& type, bool certified, int cases) {
  const double per_chunk = std::round(kChunkSeconds / predicted_seconds_per_case(p, type, certified));
  return static_cast<int>(std::clamp(per_chunk, 1.0, static_cast<double>(std::max(1, cases))));
}

std::string cost_model_provenance() { return model().provenance; }

}  // namespace annealcheck::properties::campaign
