// The default chunk size of a campaign (issue 13): about a second of work on one
// core, from a committed cost model — never from a clock, so that the plan (and
// with it every result) is the same on every machine, under mpirun, in shards and
// on resume.
//
// The model is campaign/chunk_costs.json, measured on the reference
// machine by bench/calibrate_chunks.py and embedded at build time:
//
//   seconds_per_case[property][type]  measured CPU seconds per case of every true
//                                     catalog property
//   claim[type]                       a text claim (verify --claims), measured on
//                                     the Lemma 2 claim of docs/claims.md;
//                                     also the price of a false claim (F1-F5), whose
//                                     run ends at its first counterexample, so that
//                                     its own timing measures shrinking, not cases
//   type_multiplier[type]             cost of a type relative to double: the median
//                                     over the catalog (mpfr256, mpq), else the claim's
//                                     (long-double, mpfr128 and mpfr1024 as mpfr:128 and
//                                     mpfr:1024). A type not in it is priced by its bits:
//                                     linear through the mpfr rungs (mpfr:BITS, float128,
//                                     cpp_bin_float, gmp_float; mpfr:random at its mean
//                                     1036 bits), float as double. No catalog property
//                                     runs at those today, so they are estimates.
//   certified_multiplier              --certified over plain, median over the catalog
//
// Prediction for (property, type): the measured figure when there is one (the claim's
// for a text or false claim), else the property's figure at double (the claim's, or
// the catalog median for a property the table does not know) times the type multiplier; times certified_multiplier under
// --certified. The default chunk size is then
//     clamp(round(kChunkSeconds / predicted seconds per case), 1, cases).
#pragma once

#include <string>

namespace annealcheck::properties {
struct PropertyInfo;
}

namespace annealcheck::properties::campaign {

inline constexpr double kChunkSeconds = 1.0;

double predicted_seconds_per_case(const PropertyInfo& p, const std::string& type, bool certified);
int default_chunk_size(const PropertyInfo& p, const std::string& type, bool certified, int cases);

// The embedded table's "measured" line (where and when it was measured), for docs/cluster.md and tests.
std::string cost_model_provenance();

}  // namespace annealcheck::properties::campaign
