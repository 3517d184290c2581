// A type-independent enclosure [lo, hi] of an exact real (an MPFI value in its own
// precision), as the certified reference hands it to the audit. Light header: no
// Boost; the reference's typed code builds it from an MPFI interval.
#pragma once

#include <cstdint>  // before mpfr.h (via mpfi.h): enables the intmax_t functions
#include <mpfi.h>

#include <string>

namespace annealcheck::interval {

class Enclosure {
 public:
  Enclosure() { mpfi_init2(v_, 64); mpfi_set_si(v_, 0); }
  explicit Enclosure(mpfi_srcptr x) { mpfi_init2(v_, mpfi_get_prec(x)); mpfi_set(v_, x); }
  Enclosure(const Enclosure& o) : Enclosure(o.v_) {}
  Enclosure& operator=(const Enclosure& o) {
    if (this != &o) { mpfi_set_prec(v_, mpfi_get_prec(o.v_)); mpfi_set(v_, o.v_); }
    return *this;
  }
  ~Enclosure() { mpfi_clear(v_); }

  mpfi_srcptr get() const { return v_; }
  mpfr_srcptr lo() const { return &v_->left; }
  mpfr_srcptr hi() const { return &v_->right; }
  long bits() const { return static_cast<long>(mpfi_get_prec(v_)); }
  bool is_nan() const { return mpfi_nan_p(v_) != 0; }
  bool is_point() const { return mpfr_equal_p(lo(), hi()) != 0; }
  bool contains_zero() const { return mpfr_sgn(lo()) <= 0 && mpfr_sgn(hi()) >= 0; }
  double approx() const;  // the midpoint, for display and plots only

  // "[lo, hi]" with `digits` significant digits, lo rounded down, hi up (0: all).
  std::string str(int digits = 0) const;
  std::string lo_str(int digits = 0) const;  // rounded down
  std::string hi_str(int digits = 0) const;  // rounded up
  // The common leading digits of lo and hi ("1.4999999850000000...e-30"), for tables.
  std::string short_str(int max_digits = 20) const;
  // Upper bound of (hi − lo)/min(|lo|, |hi|); +inf when the enclosure holds 0 and is not a point.
  double relative_width() const;
  // −log10 of relative_width(), computed without underflow: the decimal digits the
  // enclosure pins down (+inf for a point, 0 when it holds 0).
  double certain_digits() const;

 private:
  mpfi_t v_;
};

}  // namespace annealcheck::interval
