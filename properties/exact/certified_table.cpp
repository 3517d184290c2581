// properties' certified checks by id. A property missing here has none: its
// certified runs say so ("not certifiable"). Text claims add theirs at run time. dynamics.gf-odeint's integrator has no
// exact counterpart; its certified check proves what makes (E4) the exact flow
// (beta_certified.cpp).
#include "properties/exact/certified_table.hpp"

#include <mutex>

namespace annealcheck::properties::detail {

namespace {
// Text claims' certified checks (claims/claim_property.cpp), by id.
std::map<std::string, CertifyFn>& runtime_table() {
  static std::map<std::string, CertifyFn> t;
  return t;
}
std::mutex& runtime_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

CertifyFn certified_check(std::string_view id) {
  static const std::map<std::string, CertifyFn> table = [] {
    std::map<std::string, CertifyFn> t;
    certified_checks::add_lemma2(t);
    certified_checks::add_exact(t);
    certified_checks::add_beta(t);
    return t;
  }();
  const auto it = table.find(std::string(id));
  if (it != table.end()) return it->second;
  const std::lock_guard<std::mutex> lock(runtime_mutex());
  const auto rt = runtime_table().find(std::string(id));
  return rt == runtime_table().end() ? CertifyFn{} : rt->second;
}

void add_runtime_certified(std::string id, CertifyFn fn) {
  const std::lock_guard<std::mutex> lock(runtime_mutex());
  runtime_table().insert_or_assign(std::move(id), std::move(fn));
}

}  // namespace annealcheck::properties::detail
