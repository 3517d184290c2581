// MPFR at an exact binary precision, as a Boost.Multiprecision backend.
//
// Why not boost::multiprecision::mpfr_float_backend: Boost keeps precision in
// *decimal* digits and maps d10 -> bits with digits10_2_2 (d10*1000/301 + 2), so
// 64, 256 or 1024 bits cannot be asked for (they come out as 65, 257, 1025), and
// every arithmetic temporary re-derives its precision through that lossy map.
// This backend stores the precision in bits:
//   mpfr_exact_backend<B>  (B > 0): every value has exactly B bits;
//   mpfr_exact_backend<0>         : values get the calling thread's precision,
//                                   set with scoped_mpfr_bits (exactly, in bits).
// Every operation is one correctly rounded MPFR call (round to nearest) into the
// destination's own precision. Copy-assignment keeps the destination's limbs, so
// in-place kernels (x *= y, x = y) never touch the heap.
#pragma once

#include <cstdint>  // before mpfr.h: enables mpfr_set_sj / mpfr_get_sj
#include <mpfr.h>

#include <boost/math/tools/precision.hpp>
#include <boost/multiprecision/number.hpp>

#include <ios>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

namespace annealcheck::numeric {

// Precision (bits) for mpfr_exact_backend<0> values created on this thread.
inline mpfr_prec_t& thread_mpfr_bits() noexcept {
  thread_local mpfr_prec_t bits = 256;
  return bits;
}

// RAII: values of the runtime-precision type made in this scope have `bits` bits.
class scoped_mpfr_bits {
 public:
  explicit scoped_mpfr_bits(mpfr_prec_t bits) : saved_(thread_mpfr_bits()) {
    if (bits < MPFR_PREC_MIN || bits > 1'000'000) throw std::invalid_argument("mpfr precision out of range");
    thread_mpfr_bits() = bits;
  }
  ~scoped_mpfr_bits() { thread_mpfr_bits() = saved_; }
  scoped_mpfr_bits(const scoped_mpfr_bits&) = delete;
  scoped_mpfr_bits& operator=(const scoped_mpfr_bits&) = delete;

 private:
  mpfr_prec_t saved_;
};

template <unsigned Bits>
struct mpfr_exact_backend {
  using signed_types = std::tuple<long, long long>;
  using unsigned_types = std::tuple<unsigned long, unsigned long long>;
  using float_types = std::tuple<double, long double>;
  using exponent_type = long;

  static mpfr_prec_t precision_bits() noexcept {
    if constexpr (Bits > 0) return static_cast<mpfr_prec_t>(Bits);
    else return thread_mpfr_bits();
  }

  // Static precision (Bits > 0): the significand lives inline (MPFR's custom
  // interface), so making a value — a temporary included — never touches the heap,
  // and a vector of them is one allocation. Copy and move both copy the value; swap
  // exchanges limbs, sign and exponent, never the significand pointers.
  mpfr_exact_backend() {
    init();
    mpfr_set_zero(m, 1);
  }
  mpfr_exact_backend(const mpfr_exact_backend& o) {
    if constexpr (inline_limbs) init();
    else mpfr_init2(m, mpfr_get_prec(o.m));
    mpfr_set(m, o.m, MPFR_RNDN);
  }
  mpfr_exact_backend(mpfr_exact_backend&& o) noexcept {
    if constexpr (inline_limbs) {
      init();
      mpfr_set(m, o.m, MPFR_RNDN);
    } else {
      m[0] = o.m[0];
      o.m[0]._mpfr_d = nullptr;
    }
  }
  ~mpfr_exact_backend() {
    if constexpr (!inline_limbs)
      if (m[0]._mpfr_d != nullptr) mpfr_clear(m);
  }
  mpfr_exact_backend& operator=(const mpfr_exact_backend& o) {
    if (this != &o) {
      ensure();
      mpfr_set(m, o.m, MPFR_RNDN);  // rounds into our own precision; no allocation
    }
    return *this;
  }
  mpfr_exact_backend& operator=(mpfr_exact_backend&& o) noexcept {
    if constexpr (inline_limbs) {
      if (this != &o) mpfr_set(m, o.m, MPFR_RNDN);
    } else if (m[0]._mpfr_d == nullptr || mpfr_get_prec(m) == mpfr_get_prec(o.m)) {
      mpfr_swap(m, o.m);
    } else {
      mpfr_set(m, o.m, MPFR_RNDN);
    }
    return *this;
  }
  mpfr_exact_backend& operator=(long long v) { ensure(); mpfr_set_sj(m, v, MPFR_RNDN); return *this; }
  mpfr_exact_backend& operator=(unsigned long long v) { ensure(); mpfr_set_uj(m, v, MPFR_RNDN); return *this; }
  mpfr_exact_backend& operator=(long v) { ensure(); mpfr_set_si(m, v, MPFR_RNDN); return *this; }
  mpfr_exact_backend& operator=(unsigned long v) { ensure(); mpfr_set_ui(m, v, MPFR_RNDN); return *this; }
  mpfr_exact_backend& operator=(double v) { ensure(); mpfr_set_d(m, v, MPFR_RNDN); return *this; }
  mpfr_exact_backend& operator=(long double v) { ensure(); mpfr_set_ld(m, v, MPFR_RNDN); return *this; }
  // Decimal strings are read by MPFR directly at this precision, correctly rounded.
  mpfr_exact_backend& operator=(const char* s) {
    ensure();
    char* end = nullptr;
    if (mpfr_strtofr(m, s, &end, 10, MPFR_RNDN), end == s || *end != '\0')
      throw std::runtime_error(std::string("not a number: \"") + s + "\"");
    return *this;
  }

