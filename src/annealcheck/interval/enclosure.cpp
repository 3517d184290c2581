#include "annealcheck/interval/enclosure.hpp"

#include <cmath>
#include <limits>

namespace annealcheck::interval {

double Enclosure::approx() const {
  mpfr_t m;
  mpfr_init2(m, mpfi_get_prec(v_));
  mpfi_mid(m, v_);
  const double r = mpfr_get_d(m, MPFR_RNDN);
  mpfr_clear(m);
  return r;
}

namespace {

std::string print(mpfr_srcptr x, int digits, bool up) {
  char* s = nullptr;
  if (mpfr_zero_p(x)) return "0";
  mpfr_asprintf(&s, up ? "%.*RUe" : "%.*RDe", digits - 1, x);
  std::string out(s);
  mpfr_free_str(s);
  return out;
}

int full_digits(mpfr_srcptr x) { return static_cast<int>(static_cast<double>(mpfr_get_prec(x)) * 0.30103) + 2; }

}  // namespace

std::string Enclosure::str(int digits) const {
  if (is_nan()) return "[nan, nan]";
  const int n = digits > 0 ? digits : full_digits(lo());
  std::string out("[");
  out.append(print(lo(), n, false)).append(", ").append(print(hi(), n, true)).append("]");
  return out;
}

std::string Enclosure::lo_str(int digits) const {
  if (is_nan()) return "nan";
  return print(lo(), digits > 0 ? digits : full_digits(lo()), false);
}

std::string Enclosure::hi_str(int digits) const {
  if (is_nan()) return "nan";
  return print(hi(), digits > 0 ? digits : full_digits(hi()), true);
}

std::string Enclosure::short_str(int max_digits) const {
  if (is_nan()) return "nan";
  if (is_point()) return print(lo(), max_digits, false);
  // The midpoint to as many digits as the width certifies (display only).
  const double certain = certain_digits();
  const int n = certain >= max_digits ? max_digits : certain < 1 ? 1 : static_cast<int>(certain);
  if (certain < 1) return str(3);
  mpfr_t m;
  mpfr_init2(m, mpfi_get_prec(v_));
  mpfi_mid(m, v_);
  std::string out = print(m, n, false);
  mpfr_clear(m);
  return out;
}

double Enclosure::certain_digits() const {
  if (is_nan()) return 0;
  if (is_point()) return std::numeric_limits<double>::infinity();
  if (contains_zero()) return 0;
  mpfr_t w, m;
  mpfr_init2(w, 64);
  mpfr_init2(m, 64);
  mpfr_sub(w, hi(), lo(), MPFR_RNDU);
  if (mpfr_cmpabs(lo(), hi()) <= 0) mpfr_abs(m, lo(), MPFR_RNDD);
  else mpfr_abs(m, hi(), MPFR_RNDD);
  mpfr_div(w, w, m, MPFR_RNDU);
  mpfr_log10(w, w, MPFR_RNDU);
  const double r = -mpfr_get_d(w, MPFR_RNDU);
  mpfr_clear(w);
  mpfr_clear(m);
  return r < 0 ? 0 : r;
}

double Enclosure::relative_width() const {
  if (is_nan()) return std::numeric_limits<double>::infinity();
  if (is_point()) return 0.0;
  if (contains_zero()) return std::numeric_limits<double>::infinity();
  mpfr_t w, m;
  mpfr_init2(w, 64);
  mpfr_init2(m, 64);
  mpfr_sub(w, hi(), lo(), MPFR_RNDU);
  if (mpfr_cmpabs(lo(), hi()) <= 0) mpfr_abs(m, lo(), MPFR_RNDD);
  else mpfr_abs(m, hi(), MPFR_RNDD);
  mpfr_div(w, w, m, MPFR_RNDU);
  const double r = mpfr_get_d(w, MPFR_RNDU);
  mpfr_clear(w);
  mpfr_clear(m);
  return r;
}

}  // namespace annealcheck::interval
