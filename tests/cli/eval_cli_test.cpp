// The annealcheck executable as a new user meets it: bad inputs give a clear
// message naming field/value/expectation, exit status 2 and no output on stdout;
// good ones print every SPEC label. Runs the real binary.
#include "annealcheck/numeric/rational.hpp"

#include "cli/run_annealcheck.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

using Result = annealcheck::testing::CliResult;

Result run(const std::string& args) { return annealcheck::testing::run_annealcheck(args); }

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("annealcheck_cli_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path) << text;
  return path.string();
}

const std::string kGood = R"({"gamma": ["2/3","1/3"], "lambda": ["1/2","1/2"], "delta0": ["-100","-100"], "k": 2, "alpha": "1e-6", "eps": "1e-9", "K": 10})";

void expect_input_error(const std::string& args, const std::string& fragment) {
  const Result r = run(args);
  EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
  EXPECT_TRUE(r.out.empty()) << args << " printed to stdout: " << r.out.substr(0, 200);
  EXPECT_NE(r.err.find(fragment), std::string::npos) << args << "\nstderr: " << r.err;
}

TEST(EvalCli, PrintsEveryLabelWithVerdicts) {
  const Result r = run("eval " + write_temp("good.json", kGood) + " --type double");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* label : {"C1", "C2", "G ", "A.1", "A ", "P1", "P2.S", "P3", "P4", "P5", "E3.min@GF", "E4", "E5"})
    EXPECT_NE(r.out.find(label), std::string::npos) << label;
  EXPECT_NE(r.out.find("PASS"), std::string::npos);
}

// γ_2 = 0 makes M = 0, so (C2) fails: the summary and the JSON count it as a
// premise (the summary once said "premises hold" next to a failing C2).
TEST(EvalCli, SummaryAgreesWithAFailingPremise) {
  const Result r = run("eval " + write_temp("zero_gamma.json", R"({"gamma": ["2/3","0"], "lambda": ["1/2","1/2"], "delta0": ["1","1"], "k": 2})") +
                       " --type double --format json");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  bool c2_fails = false;
  for (const auto& c : j.at("checks"))
    if (c.at("label") == "C2") c2_fails = c.at("verdict") == "FAIL" && c.at("premise").get<bool>();
  EXPECT_TRUE(c2_fails) << r.out.substr(0, 400);
  EXPECT_FALSE(j.at("premises_hold").get<bool>());
}

// Over several blocks the step, the (P4) filter and the flow's sums run on two threads
// (numeric/block_runner.hpp); the report is the same, digit for digit, on one thread.
TEST(EvalCli, OneThreadAndTwoGiveTheSameReport) {
  std::string g, l, d0;
  const int d = 9000;
  for (int i = 0; i < d; ++i) {
    const std::string sep = i ? "," : "";
    g += sep + "\"" + std::to_string(2 * d - i) + "/" + std::to_string(2 * d) + "\"";
    l += sep + "\"" + std::to_string(1 + i % 5) + "\"";
    d0 += sep + "\"" + std::to_string(i % 7 - 3) + "/" + std::to_string(1 + i % 4) + "\"";
  }
  const std::string file = write_temp("blocks.json", "{\"gamma\":[" + g + "],\"lambda\":[" + l + "],\"delta0\":[" + d0 +
                                                         "],\"k\":4500,\"eps\":\"1e-2\",\"K\":40}");
  const std::string args = "eval " + file + " --type mpfr256 --checkpoints 16 --format json";
  const Result two = run(args);
  ::setenv("ANNEALCHECK_THREADS", "1", 1);
  const Result one = run(args);
  ::unsetenv("ANNEALCHECK_THREADS");
  ASSERT_EQ(two.status, one.status) << two.err << one.err;
  const nlohmann::json a = nlohmann::json::parse(two.out), b = nlohmann::json::parse(one.out);
  EXPECT_EQ(a.at("checks"), b.at("checks"));
  EXPECT_EQ(a.at("quantities"), b.at("quantities"));
  EXPECT_GE(a.at("checks").size(), 15U);
}