  void swap(mpfr_exact_backend& o) noexcept {
    if constexpr (inline_limbs) {
      std::swap(limbs_, o.limbs_);
      std::swap(m[0]._mpfr_sign, o.m[0]._mpfr_sign);
      std::swap(m[0]._mpfr_exp, o.m[0]._mpfr_exp);
    } else {
      mpfr_swap(m, o.m);
    }
  }
  void negate() noexcept { mpfr_neg(m, m, MPFR_RNDN); }
  int compare(const mpfr_exact_backend& o) const noexcept { return mpfr_cmp(m, o.m); }
  template <class A>
    requires std::is_arithmetic_v<A>
  int compare(A a) const {
    mpfr_exact_backend t;
    t = static_cast<std::conditional_t<std::is_floating_point_v<A>, long double,
                                       std::conditional_t<std::is_signed_v<A>, long long, unsigned long long>>>(a);
    return compare(t);
  }

  // digits == 0: shortest string that reads back to the same value at this precision.
  std::string str(std::streamsize digits, std::ios_base::fmtflags f) const {
    if (mpfr_nan_p(m)) return "nan";
    if (mpfr_inf_p(m)) return mpfr_signbit(m) ? "-inf" : "inf";
    const bool fixed = (f & std::ios_base::fixed) == std::ios_base::fixed;
    const bool sci = (f & std::ios_base::scientific) == std::ios_base::scientific;
    char* buf = nullptr;
    if (digits <= 0) {
      // 1 + ceil(p*log10(2)) significant digits always round-trip.
      const long n = 1 + static_cast<long>(static_cast<double>(mpfr_get_prec(m)) * 0.30102999566398120) + 1;
      mpfr_asprintf(&buf, "%.*Rg", static_cast<int>(n), m);
    } else if (fixed) {
      mpfr_asprintf(&buf, "%.*Rf", static_cast<int>(digits), m);
    } else if (sci) {
      mpfr_asprintf(&buf, "%.*Re", static_cast<int>(digits), m);
    } else {
      mpfr_asprintf(&buf, "%.*Rg", static_cast<int>(digits), m);
    }
    std::string out(buf);
    mpfr_free_str(buf);
    return out;
  }

  mpfr_t& data() noexcept { return m; }
  const mpfr_t& data() const noexcept { return m; }

  mpfr_t m;

