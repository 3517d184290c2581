// Exact conversion of every rung type to MPFR (audit/exact_mpfr/*.hpp): the
// conversion reports exactness, and the MPFR value converts back to the same T.
#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/audit/exact_mpfr/cpp_bin_float.hpp"
#include "annealcheck/audit/exact_mpfr/float128.hpp"
#include "annealcheck/audit/exact_mpfr/gmp_float.hpp"
#include "annealcheck/audit/exact_mpfr/mpfr.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <vector>

using namespace annealcheck;
using numeric::Rational;

namespace {

template <class T>
void round_trips(const std::vector<Rational>& values) {
  using X = audit::exact_mpfr<T>;
  using Tr = numeric::number_traits<T>;
  for (const Rational& q : values) {
    const T x = Tr::from_rational(q);
    mpfr_t m;
    mpfr_init2(m, X::bits());
    ASSERT_EQ(X::set(m, x), 0) << Tr::id() << " " << q.str();
    // Back through an exact decimal of the MPFR value (enough digits for its precision;
    // GMP's mpf rounds decimals by truncation, so it reads the MPFR value directly).
    char* s = nullptr;
    mpfr_asprintf(&s, "%.*Re", static_cast<int>(mpfr_get_str_ndigits(10, mpfr_get_prec(m))) + 2, m);
    if constexpr (std::is_same_v<T, numeric::gmp_float50>) {
      mpf_t back;
      mpf_init2(back, mpfr_get_prec(m) + 64);
      mpfr_get_f(back, m, MPFR_RNDN);  // exact: the target holds every bit
      EXPECT_EQ(mpf_cmp(back, x.backend().data()), 0) << Tr::id() << " " << q.str() << " -> " << s;
      mpf_clear(back);
    } else {
      const T back = Tr::from_rational(numeric::parse_rational(s).value);
      EXPECT_TRUE(back == x) << Tr::id() << " " << q.str() << " -> " << s;
    }
    // Not just a double in disguise: 1/3 keeps all of the type's bits.
    if (q == Rational(1, 3) && Tr::bits() > 53) {
      mpfr_t d;
      mpfr_init2(d, 53);
      mpfr_set(d, m, MPFR_RNDN);
      EXPECT_NE(mpfr_cmp(d, m), 0) << Tr::id();
      mpfr_clear(d);
    }
    mpfr_free_str(s);
    mpfr_clear(m);
  }
}

const std::vector<Rational> values() {
  std::vector<Rational> v{Rational(1, 3), Rational(-2, 7), Rational(0), Rational(1000000007L, 3), Rational(1, 1L << 40)};
  v.push_back(numeric::parse_rational("-1e-300").value);
  v.push_back(numeric::parse_rational("3.5e280").value);
  return v;
}

}  // namespace

TEST(ExactMpfr, Builtin) {
  round_trips<float>({Rational(1, 3), Rational(-2, 7), Rational(0), numeric::parse_rational("1e-40").value});
  round_trips<double>(values());
  round_trips<long double>(values());
}
TEST(ExactMpfr, Float128) { round_trips<numeric::float128>(values()); }
TEST(ExactMpfr, CppBinFloat) {
  round_trips<numeric::cpp_bin_float50>(values());
  round_trips<numeric::cpp_bin_float100>(values());
}
TEST(ExactMpfr, GmpFloat) { round_trips<numeric::gmp_float50>(values()); }
TEST(ExactMpfr, Mpfr) {
  round_trips<numeric::mpfr256>(values());
  numeric::scoped_mpfr_bits scope(77);
  round_trips<numeric::mpfr_dynamic>(values());
}
