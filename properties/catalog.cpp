// The catalog: one line per property file. Each add_* appends its properties
// (properties/<area>/<name>_prop.cpp); the registry sorts them by id.
#include "properties/support/entry.hpp"

namespace annealcheck::properties::detail {

void add_gf_lower_bound(Catalog&);
void add_annealed_upper_bound(Catalog&);
void add_flow_facts(Catalog&);
void add_gd_facts(Catalog&);
void add_ellipsoid(Catalog&);
void add_gd_closed_form(Catalog&);
void add_gf_odeint(Catalog&);
void add_beta_space(Catalog&);
void add_prop1(Catalog&);
void add_falsify(Catalog&);

void add_all_properties(Catalog& c) {
  add_gf_lower_bound(c);
  add_annealed_upper_bound(c);
  add_flow_facts(c);
  add_gd_facts(c);
#ifndef ANNEALCHECK_MUTANT_SUITE  // (E3) runs no dynamics: no mutant can reach it
  add_ellipsoid(c);
#endif
  add_gd_closed_form(c);
  add_gf_odeint(c);
  add_beta_space(c);
  add_prop1(c);
#ifndef ANNEALCHECK_MUTANT_SUITE  // the mutant executables run the true properties only
  add_falsify(c);
#endif
}

}  // namespace annealcheck::properties::detail
