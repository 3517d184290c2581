// list / check / replay / verify through the real binary (issue 4): reports on
// disk that validate against the schema and replay to identical digits, bad input
// exiting 2 with nothing written, verdicts independent of --jobs, and no partial
// report after a kill -9.
#include "cli/run_annealcheck.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

using Result = annealcheck::testing::CliResult;

Result run(const std::string& args) { return annealcheck::testing::run_annealcheck(args); }

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("annealcheck_reports_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(d);
  return d;
}

std::size_t files_in(const fs::path& d) {
  if (!fs::exists(d)) return 0;
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(d), fs::directory_iterator()));
}

TEST(ListCli, ShowsEveryPropertyWithItsExpectation) {
  const Result r = run("list --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  int refuted = 0;
  for (const auto& p : j) {
    EXPECT_FALSE(p["statement"].get<std::string>().empty());
    refuted += p["expected"] == "refuted";
  }
  EXPECT_EQ(refuted, 5);  // F1–F5
  EXPECT_GE(j.size(), 15u);
}

TEST(CheckCli, RefutationWritesAReportThatValidatesAndReplays) {
  const fs::path dir = fresh_dir("f4");
  const Result r = run("check falsify.f4-case30-equal-parameters --type double --report-dir " + dir.string());
  EXPECT_EQ(r.status, 1) << r.err;  // a failed property (here: refuted as expected) exits 1
  const fs::path report = dir / "falsify.f4-case30-equal-parameters-double-2005073600.json";
  ASSERT_TRUE(fs::exists(report)) << r.out;
  ASSERT_TRUE(fs::exists(dir / "falsify.f4-case30-equal-parameters-double-2005073600.md"));
  EXPECT_NE(r.out.find(report.string()), std::string::npos);
  const auto j = nlohmann::json::parse(std::ifstream(report));
  EXPECT_EQ(j["shrunk_size"]["K"], 1);
  EXPECT_GE(j["original_size"]["dim"].get<int>(), 1);
  // The schema kept in the repo (validated with Debian's python3-jsonschema).
  const std::string validate = std::string("/usr/bin/python3 -c \"import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))\" ") +
                               report.string() + " " + ANNEALCHECK_SOURCE_DIR "/schemas/counterexample-report.schema.json";
  EXPECT_EQ(std::system(validate.c_str()), 0) << validate;
  // Replay: the same inequality, identical lhs and rhs.
  const Result rp = run("replay " + report.string());
  EXPECT_EQ(rp.status, 0) << rp.out << rp.err;
  EXPECT_NE(rp.out.find("reproduced"), std::string::npos) << rp.out;
  EXPECT_NE(rp.out.find(j["violation"]["lhs"].get<std::string>()), std::string::npos);
  EXPECT_NE(rp.out.find(j["violation"]["rhs"].get<std::string>()), std::string::npos);
}

TEST(CheckCli, TruePropertyPassesAndReportsTheClosestCase) {
  const fs::path dir = fresh_dir("pass");
  const Result r = run("check lemma2.gf-lower-bound --type double --cases 20 --report-dir " + dir.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("20 cases run"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("closest case"), std::string::npos) << r.out;
  EXPECT_EQ(files_in(dir), 0u);
}

void expect_input_error(const std::string& args, const std::string& fragment, const fs::path& dir) {
  const Result r = run(args);
  EXPECT_EQ(r.status, 2) << args << "\n" << r.out << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << args << "\n" << r.err;
  EXPECT_EQ(files_in(dir), 0u) << args << " wrote files";
}

TEST(ReportsCli, BadInputExitsTwoAndWritesNothing) {
  const fs::path dir = fresh_dir("bad");
  const std::string rd = " --report-dir " + dir.string();
  expect_input_error("check no.such-property" + rd, "no.such-property", dir);
  expect_input_error("check lemma2.gf-lower-bound --type mpq" + rd, "--type", dir);
  expect_input_error("check lemma2.gf-lower-bound --type quad" + rd, "quad", dir);
  expect_input_error("check lemma2.gf-lower-bound --cases 0" + rd, "--cases", dir);
  expect_input_error("check lemma2.gf-lower-bound --max-dim 500" + rd, "--max-dim", dir);
  expect_input_error("verify --types quad --jobs 1" + rd, "quad", dir);
  expect_input_error("verify --jobs 0" + rd, "--jobs", dir);
  expect_input_error("replay /nonexistent/report.json", "cannot be opened", dir);
  fs::create_directories(dir / "in");
  const fs::path truncated = dir / "in" / "truncated.json";
  std::ofstream(truncated) << R"({"schema": "annealcheck/counterexample-report/1", "property": {"id": "falsify.f4)";
  const Result t = run("replay " + truncated.string());
  EXPECT_EQ(t.status, 2);
  EXPECT_NE(t.err.find("malformed or truncated"), std::string::npos) << t.err;
  const fs::path other = dir / "in" / "other.json";
  std::ofstream(other) << R"({"gamma": [1]})";
  const Result o = run("replay " + other.string());
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("schema"), std::string::npos) << o.err;
}

