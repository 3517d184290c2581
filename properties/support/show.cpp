#include "properties/support/show.hpp"

#include <gmp.h>
#include <nlohmann/json.hpp>

namespace annealcheck::model {
void showValue(const InstanceSpec& s, std::ostream& os) { os << instance_to_json(s).dump(); }
}  // namespace annealcheck::model

namespace annealcheck::properties {
std::string mpf_exact_text(const void* p) {
  mpq_t q;
  mpq_init(q);
  mpq_set_f(q, static_cast<mpf_srcptr>(p));  // exact: an mpf value is m·2^e
  std::string s(mpz_sizeinbase(mpq_numref(q), 10) + mpz_sizeinbase(mpq_denref(q), 10) + 3, '\0');
  mpq_get_str(s.data(), 10, q);
  s.resize(std::char_traits<char>::length(s.c_str()));
  mpq_clear(q);
  return s;
}
}  // namespace annealcheck::properties
