// JSON reading with limits (io/exact_json.hpp) and short error messages
// (io/input_error.hpp): nesting, array and object sizes, file size, and values
// never echoed whole.
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace {

using annealcheck::InputError;
using namespace annealcheck::io;
namespace limits = annealcheck::limits;

std::string nested(std::size_t depth) { return std::string(depth, '[') + "1" + std::string(depth, ']'); }

std::string error_of(const std::string& text) {
  try {
    parse_exact_json(text, "doc.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ParseJson, NestingUpToTheLimitParses) {
  EXPECT_NO_THROW(parse_exact_json(nested(limits::kMaxNesting), "doc.json"));
}

TEST(ParseJson, DeeperNestingIsRefusedWhileParsing) {  // issue 12: 100 000 levels overflowed the stack on the error path
  for (std::size_t depth : {limits::kMaxNesting + 1, std::size_t{100000}, std::size_t{1000000}}) {
    const std::string e = error_of(nested(depth));
    EXPECT_NE(e.find("field 'doc.json'"), std::string::npos) << e;
    EXPECT_NE(e.find("nested deeper than " + std::to_string(limits::kMaxNesting)), std::string::npos) << e;
  }
  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "{\"a\":";
    return s + "1" + std::string(100000, '}');
  }();
  EXPECT_NE(error_of(objects).find("nested deeper"), std::string::npos);
}

TEST(ParseJson, ArraysAndObjectsAreBounded) {
  std::string a = "[0";
  for (std::size_t i = 0; i < limits::kMaxArrayItems; ++i) a += ",0";
  EXPECT_NE(error_of(a + "]").find("more than " + std::to_string(limits::kMaxArrayItems) + " items"), std::string::npos);
  std::string o = "{\"k0\":0";
  for (std::size_t i = 1; i <= limits::kMaxObjectMembers; ++i) o += ",\"k" + std::to_string(i) + "\":0";
  EXPECT_NE(error_of(o + "}").find("members"), std::string::npos);
}

TEST(ParseJson, NumbersKeepTheirText) {
  const auto t = parse_exact_json(R"({"x": 0.1, "n": 7, "big": 18446744073709551616})", "d");
  EXPECT_EQ(t["x"], "0.1");
  EXPECT_TRUE(t["n"].is_number_integer());  // a 64-bit integer is exact as it is
  EXPECT_EQ(t["n"].get<int>(), 7);
  EXPECT_EQ(t["big"], "18446744073709551616");  // past uint64: nlohmann alone would make it a double
}

// 40 significant digits and a number below double's range (1e-400 is 0 in double,
// 0.1 is not 1/10): each reader gives exactly the rational the text denotes.
annealcheck::numeric::Rational integer(const std::string& digits) { return annealcheck::numeric::parse_rational(digits).value; }
annealcheck::numeric::Rational pow10(int n) {  // built without "1" + std::string (GCC 12 -Wrestrict false positive)
  std::string t(static_cast<std::size_t>(n) + 1, '0');
  t[0] = '1';
  return integer(t);
}
constexpr const char* kForty = "1.234567890123456789012345678901234567891";
const annealcheck::numeric::Rational kFortyValue = integer("1234567890123456789012345678901234567891") / pow10(39);
const annealcheck::numeric::Rational kTiny = annealcheck::numeric::Rational(1) / pow10(400);

TEST(ExactNumbers, FortyDigitsAnd1eMinus400RoundTripThroughEveryReader) {
  using annealcheck::numeric::Rational;
  const auto j = parse_exact_json(std::string(R"({"a": )") + kForty + R"(, "b": 1e-400, "v": [)" + kForty +
                                      R"(, 1e-400, "1e-400", 0.1], "n": 12345678901234567890, "rows": [[3, "-4"]]})", "d");
  EXPECT_EQ(exact_number(j["a"], "a").text, kForty);
  EXPECT_EQ(read_rational(j, "a"), kFortyValue);
  EXPECT_EQ(read_rational(j, "b"), kTiny);
  const auto v = read_rationals(j, "v");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0], kFortyValue);
  EXPECT_EQ(v[1], kTiny);
  EXPECT_EQ(v[2], kTiny);
  EXPECT_EQ(v[3], Rational(1, 10));
  EXPECT_EQ(exact_number(j["n"], "n").value, integer("12345678901234567890"));
  EXPECT_EQ(read_int_rows(j, "rows", -10, 10), (std::vector<std::vector<int>>{{3, -4}}));
  // written back and read again: equal
  EXPECT_EQ(read_rationals(parse_exact_json(nlohmann::json{{"v", rational_texts(v)}}.dump(), "again"), "v"), v);
}

TEST(ExactNumbers, ADoubleIsRefusedNotRounded) {
  const nlohmann::json rounded = nlohmann::json::parse(R"({"x": 0.1})");  // nlohmann's parse: already a double
  try {
    read_rational(rounded, "x");
    FAIL() << "a double was read as a number";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "x");
    EXPECT_NE(std::string(e.what()).find("already rounded to a double"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_rational(nlohmann::json::parse(R"({"x": 7})"), "x"), annealcheck::numeric::Rational(7));  // integers are exact
}

TEST(ReadTextFile, StopsAtTheSizeLimit) {  // issue 12: `eval /dev/zero` read until bad_alloc
  try {
    read_text_file("/dev/zero", "instance", "a file");
    FAIL() << "/dev/zero was read whole";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "instance");
    EXPECT_NE(e.expected().find(std::to_string(limits::kMaxInputBytes)), std::string::npos) << e.what();
  }
  const auto p = std::filesystem::temp_directory_path() / ("exact_json_test_" + std::to_string(::getpid()));
  std::ofstream(p) << "{\"a\": 1}";
  EXPECT_EQ(read_text_file(p.string(), "f", "e"), "{\"a\": 1}");
  std::filesystem::remove(p);
}

TEST(Describe, NeverDumpsAWholeValue) {
  const std::string big(1000000, 'x');
  EXPECT_LE(describe(nlohmann::json(big)).size(), limits::kQuoteChars + 40);
  nlohmann::json deep = 1;
  for (int i = 0; i < 200000; ++i) deep = nlohmann::json::array({std::move(deep)});
  EXPECT_EQ(describe(deep), "an array of 1 items");
  EXPECT_EQ(describe(nlohmann::json::object()), "an object of 0 members");
}

TEST(Quote, CutsEscapesAndCounts) {
  EXPECT_EQ(annealcheck::quote("abc"), "\"abc\"");
  EXPECT_EQ(annealcheck::quote("a\"b\n"), "\"a\\\"b\\x0a\"");
  const std::string q = annealcheck::quote(std::string(1000, 'y'));
  EXPECT_EQ(q, "\"" + std::string(limits::kQuoteChars, 'y') + "\"... (1000 bytes)");
}

TEST(InputErrorMessage, IsOneShortLineWhateverTheInput) {
  const InputError e(std::string(100000, 'k'), std::string(1000000, 'v') + "\n", "x\ny");
  const std::string m = e.what();
  EXPECT_EQ(m.find('\n'), std::string::npos);
  EXPECT_LT(m.size(), 1000u);
  EXPECT_NE(m.find("(100000 bytes)"), std::string::npos);
}

}  // namespace
