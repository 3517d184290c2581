// Where `audit --property ID --cases N` gets its instances: a registry of case
// sources, each turning (N, seed) into N instance specs. The property catalog
// (properties/, issue 3) registers one source per property id through
// register_case_source; until then the built-in source below serves
// (audit/random_instances.cpp, id "builtin.lemma2-random").
#pragma once

#include "annealcheck/model/instance_spec.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace annealcheck::audit {

struct CaseSource {
  std::string id;           // the property id, e.g. "lemma2.gf-lower-bound"
  std::string description;  // one line
  std::function<std::vector<model::InstanceSpec>(std::size_t n, std::uint64_t seed)> generate;
};

// Registers (or replaces) a source; thread-safe.
void register_case_source(CaseSource source);
// nullptr when unknown.
const CaseSource* find_case_source(const std::string& id);
std::vector<std::string> case_source_ids();

// The built-in source: random Lemma 2 instances (d = 2..5, spectra over many
// orders of magnitude, ties and near-degenerate pairs in the top eigenspace,
// mixed-sign δ(0), K = 0..40, ε built so that C1 and C2 hold as computed in
// double), every value an exact decimal text. Deterministic in the seed.
std::vector<model::InstanceSpec> random_lemma2_instances(std::size_t n, std::uint64_t seed);

}  // namespace annealcheck::audit
