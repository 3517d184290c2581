// Validation of instance files: each bad input gets its own clear InputError
// naming the field, the value and what was expected.
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using annealcheck::InputError;
using annealcheck::model::instance_from_json;

const char* kGood = R"({"gamma": ["2/3","1/3"], "lambda": ["1/2","1/2"], "delta0": ["-100","-100"], "k": 2,
                        "alpha": "1e-6", "eps": "1e-9", "K": 10})";

annealcheck::model::InstanceSpec load(const std::string& text) {
  return instance_from_json(annealcheck::io::parse_exact_json(text, "test.json"), "test.json");
}

// Replaces the value of `key` in the good instance and returns the InputError.
InputError error_with(const std::string& key, const std::string& value) {
  auto j = annealcheck::io::parse_exact_json(kGood, "test.json");
  j[key] = nlohmann::json::parse(value);
  try {
    instance_from_json(annealcheck::io::parse_exact_json(j.dump(), "test.json"), "test.json");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << key << " = " << value << " was accepted";
  return InputError("", "", "");
}

TEST(InstanceSpec, ReadsExactValues) {
  const auto s = load(kGood);
  EXPECT_EQ(s.dim(), 2u);
  EXPECT_EQ(s.gamma[0].value.str(), "2/3");
  EXPECT_EQ(s.eps.value.str(), "1/1000000000");
  EXPECT_EQ(s.K, 10);
  ASSERT_FALSE(s.rho.has_value());
  EXPECT_EQ(annealcheck::model::max_rho(s)->str(), "1");
}

TEST(InstanceSpec, JsonNumbersKeepTheirText) {
  const auto s = load(R"({"gamma": [0.1, 0.05], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "eps": 1e-30})");
  EXPECT_EQ(s.gamma[0].value.str(), "1/10");  // not 0.1000000000000000055511151231257827
  EXPECT_EQ(s.eps.value.str(), "1/1000000000000000000000000000000");
}

TEST(InstanceSpec, FortyDigitsAndBelowDoubleRangeStayExact) {  // issue 10: no path through double
  const std::string forty = "1.234567890123456789012345678901234567891";
  const auto s = load(R"({"gamma": [)" + forty + R"(, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "eps": 1e-400})");
  using annealcheck::numeric::parse_rational;
  const auto pow10 = [](std::size_t n) {  // 10^n; built without "1" + std::string (GCC 12 -Wrestrict false positive)
    std::string t(n + 1, '0');
    t[0] = '1';
    return parse_rational(t).value;
  };
  EXPECT_EQ(s.gamma[0].text, forty);
  EXPECT_EQ(s.gamma[0].value, parse_rational("1234567890123456789012345678901234567891").value / pow10(39));
  EXPECT_EQ(s.eps.value, annealcheck::numeric::Rational(1) / pow10(400));
  const auto back = load(annealcheck::model::instance_to_json(s).dump());
  EXPECT_EQ(back.gamma[0].value, s.gamma[0].value);
  EXPECT_EQ(back.eps.value, s.eps.value);
}

TEST(InstanceSpec, RoundTripsThroughJson) {
  const auto s = load(kGood);
  const auto back = load(annealcheck::model::instance_to_json(s).dump());
  for (std::size_t i = 0; i < s.dim(); ++i) EXPECT_EQ(back.gamma[i].value, s.gamma[i].value);
  EXPECT_EQ(back.alpha.value, s.alpha.value);
}

struct BadCase {
  const char* key;
  const char* value;
  const char* field;     // expected field in the message
  const char* fragment;  // expected part of the message
};

class InstanceSpecErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(InstanceSpecErrors, NamesFieldValueAndExpectation) {
  const BadCase& c = GetParam();
  const InputError e = error_with(c.key, c.value);
  EXPECT_EQ(e.field(), c.field) << e.what();
  EXPECT_NE(std::string(e.what()).find(c.fragment), std::string::npos) << e.what();
}

INSTANTIATE_TEST_SUITE_P(
    EachValidationError, InstanceSpecErrors,
    ::testing::Values(BadCase{"lambda", R"(["1/2"])", "lambda", "length mismatch"},
                      BadCase{"delta0", R"(["1","2","3"])", "delta0", "length mismatch"},
                      BadCase{"gamma", R"(["1/3","2/3"])", "gamma[1]", "sorted descending"},
                      BadCase{"gamma", R"(["1","-1"])", "gamma[1]", "negative"},
                      BadCase{"lambda", R"(["0","1"])", "lambda[0]", "> 0"},
                      BadCase{"lambda", R"(["1","-2"])", "lambda[1]", "> 0"},
                      BadCase{"delta0", R"(["nan","1"])", "delta0[0]", "finite"},
                      BadCase{"delta0", R"(["1","inf"])", "delta0[1]", "finite"},
                      BadCase{"gamma", R"(["Infinity","1"])", "gamma[0]", "finite"},
                      BadCase{"k", "1", "k", "out of range"},
                      BadCase{"k", "3", "k", "out of range"},
                      BadCase{"k", "1.5", "k", "integer"},
                      BadCase{"rho", R"("2")", "rho", "larger than the spectrum allows"},
                      BadCase{"rho", R"("-1")", "rho", "rho > 0"},
                      BadCase{"alpha", R"("1")", "alpha", "(0, 1)"},
                      BadCase{"alpha", R"("0")", "alpha", "(0, 1)"},
                      BadCase{"eps", R"("0")", "eps", "eps > 0"},
                      BadCase{"eps", R"("-1e-9")", "eps", "eps > 0"},
                      BadCase{"K", "-1", "K", "an integer in 0..1000000"},
                      BadCase{"eps", R"("1e-9x")", "eps", "not a number"},
                      BadCase{"gamma", R"("2/3")", "gamma", "an array"},
                      BadCase{"surprise", "1", "surprise", "unknown field"}));

TEST(InstanceSpec, MalformedJsonIsAnInputError) {
  try {
    load(R"({"gamma": [1, 2)");
    FAIL() << "accepted truncated JSON";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "test.json");
    EXPECT_NE(std::string(e.what()).find("malformed JSON"), std::string::npos) << e.what();
  }
}

TEST(InstanceSpec, MissingFieldIsNamed) {
  try {
    load(R"({"gamma": [1, 0.5], "lambda": [1, 1], "k": 2})");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "delta0");
  }
}

TEST(InstanceSpec, TiedSplitWithoutGapIsRejected) {
  try {
    load(R"({"gamma": [1, 1], "lambda": [1, 1], "delta0": [1, 1], "k": 2})");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "k");
    EXPECT_NE(std::string(e.what()).find("no gap"), std::string::npos) << e.what();
  }
}

}  // namespace
