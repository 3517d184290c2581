#include "annealcheck/numeric/round_rational.hpp"

#include <cstdint>
#include <mpfr.h>

#include <limits>

namespace annealcheck::numeric {
namespace {

class Mpfr {
 public:
  Mpfr(const Rational& q, long bits) {
    mpfr_init2(v_, bits);
    mpfr_set_q(v_, q.get(), MPFR_RNDN);
  }
  ~Mpfr() { mpfr_clear(v_); }
  Mpfr(const Mpfr&) = delete;
  Mpfr& operator=(const Mpfr&) = delete;
  mpfr_srcptr get() const { return v_; }

 private:
  mpfr_t v_;
};

}  // namespace

float rational_to_float(const Rational& q) {
  return mpfr_get_flt(Mpfr(q, std::numeric_limits<float>::digits).get(), MPFR_RNDN);
}
double rational_to_double(const Rational& q) {
  return mpfr_get_d(Mpfr(q, std::numeric_limits<double>::digits).get(), MPFR_RNDN);
}
long double rational_to_long_double(const Rational& q) {
  return mpfr_get_ld(Mpfr(q, std::numeric_limits<long double>::digits).get(), MPFR_RNDN);
}
std::string rational_to_decimal(const Rational& q, long bits, int digits10) {
  Mpfr m(q, bits);
  char* buf = nullptr;
  mpfr_asprintf(&buf, "%.*Re", digits10 - 1, m.get());
  std::string out(buf);
  mpfr_free_str(buf);
  return out;
}

}  // namespace annealcheck::numeric
