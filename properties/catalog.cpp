// The catalog: one line per property file. Each add_* appends its properties
// (properties/<area>/<name>_prop.cpp); the registry sorts them by id.
#include "properties/support/entry.hpp"

namespace annealcheck::properties::detail {

void add_gf_lower_bound(Catalog&);

void add_all_properties(Catalog& c) {
  add_gf_lower_bound(c);
}

}  // namespace annealcheck::properties::detail
