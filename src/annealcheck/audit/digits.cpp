#include "annealcheck/audit/digits.hpp"

namespace annealcheck::audit {

namespace {

struct Scratch {
  Scratch() { mpfr_inits2(64, a, b, r, static_cast<mpfr_ptr>(nullptr)); }
  ~Scratch() { mpfr_clears(a, b, r, static_cast<mpfr_ptr>(nullptr)); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  mpfr_t a, b, r;
};

// |x − y| rounded up.
void abs_diff_up(mpfr_ptr out, mpfr_srcptr x, mpfr_srcptr y) {
  if (mpfr_greaterequal_p(x, y)) mpfr_sub(out, x, y, MPFR_RNDU);
  else mpfr_sub(out, y, x, MPFR_RNDU);
}

Digits digits_from(mpfr_srcptr x, const interval::Enclosure& e, mpfr_srcptr scale, double cap) {
  Digits d;
  if (!mpfr_number_p(x)) {
    d.finite = false;
    return d;
  }
  if (e.is_nan()) return d;
  Scratch s;
  abs_diff_up(s.a, x, e.lo());
  abs_diff_up(s.b, x, e.hi());
  if (mpfr_less_p(s.a, s.b)) mpfr_swap(s.a, s.b);  // s.a = max distance
  if (mpfr_zero_p(s.a)) {                          // x = lo = hi
    d.value = cap;
    d.exact = true;
    return d;
  }
  if (mpfr_sgn(scale) <= 0 || !mpfr_number_p(s.a)) return d;
  mpfr_div(s.r, s.a, scale, MPFR_RNDU);
  mpfr_log10(s.r, s.r, MPFR_RNDU);
  const double v = -mpfr_get_d(s.r, MPFR_RNDU);
  d.value = v < 0 ? 0 : v > cap ? cap : v;
  return d;
}

}  // namespace

void magnitude_lower_bound(mpfr_ptr out, const interval::Enclosure& e) {
  if (e.is_nan() || e.contains_zero()) {
    mpfr_set_zero(out, 1);
    return;
  }
  if (mpfr_cmpabs(e.lo(), e.hi()) <= 0) mpfr_abs(out, e.lo(), MPFR_RNDD);
  else mpfr_abs(out, e.hi(), MPFR_RNDD);
}

Digits relative_digits(mpfr_srcptr x, const interval::Enclosure& e, double cap) {
  mpfr_t scale;
  mpfr_init2(scale, 64);
  magnitude_lower_bound(scale, e);
  const Digits d = digits_from(x, e, scale, cap);
  mpfr_clear(scale);
  return d;
}

Digits digits_at_scale(mpfr_srcptr x, const interval::Enclosure& e, mpfr_srcptr scale_lower_bound, double cap) {
  return digits_from(x, e, scale_lower_bound, cap);
}

}  // namespace annealcheck::audit