 private:
  static constexpr bool inline_limbs = Bits > 0;
  static constexpr std::size_t limb_count = inline_limbs ? (Bits + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS : 1;

  void init() {
    if constexpr (inline_limbs) mpfr_custom_init_set(m, MPFR_ZERO_KIND, 0, static_cast<mpfr_prec_t>(Bits), limbs_);
    else mpfr_init2(m, precision_bits());
  }
  void ensure() {
    if constexpr (!inline_limbs)
      if (m[0]._mpfr_d == nullptr) mpfr_init2(m, precision_bits());
  }

  mp_limb_t limbs_[limb_count];
};

// Arithmetic: one MPFR call each, round to nearest, into the destination.
#define ANNEALCHECK_MPFR_BINOP(name, fn)                                                              \
  template <unsigned B>                                                                               \
  inline void name(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a) {                         \
    fn(r.m, r.m, a.m, MPFR_RNDN);                                                                     \
  }                                                                                                   \
  template <unsigned B>                                                                               \
  inline void name(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) { \
    fn(r.m, a.m, b.m, MPFR_RNDN);                                                                     \
  }
ANNEALCHECK_MPFR_BINOP(eval_add, mpfr_add)
ANNEALCHECK_MPFR_BINOP(eval_subtract, mpfr_sub)
ANNEALCHECK_MPFR_BINOP(eval_multiply, mpfr_mul)
ANNEALCHECK_MPFR_BINOP(eval_divide, mpfr_div)
#undef ANNEALCHECK_MPFR_BINOP

#define ANNEALCHECK_MPFR_UNARY(name, fn) \
  template <unsigned B>                  \
  inline void name(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a) { fn(r.m, a.m, MPFR_RNDN); }
ANNEALCHECK_MPFR_UNARY(eval_sqrt, mpfr_sqrt)
ANNEALCHECK_MPFR_UNARY(eval_exp, mpfr_exp)
ANNEALCHECK_MPFR_UNARY(eval_log, mpfr_log)
ANNEALCHECK_MPFR_UNARY(eval_log10, mpfr_log10)
ANNEALCHECK_MPFR_UNARY(eval_log2, mpfr_log2)
ANNEALCHECK_MPFR_UNARY(eval_log1p, mpfr_log1p)
ANNEALCHECK_MPFR_UNARY(eval_expm1, mpfr_expm1)
ANNEALCHECK_MPFR_UNARY(eval_fabs, mpfr_abs)
ANNEALCHECK_MPFR_UNARY(eval_abs, mpfr_abs)
ANNEALCHECK_MPFR_UNARY(eval_sin, mpfr_sin)
ANNEALCHECK_MPFR_UNARY(eval_cos, mpfr_cos)
#undef ANNEALCHECK_MPFR_UNARY

template <unsigned B>
inline void eval_floor(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a) { mpfr_floor(r.m, a.m); }
template <unsigned B>
inline void eval_ceil(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a) { mpfr_ceil(r.m, a.m); }
template <unsigned B>
inline void eval_trunc(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a) { mpfr_trunc(r.m, a.m); }
template <unsigned B>
inline void eval_pow(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) {
  mpfr_pow(r.m, a.m, b.m, MPFR_RNDN);
}
template <unsigned B>
inline void eval_fmod(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) {
  mpfr_fmod(r.m, a.m, b.m, MPFR_RNDN);
}
template <unsigned B>
inline void eval_ldexp(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, long e) {
  mpfr_mul_2si(r.m, a.m, e, MPFR_RNDN);
}
template <unsigned B>
inline void eval_frexp(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, long* e) {
  if (mpfr_zero_p(a.m) || !mpfr_number_p(a.m)) {
    *e = 0;
    mpfr_set(r.m, a.m, MPFR_RNDN);
    return;
  }
  mpfr_exp_t ex = 0;
  mpfr_frexp(&ex, r.m, a.m, MPFR_RNDN);
  *e = static_cast<long>(ex);
}
template <unsigned B>
inline void eval_frexp(mpfr_exact_backend<B>& r, const mpfr_exact_backend<B>& a, int* e) {
  long le = 0;
  eval_frexp(r, a, &le);
  *e = static_cast<int>(le);
}
template <unsigned B>
inline bool eval_is_zero(const mpfr_exact_backend<B>& a) noexcept { return mpfr_zero_p(a.m) != 0; }
template <unsigned B>
inline int eval_get_sign(const mpfr_exact_backend<B>& a) noexcept { return mpfr_sgn(a.m); }
template <unsigned B>
inline int eval_fpclassify(const mpfr_exact_backend<B>& a) noexcept {
  if (mpfr_nan_p(a.m)) return FP_NAN;
  if (mpfr_inf_p(a.m)) return FP_INFINITE;
  if (mpfr_zero_p(a.m)) return FP_ZERO;
  return FP_NORMAL;
}
template <unsigned B>
inline bool eval_eq(const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) noexcept { return mpfr_equal_p(a.m, b.m) != 0; }
template <unsigned B>
inline bool eval_lt(const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) noexcept { return mpfr_less_p(a.m, b.m) != 0; }
template <unsigned B>
inline bool eval_gt(const mpfr_exact_backend<B>& a, const mpfr_exact_backend<B>& b) noexcept { return mpfr_greater_p(a.m, b.m) != 0; }

template <unsigned B>
inline void eval_convert_to(double* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_d(a.m, MPFR_RNDN); }
template <unsigned B>
inline void eval_convert_to(float* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_flt(a.m, MPFR_RNDN); }
template <unsigned B>
inline void eval_convert_to(long double* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_ld(a.m, MPFR_RNDN); }
template <unsigned B>
inline void eval_convert_to(long long* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_sj(a.m, MPFR_RNDZ); }
template <unsigned B>
inline void eval_convert_to(unsigned long long* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_uj(a.m, MPFR_RNDZ); }
template <unsigned B>
inline void eval_convert_to(long* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_si(a.m, MPFR_RNDZ); }
template <unsigned B>
inline void eval_convert_to(unsigned long* r, const mpfr_exact_backend<B>& a) noexcept { *r = mpfr_get_ui(a.m, MPFR_RNDZ); }
template <unsigned B>
inline void eval_convert_to(int* r, const mpfr_exact_backend<B>& a) noexcept { *r = static_cast<int>(mpfr_get_si(a.m, MPFR_RNDZ)); }
template <unsigned B>
inline void eval_convert_to(unsigned* r, const mpfr_exact_backend<B>& a) noexcept { *r = static_cast<unsigned>(mpfr_get_ui(a.m, MPFR_RNDZ)); }
template <unsigned B>
inline void eval_convert_to(bool* r, const mpfr_exact_backend<B>& a) noexcept { *r = !mpfr_zero_p(a.m); }

template <unsigned B>
inline std::size_t hash_value(const mpfr_exact_backend<B>& a) {
  return std::hash<std::string>{}(a.str(0, std::ios_base::fmtflags{}));
}

// The number types: expression templates off (Boost issue 622: `auto x = a*b`
// would otherwise hold a dangling expression).
template <unsigned Bits>
using mpfr_exact = boost::multiprecision::number<mpfr_exact_backend<Bits>, boost::multiprecision::et_off>;

}  // namespace annealcheck::numeric

namespace boost::multiprecision {
template <unsigned B>
struct number_category<annealcheck::numeric::mpfr_exact_backend<B>>
    : std::integral_constant<int, number_kind_floating_point> {};
}  // namespace boost::multiprecision

namespace std {
template <unsigned B, boost::multiprecision::expression_template_option ET>
class numeric_limits<boost::multiprecision::number<annealcheck::numeric::mpfr_exact_backend<B>, ET>> {
  using number_type = boost::multiprecision::number<annealcheck::numeric::mpfr_exact_backend<B>, ET>;
  static number_type pow2(long e) {
    number_type r = 1;
    mpfr_mul_2si(r.backend().m, r.backend().m, e, MPFR_RNDN);
    return r;
  }

