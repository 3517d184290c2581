// A rung's value held exactly as an MPFR number (any precision, NaN and ±inf kept),
// so that the audit compares every ladder type with the reference in one place
// without routing anything through double.
#pragma once

#include <cstdint>  // before mpfr.h: enables the intmax_t functions
#include <mpfr.h>

#include <string>

namespace annealcheck::audit {

class ExactBinary {
 public:
  explicit ExactBinary(mpfr_prec_t bits = 64) { mpfr_init2(v_, bits); mpfr_set_zero(v_, 1); }
  ExactBinary(const ExactBinary& o) { mpfr_init2(v_, mpfr_get_prec(o.v_)); mpfr_set(v_, o.v_, MPFR_RNDN); }
  ExactBinary& operator=(const ExactBinary& o) {
    if (this != &o) { mpfr_set_prec(v_, mpfr_get_prec(o.v_)); mpfr_set(v_, o.v_, MPFR_RNDN); }
    return *this;
  }
  ~ExactBinary() { mpfr_clear(v_); }
  mpfr_ptr get() { return v_; }
  mpfr_srcptr get() const { return v_; }
  bool finite() const { return mpfr_number_p(v_) != 0; }
  double approx() const { return mpfr_get_d(v_, MPFR_RNDN); }  // display and plots only
  // Shortest decimal text that reads back to this value at its precision.
  std::string str() const;
  std::string str(int digits) const;

 private:
  mpfr_t v_;
};

}  // namespace annealcheck::audit