TEST(EvalCli, Prop1JsonHasSixtyCorrectDigits) {
  const Result a = run("eval --prop1 --alpha 1e-6 --eps 1e-9 --K 10 --type mpfr256 --format json");
  const Result b = run("eval --prop1 --alpha 1e-6 --eps 1e-9 --K 10 --type mpfr:2048 --format json");
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  auto value = [](const std::string& out, const std::string& name) {
    const nlohmann::json j = nlohmann::json::parse(out);
    for (const auto& q : j.at("quantities"))
      if (q["name"] == name) return q["value"].get<std::string>();
    return std::string();
  };
  // At least 60 correct significant digits: |x − ref| ≤ 10^-60·|ref|, decided exactly in rationals.
  using annealcheck::numeric::Rational;
  const Rational tolerance = annealcheck::numeric::parse_rational("1e-60").value;
  for (const char* name : {"L_D(GF)/eps", "L_D(annealed)/eps"}) {
    const std::string x = value(a.out, name), ref = value(b.out, name);
    ASSERT_FALSE(x.empty()) << name;
    const Rational xv = annealcheck::numeric::parse_rational(x).value, rv = annealcheck::numeric::parse_rational(ref).value;
    Rational diff = xv - rv;
    if (diff.sign() < 0) diff = Rational(0) - diff;
    EXPECT_LE(diff, tolerance * rv) << name << ": " << x << " vs " << ref.substr(0, 90);
  }
}

TEST(EvalCli, HelpDocumentsEveryOption) {
  const Result r = run("eval --help");
  EXPECT_EQ(r.status, 0);
  for (const char* opt : {"--prop1", "--alpha", "--eps", "--K", "--type", "--format", "--checkpoints", "--digits"})
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
}

TEST(EvalCli, BadInputsExitTwoWithClearMessages) {
  expect_input_error("eval /nonexistent/instance.json", "cannot be opened");
  expect_input_error("eval " + write_temp("trunc.json", R"({"gamma": ["2/3", )"), "malformed JSON");
  expect_input_error("eval " + write_temp("empty.json", ""), "malformed JSON");
  expect_input_error("eval " + write_temp("mismatch.json", R"({"gamma": [1, 0.5], "lambda": [1], "delta0": [1, 1], "k": 2})"),
                     "length mismatch");
  expect_input_error("eval " + write_temp("unsorted.json", R"({"gamma": [0.5, 1], "lambda": [1, 1], "delta0": [1, 1], "k": 2})"),
                     "sorted descending");
  expect_input_error("eval " + write_temp("neg.json", R"({"gamma": [1, -0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2})"),
                     "negative");
  expect_input_error("eval " + write_temp("nan.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": ["NaN", 1], "k": 2})"),
                     "not finite (NaN)");
  expect_input_error("eval " + write_temp("inf.json", R"({"gamma": [1, 0.5], "lambda": ["inf", 1], "delta0": [1, 1], "k": 2})"),
                     "not finite (infinity)");
  expect_input_error("eval " + write_temp("k.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 5})"),
                     "k out of range");
  expect_input_error("eval " + write_temp("rho.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "rho": 3})"),
                     "larger than the spectrum allows");
  expect_input_error("eval " + write_temp("alpha.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "alpha": 1.5})"),
                     "open interval (0, 1)");
  expect_input_error("eval " + write_temp("eps.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "eps": 0})"),
                     "eps > 0");
  expect_input_error("eval " + write_temp("K.json", R"({"gamma": [1, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2, "K": -3})"),
                     "an integer in 0..1000000");
  expect_input_error("eval " + write_temp("num.json", R"({"gamma": [1, "half"], "lambda": [1, 1], "delta0": [1, 1], "k": 2})"),
                     "gamma[1]");
  expect_input_error("eval --prop1 --alpha 2", "--alpha");
  expect_input_error("eval --prop1 --eps -1", "--eps");
  expect_input_error("eval --prop1 --K -1", "--K");
  expect_input_error("eval --prop1 --type quad", "unknown type id");
  expect_input_error("eval --prop1 --type mpfr:1", "BITS an integer");
  expect_input_error("eval --prop1 --format xml", "--format");
  expect_input_error("eval", "an instance JSON file, or --prop1");
  expect_input_error("frobnicate", "frobnicate");
}

}  // namespace

namespace {

// Issue 12: what used to be misread is now read as written.
TEST(EvalCli, ExponentWithLeadingZerosIsAValidNumber) {
  std::string text = kGood;
  text.replace(text.find("\"1e-9\""), 6, "\"1e-0000009\"");
  const Result r = run("eval " + write_temp("lead0.json", text) + " --type double");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(EvalCli, IntegersAreDecimalNotOctal) {
  const Result a = run("eval --prop1 --K 010 --type double");
  const Result b = run("eval --prop1 --K 10 --type double");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);  // 010 is ten steps, not eight
  EXPECT_NE(a.out.find("GD steps taken"), std::string::npos);
}

TEST(EvalCli, LimitsAreListed) {
  const Result r = run("limits --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  for (const char* k : {"max_dimension", "max_stepwise_K", "max_checkpoints", "max_input_bytes", "max_nesting", "max_bits"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["max_nesting"]["value"], 64);
  EXPECT_NE(run("eval --help").out.find("annealcheck limits"), std::string::npos);
}

}  // namespace
