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

std::string error_of(const std::string& text, Numbers n = Numbers::Text) {
  try {
    parse_json(text, "doc.json", n);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ParseJson, NestingUpToTheLimitParses) {
  EXPECT_NO_THROW(parse_json(nested(limits::kMaxNesting), "doc.json", Numbers::Text));
  EXPECT_NO_THROW(parse_json(nested(limits::kMaxNesting), "doc.json", Numbers::Native));
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
  EXPECT_NE(error_of(objects, Numbers::Native).find("nested deeper"), std::string::npos);
}

TEST(ParseJson, ArraysAndObjectsAreBounded) {
  std::string a = "[0";
  for (std::size_t i = 0; i < limits::kMaxArrayItems; ++i) a += ",0";
  EXPECT_NE(error_of(a + "]").find("more than " + std::to_string(limits::kMaxArrayItems) + " items"), std::string::npos);
  std::string o = "{\"k0\":0";
  for (std::size_t i = 1; i <= limits::kMaxObjectMembers; ++i) o += ",\"k" + std::to_string(i) + "\":0";
  EXPECT_NE(error_of(o + "}").find("members"), std::string::npos);
}

TEST(ParseJson, NumbersKeepTheirTextOrAreNative) {
  const auto t = parse_json(R"({"x": 0.1, "n": 7})", "d", Numbers::Text);
  EXPECT_EQ(t["x"], "0.1");
  EXPECT_EQ(t["n"], "7");
  const auto n = parse_json(R"({"x": 0.5, "n": 7})", "d", Numbers::Native);
  EXPECT_EQ(n["x"].get<double>(), 0.5);
  EXPECT_EQ(n["n"].get<int>(), 7);
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
