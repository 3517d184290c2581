// properties' certified checks by id. A property missing here (dynamics.gf-odeint:
// a numerical integrator has no exact counterpart) has none: its certified runs say so.
#include "properties/certified/certified_table.hpp"

namespace annealcheck::properties::detail {

CertifyFn certified_check(std::string_view id) {
  static const std::map<std::string, CertifyFn> table = [] {
    std::map<std::string, CertifyFn> t;
    certified_checks::add_lemma2(t);
    certified_checks::add_exact(t);
    certified_checks::add_beta(t);
    return t;
  }();
  const auto it = table.find(std::string(id));
  return it == table.end() ? CertifyFn{} : it->second;
}

}  // namespace annealcheck::properties::detail
