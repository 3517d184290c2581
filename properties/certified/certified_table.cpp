// properties' certified checks by id. A property missing here has none: its
// certified runs say so ("not certifiable"). dynamics.gf-odeint's integrator has no
// exact counterpart; its certified check proves what makes (E4) the exact flow
// (beta_certified.cpp).
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