std::string verdict_lines(const std::string& json_text) {
  std::string s;
  const nlohmann::json doc = nlohmann::json::parse(json_text);  // named: a temporary would die before the loop body
  for (const auto& r : doc["rows"])
    s += r["property"].get<std::string>() + " " + r["type"].get<std::string>() + " " + std::to_string(r["cases"].get<int>()) + " " +
         r["verdict"].get<std::string>() + " " + r["smallest_margin"].get<std::string>() + "\n";
  return s;
}

TEST(VerifyCli, SameVerdictsAndMarginsForAnyJobs) {
  const fs::path d1 = fresh_dir("j1"), d2 = fresh_dir("j2");
  const Result a = run("verify --types double --jobs 1 --format json --report-dir " + d1.string());
  const Result b = run("verify --types double --jobs 2 --format json --report-dir " + d2.string());
  ASSERT_EQ(a.status, 0) << a.out << a.err;
  ASSERT_EQ(b.status, 0) << b.out << b.err;
  EXPECT_EQ(verdict_lines(a.out), verdict_lines(b.out));
  EXPECT_EQ(files_in(d1), 10u);  // F1–F5: a .json and a .md each
  EXPECT_EQ(files_in(d2), 10u);
}

// Issue 10: reports named <id>-<seed> overwrote each other across types, and
// verify announced 10 while 5 pairs survived. Each refutation keeps its own pair.
TEST(VerifyCli, LeavesExactlyAsManyReportPairsAsItAnnounces) {
  const fs::path dir = fresh_dir("pairs");
  const Result r = run("verify --types double,mpfr256 --jobs 2 --report-dir " + dir.string());
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  const std::string tail = " refutation report(s) in ";
  const std::size_t at = r.out.rfind(tail);
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::size_t from = r.out.rfind(' ', at - 1) + 1;
  const std::size_t announced = std::stoul(r.out.substr(from, at - from));
  EXPECT_EQ(announced, 10u);  // F1–F5 at double and at mpfr256
  std::set<std::string> runs, types;
  std::size_t json_files = 0, md_files = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.path().extension() == ".md") ++md_files;
    if (f.path().extension() != ".json") continue;
    ++json_files;
    EXPECT_TRUE(fs::exists(fs::path(f.path()).replace_extension(".md"))) << f.path();
    const auto j = nlohmann::json::parse(std::ifstream(f.path()));
    runs.insert(j["property"]["id"].get<std::string>() + "@" + j["type"]["id"].get<std::string>());
    types.insert(j["type"]["id"].get<std::string>());
  }
  EXPECT_EQ(json_files, announced);
  EXPECT_EQ(md_files, announced);
  EXPECT_EQ(runs.size(), announced);  // one report per refutation, none overwritten
  EXPECT_EQ(types, (std::set<std::string>{"double", "mpfr256"}));
}

TEST(VerifyCli, KillNineLeavesNoPartialReport) {
  for (int ms : {700, 1400, 2100}) {  // the double-only catalog takes ~3 s
    const fs::path dir = fresh_dir("kill" + std::to_string(ms));
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string rd = dir.string();
      freopen("/dev/null", "w", stdout);
      execl(ANNEALCHECK_BINARY, ANNEALCHECK_BINARY, "verify", "--types", "double", "--jobs", "2", "--report-dir", rd.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // workers die with verify (PR_SET_PDEATHSIG)
    if (!fs::exists(dir)) continue;
    for (const auto& f : fs::directory_iterator(dir)) {
      const std::string name = f.path().filename().string();
      EXPECT_EQ(name.find(".tmp"), std::string::npos) << "leftover temporary " << name;
      if (f.path().extension() == ".json") {
        std::ifstream in(f.path());
        EXPECT_TRUE(nlohmann::json::accept(in)) << name << " is partial";
      }
    }
  }
}

}  // namespace