 public:
  static constexpr bool is_specialized = true;
  static constexpr bool is_signed = true;
  static constexpr bool is_integer = false;
  static constexpr bool is_exact = false;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static constexpr bool has_signaling_NaN = false;
  static constexpr float_denorm_style has_denorm = denorm_absent;
  static constexpr bool has_denorm_loss = false;
  static constexpr bool is_iec559 = false;
  static constexpr bool is_bounded = true;
  static constexpr bool is_modulo = false;
  static constexpr bool traps = true;
  static constexpr bool tinyness_before = false;
  static constexpr float_round_style round_style = round_to_nearest;
  static constexpr int radix = 2;
  // Static precision: exact. Runtime precision: 0 here; use digits_now().
  static constexpr int digits = static_cast<int>(B);
  static constexpr int digits10 = B ? static_cast<int>((B - 1) * 301L / 1000) : 0;
  static constexpr int max_digits10 = B ? static_cast<int>(B * 301L / 1000 + 2) : 0;
  static constexpr long min_exponent = MPFR_EMIN_DEFAULT;
  static constexpr long min_exponent10 = (MPFR_EMIN_DEFAULT / 1000) * 301L;
  static constexpr long max_exponent = MPFR_EMAX_DEFAULT;
  static constexpr long max_exponent10 = (MPFR_EMAX_DEFAULT / 1000) * 301L;
  static int digits_now() { return static_cast<int>(annealcheck::numeric::mpfr_exact_backend<B>::precision_bits()); }
  static number_type epsilon() { return pow2(1 - digits_now()); }
  static number_type round_error() { return number_type(0.5); }
  static number_type min() { return pow2(mpfr_get_emin() - 1); }
  static number_type max() {
    number_type r = 1;
    mpfr_nextbelow(r.backend().m);  // 1 - 2^-p
    mpfr_mul_2si(r.backend().m, r.backend().m, mpfr_get_emax(), MPFR_RNDN);
    return r;
  }
  static number_type lowest() { return -max(); }
  static number_type infinity() {
    number_type r;
    mpfr_set_inf(r.backend().m, 1);
    return r;
  }
  static number_type quiet_NaN() {
    number_type r;
    mpfr_set_nan(r.backend().m);
    return r;
  }
  static number_type signaling_NaN() { return quiet_NaN(); }
  static number_type denorm_min() { return min(); }
};
}  // namespace std

// Boost.Math reads precision through tools::digits<T>(); at runtime precision the
// static numeric_limits::digits is 0, so answer with the thread's bits.
namespace boost::math::tools {
template <>
inline int digits<annealcheck::numeric::mpfr_exact<0>>() noexcept {
  return static_cast<int>(annealcheck::numeric::thread_mpfr_bits());
}
}  // namespace boost::math::tools
