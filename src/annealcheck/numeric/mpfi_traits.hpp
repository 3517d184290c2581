// Traits of MPFI intervals: mpfi256 (static) and mpfi:BITS (runtime).
//
// Boost's mpfi backend sets precision in decimal digits; a request for BITS bits
// gets the smallest Boost precision holding at least BITS bits (up to 3 more),
// and bits() reports what the values really carry. More bits only narrow an
// enclosure, so rigour is unaffected.
//
// Never compare these with < or >: Boost's comparison throws from a noexcept
// function on overlapping intervals, which terminates the process. Use
// certainly_less / certainly_greater (three-valued) below.
#pragma once

#include "annealcheck/numeric/number_traits.hpp"

#include <boost/multiprecision/mpfi.hpp>

#include <string>

namespace annealcheck::numeric {

template <unsigned Digits10>
using mpfi_interval = boost::multiprecision::number<boost::multiprecision::mpfi_float_backend<Digits10>,
                                                    boost::multiprecision::et_off>;
using mpfi256 = mpfi_interval<77>;  // 257 bits: the smallest Boost precision >= 256 bits
using mpfi_dynamic = mpfi_interval<0>;

// Decimal digits Boost needs so that an MPFI value carries at least `bits` bits.
inline unsigned mpfi_digits10_for_bits(long bits) {
  unsigned d10 = 1;
  while (boost::multiprecision::detail::digits10_2_2(d10) < static_cast<unsigned long>(bits)) ++d10;
  return d10;
}

// RAII: mpfi_dynamic values made on this thread in this scope carry >= bits bits.
class scoped_mpfi_bits {
 public:
  explicit scoped_mpfi_bits(long bits) : saved_(mpfi_dynamic::thread_default_precision()) {
    mpfi_dynamic::thread_default_precision(mpfi_digits10_for_bits(bits));
  }
  ~scoped_mpfi_bits() { mpfi_dynamic::thread_default_precision(saved_); }
  scoped_mpfi_bits(const scoped_mpfi_bits&) = delete;
  scoped_mpfi_bits& operator=(const scoped_mpfi_bits&) = delete;

 private:
  unsigned saved_;
};

template <unsigned D>
struct number_traits<mpfi_interval<D>> {
  using T = mpfi_interval<D>;
  static constexpr bool is_interval = true;
  static constexpr bool is_exact = false;
  static constexpr bool thread_independent = D > 0;  // runtime precision is per thread
  static constexpr bool has_transcendentals = true;
  static std::string id() {
    if constexpr (D > 0) return "mpfi256";
    else return "mpfi:" + std::to_string(bits());
  }
  static long bits() { return static_cast<long>(mpfi_get_prec(T().backend().data())); }
  static T epsilon() {
    T e(1);
    mpfi_mul_2si(e.backend().data(), e.backend().data(), 1 - bits());
    return e;
  }
  // The smallest interval of this precision containing q (mpfi_set_q rounds outward).
  static T from_rational(const Rational& q) {
    T x;
    mpfi_set_q(x.backend().data(), q.get());
    return x;
  }
  static std::string str(const T& x) { return str(x, 0); }
  // "[lo, hi]": lo printed rounded down, hi rounded up, so the text still encloses x.
  static std::string str(const T& x, int digits) {
    mpfr_t lo, hi;
    mpfr_init2(lo, mpfi_get_prec(x.backend().data()));
    mpfr_init2(hi, mpfi_get_prec(x.backend().data()));
    mpfi_get_left(lo, x.backend().data());
    mpfi_get_right(hi, x.backend().data());
    const int n = digits > 0 ? digits : static_cast<int>(bits() * 0.30103) + 2;
    char *a = nullptr, *b = nullptr;
    mpfr_asprintf(&a, "%.*RDe", n - 1, lo);
    mpfr_asprintf(&b, "%.*RUe", n - 1, hi);
    std::string out = std::string("[") + a + ", " + b + "]";
    mpfr_free_str(a);
    mpfr_free_str(b);
    mpfr_clear(lo);
    mpfr_clear(hi);
    return out;
  }
};

// Three-valued order for enclosures: true only when every point of a is below b.
template <unsigned D>
bool certainly_less(const mpfi_interval<D>& a, const mpfi_interval<D>& b) {
  return mpfr_less_p(&a.backend().data()->right, &b.backend().data()->left) != 0;
}
template <unsigned D>
bool certainly_less_equal(const mpfi_interval<D>& a, const mpfi_interval<D>& b) {
  return mpfr_lessequal_p(&a.backend().data()->right, &b.backend().data()->left) != 0;
}

}  // namespace annealcheck::numeric
