// engine::not_representable / check_representable: values a fixed-range type
// turns into 0 or infinity are refused, naming the field and the smallest rung.
#include "annealcheck/engine/representable.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace {

using namespace annealcheck;
using engine::not_representable;
using engine::parse_type_id;
using numeric::parse_rational;

numeric::Rational q(const char* s) { return parse_rational(s).value; }

TEST(Representable, DoubleBoundariesAreExact) {
  const auto d = parse_type_id("double");
  EXPECT_FALSE(not_representable(q("1e-300"), d));
  EXPECT_FALSE(not_representable(q("4.9406564584124654e-324"), d));  // the smallest subnormal, rounded up
  EXPECT_EQ(not_representable(q("2e-324"), d), "underflows to 0");  // below half of it
  EXPECT_FALSE(not_representable(q("1.7976931348623157e308"), d));
  EXPECT_EQ(not_representable(q("1e309"), d), "overflows to infinity");
  EXPECT_EQ(not_representable(q("-1e-100000"), d), "underflows to 0");
  EXPECT_FALSE(not_representable(q("0"), d));
  // 2^-1075 is exactly half the smallest subnormal: ties to even, so 0
  numeric::Rational half(1);
  mpq_div_2exp(half.get(), half.get(), 1075);
  EXPECT_EQ(not_representable(half, d), "underflows to 0");
  EXPECT_EQ(static_cast<double>(half.approx()), 0.0);  // what the hardware does
}

TEST(Representable, MultiprecisionHoldsEverything) {
  for (const char* t : {"mpfr128", "mpfr:64", "cpp_bin_float50", "gmp_float50", "mpq", "mpfi256"})
    EXPECT_FALSE(not_representable(q("1e-100000"), parse_type_id(t))) << t;
}

TEST(Representable, NamesTheFieldAndTheSmallestRung) {
  model::InstanceSpec s = model::instance_from_json(
      io::parse_exact_json(R"({"gamma": ["2","1"], "lambda": ["1","1"], "delta0": ["1","1"], "k": 2, "eps": "1e-320"})", "t"), "t");
  EXPECT_NO_THROW(engine::check_representable(s, parse_type_id("double")));
  try {
    engine::check_representable(s, parse_type_id("float"));
    FAIL() << "eps = 1e-320 passed at float";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "eps");
    EXPECT_NE(e.value().find("underflows to 0"), std::string::npos) << e.what();
    EXPECT_NE(e.expected().find("--type double"), std::string::npos) << e.what();
  }
  s.gamma[0] = model::exact("1e4000");  // above double (1.8e308), below long double (1.2e4932)
  try {
    engine::check_representable(s, parse_type_id("double"));
    FAIL() << "gamma[0] = 1e4000 passed at double";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "gamma[0]");
    EXPECT_NE(e.expected().find("--type long-double"), std::string::npos) << e.what();
  }
}

}  // namespace
