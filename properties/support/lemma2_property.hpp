// A catalog property whose cases are Lemma 2 instances (support/lemma2_case.hpp):
// how its cases are written, read, described and stated in PropertyInfo, set once.
// A property with its own facts (tags) sets d.facts after this.
#pragma once

#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"

#include <algorithm>

namespace annealcheck::properties::detail {

inline void use_lemma2_cases(PropertyDef<Lemma2Case>& d) {
  d.info.case_format = lemma2_case_format();
  d.to_json = [](const Lemma2Case& c) { return to_json(c); };
  d.from_json = lemma2_case_from_json;
  d.facts = [](const Lemma2Case& c) { return facts(c); };
}

// Cases for a property of the GD phase under (C1), (C2): d and K as asked in the
// floating types; d <= 12 and K <= 64 in mpq, whose exact GD grows its numbers with d·K.
inline rc::Gen<Lemma2Case> gd_phase_cases(const GenOptions& g) {
  const bool exact = g.type == "mpq";
  return lemma2_case({exact ? std::min<std::size_t>(g.max_dim, 12) : g.max_dim, Premises::C1C2, exact ? 64 : 10000, false});
}

// A true property of the GD phase (E5, P3–P5): Lemma 2 cases of 2 to 64 dimensions
// drawn by gd_phase_cases; the property sets its id, statement and ladder after this.
inline void use_gd_phase_cases(PropertyDef<Lemma2Case>& d) {
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 64;
  use_lemma2_cases(d);
  d.generator = gd_phase_cases;
}

}  // namespace annealcheck::properties::detail
