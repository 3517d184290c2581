// Stopping time of GF(ε) (E4), solved by Newton in log space, against a 2048-bit
// reference: within a few ulps of the type, including ε = 10⁻³⁰⁰·L̂(δ(0)), where
// e^{−4γT} underflows double but the log-space solve does not.
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"
#include "annealcheck/numeric/float128_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "reference.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace annealcheck;
using testing_ref = annealcheck::testing::Reference;

struct FlowCase {
  std::vector<std::string> gamma, delta0;
  std::string eps;
  bool needs_wide_exponent;  // ε below float's range
};

const std::vector<FlowCase>& cases() {
  static const std::vector<FlowCase> c{
      {{"2/3", "1/3"}, {"-100000", "-100000"}, "1e-9", false},                         // Proposition 1 (2,1), α = 1e-6
      {{"3", "1.5", "0.25", "1e-3", "1e-7"}, {"1", "-2", "0.5", "3", "-7"}, "1e-6", false},
      {{"1", "0.5"}, {"1", "1"}, "1.5e-300", true},                                    // ε = 10⁻³⁰⁰·L̂(δ(0))
      {{"1e10", "1", "1e-10"}, {"1e-3", "1", "1e3"}, "1e-250", true},
      {{"0.75", "0.75", "0"}, {"2", "-2", "5"}, "1e-12", false},                       // tie, and a γ = 0 coordinate
  };
  return c;
}

template <class T>
std::vector<T> numbers(const std::vector<std::string>& v) {
  std::vector<T> out;
  for (const auto& s : v) out.push_back(numeric::parse_number<T>(s));
  return out;
}

template <class T>
testing_ref reference_time(const FlowCase& c) {
  numeric::scoped_mpfr_bits scope(annealcheck::testing::kReferenceBits);
  return dynamics::stopping_time(numbers<testing_ref>(c.gamma), numbers<testing_ref>(c.delta0),
                                 numeric::parse_number<testing_ref>(c.eps))
      .time;
}

template <class T>
class StoppingTime : public ::testing::Test {};

using Types = ::testing::Types<double, long double, numeric::float128, numeric::mpfr128, numeric::mpfr256,
                               numeric::cpp_bin_float50, numeric::gmp_float50, float>;
TYPED_TEST_SUITE(StoppingTime, Types);

// Newton is asked for all but 2 bits; evaluating log L̂ in the type adds a few ulps
// relative to T (its condition number is |log ε| / log(L̂(0)/ε) ≤ ~2 here). 8 eps.
TYPED_TEST(StoppingTime, WithinAFewUlpsOfTheReference) {
  using T = TypeParam;
  for (const FlowCase& c : cases()) {
    if (c.needs_wide_exponent && std::is_same_v<T, float>) continue;  // ε is below float's range: not representable
    const testing_ref ref = reference_time<T>(c);
    const auto st = dynamics::stopping_time(numbers<T>(c.gamma), numbers<T>(c.delta0), numeric::parse_number<T>(c.eps));
    const double err = annealcheck::testing::error_in_eps(st.time, ref);
    EXPECT_LE(err, 8.0) << numeric::number_traits<T>::id() << " eps=" << c.eps << " T=" << numeric::number_traits<T>::str(st.time)
                        << " (" << st.iterations << " Newton iterations)";
    EXPECT_LE(st.iterations, 60u);
  }
}

TEST(StoppingTimeRuntimePrecision, ExactBitsAreHonoured) {
  for (long bits : {64L, 100L, 333L}) {
    numeric::scoped_mpfr_bits scope(bits);
    using T = numeric::mpfr_dynamic;
    EXPECT_EQ(numeric::number_traits<T>::bits(), bits);
    const FlowCase& c = cases()[1];
    const auto st = dynamics::stopping_time(numbers<T>(c.gamma), numbers<T>(c.delta0), numeric::parse_number<T>(c.eps));
    EXPECT_EQ(mpfr_get_prec(st.time.backend().data()), bits);
    const testing_ref ref = reference_time<T>(c);
    EXPECT_LE(annealcheck::testing::error_in_eps(st.time, ref), 8.0) << bits;
  }
}

TEST(StoppingTime, ZeroWhenAlreadyBelowEps) {
  const auto st = dynamics::stopping_time<double>({1.0, 0.5}, {1e-3, 1e-3}, 1.0);
  EXPECT_EQ(st.time, 0.0);  // exactly: no flow at all
}

TEST(FlowState, MatchesClosedFormAtTheStop) {
  // L̂(δ(T)) = ε at the computed T, to a few ulps (double).
  const std::vector<double> g{3, 1.5, 0.25}, d0{1, -2, 0.5};
  const double eps = 1e-6;
  const double T = dynamics::stopping_time(g, d0, eps).time;
  const double loss = model::train_loss(g, dynamics::flow_state(g, d0, T));
  EXPECT_NEAR(loss / eps, 1.0, 16 * std::numeric_limits<double>::epsilon());
}

}  // namespace
