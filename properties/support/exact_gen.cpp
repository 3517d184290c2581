#include "properties/support/exact_gen.hpp"

#include <gmp.h>

#include <algorithm>
#include <vector>

namespace annealcheck::properties::gen {

namespace {

// Shrink candidates of x ≥ lo: lo, lo+1, lo+2, lo+3 (below x), then x − (x−lo)/2^i.
template <class I>
std::vector<I> toward(I x, I lo) {
  std::vector<I> out;
  for (I v = lo; v < x && v < lo + 4; ++v) out.push_back(v);
  for (I diff = (x - lo) / 2; diff > 0; diff /= 2) {
    const I v = x - diff;
    if (out.empty() || v > out.back()) out.push_back(v);
  }
  return out;
}

template <class I>
rc::Gen<I> uniform(I lo, I hi) {
  return [=](const rc::Random& random, int) {
    const auto span = static_cast<rc::Random::Number>(hi - lo) + 1;
    const I v = lo + static_cast<I>(rc::Random(random).next() % span);
    return rc::shrinkable::shrinkRecur(v, [lo](I x) { return rc::seq::fromContainer(toward<I>(x, lo)); });
  };
}

}  // namespace

Rational pow10(int e) {
  Rational r(1);
  mpz_ui_pow_ui(e >= 0 ? mpq_numref(r.get()) : mpq_denref(r.get()), 10, static_cast<unsigned long>(e >= 0 ? e : -e));
  return r;
}

Rational pow2(int e) {
  Rational r(1);
  if (e >= 0) mpq_mul_2exp(r.get(), r.get(), static_cast<mp_bitcnt_t>(e));
  else mpq_div_2exp(r.get(), r.get(), static_cast<mp_bitcnt_t>(-e));
  return r;
}

Rational round_down_digits(const Rational& q, int digits) {
  if (q.sign() <= 0) return q;
  // e = floor(log10 q), from the sizes of numerator and denominator, then corrected.
  long e = static_cast<long>(mpz_sizeinbase(mpq_numref(q.get()), 10)) - static_cast<long>(mpz_sizeinbase(mpq_denref(q.get()), 10));
  while (q < pow10(static_cast<int>(e))) --e;
  while (!(q < pow10(static_cast<int>(e + 1)))) ++e;
  const int shift = digits - 1 - static_cast<int>(e);  // q·10^shift has `digits` digits before the point
  const Rational scaled = q * pow10(shift);
  mpz_t f;
  mpz_init(f);
  mpz_fdiv_q(f, mpq_numref(scaled.get()), mpq_denref(scaled.get()));
  Rational r;
  mpq_set_z(r.get(), f);
  mpz_clear(f);
  return r * pow10(-shift);
}

Rational SimpleNumber::value() const { return Rational(mantissa) * pow2(-frac_bits) * pow10(exp10); }

rc::Gen<int> small_int(int lo, int hi) { return uniform<int>(lo, hi); }

rc::Gen<int> centered_int(int radius) {
  return [=](const rc::Random& random, int) {
    const auto span = static_cast<rc::Random::Number>(2 * radius) + 1;
    const int v = -radius + static_cast<int>(rc::Random(random).next() % span);
    return rc::shrinkable::shrinkRecur(v, [](int x) {
      std::vector<int> c;
      for (int m : toward<int>(x < 0 ? -x : x, 0)) c.push_back(x < 0 ? -m : m);
      if (x < 0) c.insert(c.begin() + std::min<std::size_t>(1, c.size()), -x);  // 0, then |x|, then toward 0
      return rc::seq::fromContainer(c);
    });
  };
}

rc::Gen<int> sized_int(int lo, int hi_at_full_size) {
  return rc::gen::withSize([=](int size) {
    const int s = std::clamp(size, 0, 100);
    return uniform<int>(lo, lo + static_cast<int>((static_cast<long>(hi_at_full_size - lo) * s) / 100));
  });
}

rc::Gen<SimpleNumber> simple_positive(int exp_radius, int max_mantissa_bits, int max_frac_bits) {
  return rc::gen::exec([=] {
    SimpleNumber s;
    const int bits = *small_int(0, max_mantissa_bits);
    s.mantissa = *small_int(1, 1 << bits);
    s.frac_bits = *small_int(0, max_frac_bits);
    s.exp10 = *centered_int(exp_radius);
    return s;
  });
}

rc::Gen<int> sign(bool allow_zero) {
  return rc::gen::map(small_int(0, allow_zero ? 7 : 6), [](int x) { return x < 4 ? 1 : x < 7 ? -1 : 0; });
}

rc::Gen<Rational> open_unit_interval() {
  return rc::gen::exec([] {
    switch (*small_int(0, 5)) {
      case 0: return Rational(1, 2);
      case 1: {  // odd m / 2^f
        const int f = *small_int(1, 30);
        const long m = 2L * (*small_int(0, (1 << (std::min(f, 20) - 1)) - 1)) + 1;  // odd, < 2^f
        return Rational(m) * pow2(-f);
      }
      case 2: return pow10(-*small_int(1, 12));
      case 3: return Rational(1) - pow10(-*small_int(1, 12));
      default: {
        const int q = *small_int(2, 1000);
        return Rational(*small_int(1, q - 1), static_cast<unsigned long>(q));
      }
    }
  });
}

rc::Gen<long> gd_steps(long max_K) {
  return rc::gen::withSize([=](int size) {
    return rc::gen::exec([=] {
      int bucket = *small_int(0, 9);
      if (bucket == 9 && size < 20) bucket = 8;  // K > 1000 only in the larger cases
      long lo = 0, hi = 0;
      if (bucket == 0) lo = hi = 0;
      else if (bucket <= 5) lo = 1, hi = 10;
      else if (bucket <= 7) lo = 11, hi = 100;
      else if (bucket == 8) lo = 101, hi = 1000;
      else lo = 1001, hi = 100L * std::clamp(size, 20, 100);
      hi = std::min(hi, max_K);
      lo = std::min(lo, hi);
      if (lo == hi) return lo;
      return static_cast<long>(*uniform<long>(lo, hi));
    });
  });
}

}  // namespace annealcheck::properties::gen
