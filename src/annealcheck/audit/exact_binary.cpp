#include "annealcheck/audit/exact_binary.hpp"

#include <cmath>

namespace annealcheck::audit {

std::string ExactBinary::str(int digits) const {
  if (mpfr_nan_p(v_)) return "nan";
  if (mpfr_inf_p(v_)) return mpfr_sgn(v_) < 0 ? "-inf" : "inf";
  if (mpfr_zero_p(v_)) return mpfr_signbit(v_) ? "-0" : "0";
  char* s = nullptr;
  mpfr_asprintf(&s, "%.*Re", digits - 1, v_);
  std::string out(s);
  mpfr_free_str(s);
  return out;
}

std::string ExactBinary::str() const {
  // mpfr_get_str_ndigits: digits needed so that the decimal reads back exactly.
  return str(static_cast<int>(mpfr_get_str_ndigits(10, mpfr_get_prec(v_))));
}

}  // namespace annealcheck::audit
