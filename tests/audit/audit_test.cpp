// The audit end to end (audit/audit.hpp): Proposition 1 and the four hazard
// instances of SPEC §6 kept in instances/hazards/, plot, bad input, --property.
#include "annealcheck/audit/audit.hpp"

#include "annealcheck/audit/plot.hpp"
#include "annealcheck/audit/property_audit.hpp"
#include "annealcheck/audit/render.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace annealcheck;
namespace fs = std::filesystem;

namespace {

const std::string source_dir = ANNEALCHECK_SOURCE_DIR;

audit::AuditResult run(const engine::Problem& p, const std::string& types, bool closed_form = false) {
  audit::AuditOptions o;
  if (!types.empty()) o.ladder = audit::parse_ladder(types);
  o.closed_form = closed_form;
  return audit::run_audit(p, o);
}

audit::AuditResult hazard(const std::string& name, const std::string& types = "", bool closed_form = false) {
  return run(model::read_instance_file(source_dir + "/instances/hazards/" + name + ".json"), types, closed_form);
}

const audit::RungAudit& rung(const audit::AuditResult& a, const std::string& id) {
  for (const auto& r : a.rungs)
    if (r.type_id == id) return r;
  throw std::runtime_error("no rung " + id);
}

const audit::QuantityAudit& quantity(const audit::RungAudit& r, const std::string& id) {
  for (const auto& q : r.quantities)
    if (q.id == id) return q;
  throw std::runtime_error("no quantity " + id);
}

bool first_problem_mentions(const audit::RungAudit& r, const std::string& what) {
  return !r.problems.empty() && r.problems.front().find(what) != std::string::npos;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Audit, Prop1NamesDoubleAndFlagsFloat) {
  const auto a = run(engine::prop1_case21("1e-8", "1e-30", 200), "float,double,mpfr128");
  ASSERT_TRUE(a.summary.smallest_sufficient.has_value());
  EXPECT_EQ(*a.summary.smallest_sufficient, "double");
  EXPECT_FALSE(rung(a, "float").sufficient);
  bool float_p1_named = false;
  for (const auto& p : rung(a, "float").problems) float_p1_named = float_p1_named || p.find("P1: not representable in float") != std::string::npos;
  EXPECT_TRUE(float_p1_named);
  for (const auto& r : a.rungs)
    for (const auto& c : r.checks) {
      // float: M/eps = 1e41 overflows, so ln(M/eps)/(4 gamma_k) is inf: (P1) is not representable
      // in float (never PASS, and no flip either), and the audit names it as float's problem.
      const bool float_p1 = r.type_id == "float" && c.label == "P1";
      if (float_p1) {
        EXPECT_EQ(c.verdict, "UNREPR");
        EXPECT_FALSE(c.agrees.has_value());
      } else if (c.verdict == "ROUNDING") {
        EXPECT_FALSE(c.agrees.has_value()) << r.type_id << " " << c.label;  // the rung claims nothing
      } else {
        ASSERT_TRUE(c.agrees.has_value()) << r.type_id << " " << c.label << " " << c.verdict;  // the reference decided everything
        EXPECT_TRUE(*c.agrees) << r.type_id << " " << c.label;
      }
      // Every evaluated margin, stepwise ones included (at the rung's own step or checkpoint), has its digits.
      if (c.margin.value) {
        EXPECT_TRUE(c.margin.digits.has_value()) << r.type_id << " " << c.label << " at " << c.where;
      }
    }
  // mpfr128 gets about 37 digits of L_D at the GF stop (conditioning 4γT ≈ 190 costs ~2).
  const auto& q = quantity(rung(a, "mpfr128"), interval::quantity::gf_population_loss);
  EXPECT_GT(q.digits->value, 35);
  EXPECT_LT(q.digits->value, 38.6);
}

TEST(Audit, Hazard1EtaRoundingDriftFlagsDoubleInGd) {
  const auto a = hazard("eta_rounding_drift", "float,double,mpfr:64");
  const auto& d = rung(a, "double");
  EXPECT_FALSE(d.sufficient);
  EXPECT_TRUE(first_problem_mentions(d, "GD trajectory")) << d.problems.front();
  EXPECT_FALSE(rung(a, "float").sufficient);
  ASSERT_TRUE(a.summary.smallest_sufficient.has_value());
  EXPECT_EQ(*a.summary.smallest_sufficient, "mpfr:64");
}

TEST(Audit, Hazard2NearTieChangesPAndTheBound) {
  const auto a = hazard("near_degenerate_top");
  for (const char* low : {"float", "double", "long-double", "mpfr:64"}) {
    const auto& r = rung(a, low);
    EXPECT_FALSE(r.sufficient) << low;
    EXPECT_TRUE(first_problem_mentions(r, "P = {1,2} but exactly P = {1}")) << low << ": " << r.problems.front();
    EXPECT_LT(quantity(r, interval::quantity::bound_A).digits->value, 1) << low;
  }
  ASSERT_TRUE(a.summary.smallest_sufficient.has_value());
  EXPECT_EQ(*a.summary.smallest_sufficient, "float128");
}

TEST(Audit, Hazard3UnderflowLosesThePopulationLossInDouble) {
  const auto a = hazard("flow_underflow");
  const auto& d = rung(a, "double");
  EXPECT_FALSE(d.sufficient);
  EXPECT_TRUE(first_problem_mentions(d, interval::quantity::gf_population_loss)) << d.problems.front();
  EXPECT_LT(quantity(d, interval::quantity::gf_population_loss).digits->value, 1);
  ASSERT_TRUE(a.summary.smallest_sufficient.has_value());
  EXPECT_EQ(*a.summary.smallest_sufficient, "long-double");
}

TEST(Audit, Hazard4ClosedFormCancelsWhileTheHarnessIsImmune) {
  const auto a = hazard("closed_form_cancellation", "", true);
  for (const char* low : {"double", "long-double", "float128", "mpfr128"}) {
    const auto& r = rung(a, low);
    EXPECT_FALSE(r.sufficient) << low;
    EXPECT_LT(quantity(r, interval::quantity::closed_form_time).digits->value, 1) << low;
    // The harness's own T (Newton in log space) is fine at the same rung.
    EXPECT_GT(quantity(r, interval::quantity::gf_time).digits->value, 15) << low;
  }
  ASSERT_TRUE(a.summary.smallest_sufficient.has_value());
  EXPECT_GT(a.summary.smallest_sufficient_bits, 113);
  // Without --closed-form the same instance is fine from double up.
  const auto b = hazard("closed_form_cancellation", "double,float128");
  EXPECT_EQ(*b.summary.smallest_sufficient, "double");
}

TEST(Audit, ClosedFormNeedsTwoToOneRates) {
  EXPECT_THROW(hazard("near_degenerate_top", "double", true), InputError);
}

TEST(Audit, BadOptions) {
  EXPECT_THROW(audit::parse_ladder("double,mpfi:100"), InputError);
  EXPECT_THROW(audit::parse_ladder("double,mpq"), InputError);
  EXPECT_THROW(audit::parse_ladder("double,double"), InputError);
  EXPECT_THROW(audit::parse_ladder("double,,float"), InputError);
  EXPECT_THROW(audit::parse_reference("double"), InputError);
  EXPECT_EQ(audit::parse_reference("mpfi:300"), 300);
  audit::AuditOptions o;
  o.ladder = audit::parse_ladder("double,mpfr256");
  o.reference_bits = 260;  // not strictly more precise than mpfr256 by 32 bits
  EXPECT_THROW(audit::run_audit(engine::prop1_case21("1e-6", "1e-9", 2), o), InputError);
}

TEST(Audit, PlotHasOneLinePerQuantityAndIsWrittenAtomically) {
  const auto a = hazard("near_degenerate_top", "double,float128,mpfr256");
  const fs::path dir = fs::temp_directory_path() / ("annealcheck-audit-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string svg = (dir / "digits.svg").string(), png = (dir / "digits.png").string();
  audit::write_plot(a, svg);
  audit::write_plot(a, png);
  const std::vector<audit::DigitSeries> series = audit::digit_series(a);
  const std::string text = read(svg);
  std::size_t n = 0;
  for (const auto& s : series) {
    ++n;
    EXPECT_NE(text.find("<g id=\"gnuplot_plot_" + std::to_string(n) + "\" ><title>" + s.name + "</title>"), std::string::npos) << s.name;
  }
  EXPECT_EQ(text.find("gnuplot_plot_" + std::to_string(n + 1)), std::string::npos);
  EXPECT_EQ(series.size(), 8u);  // 7 counted quantities + the worst margin
  EXPECT_EQ(read(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // A bad target: InputError, and nothing (not even a temporary) is left behind.
  EXPECT_THROW(audit::write_plot(a, (dir / "digits.gif").string()), InputError);
  EXPECT_THROW(audit::write_plot(a, (dir / "missing" / "x.png").string()), InputError);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 2u);
  fs::remove_all(dir);
}

TEST(Audit, PropertyAuditCountsDisagreementsAndWritesReports) {
  const fs::path dir = fs::temp_directory_path() / ("annealcheck-audit-reports-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  audit::AuditOptions o;
  o.ladder = audit::parse_ladder("float,double");
  // Found by `audit --property lemma2.gf-lower-bound --types float,double` (seed 1, case 0): eps
  // = 7.9e-39, below float's smallest normal number but representable, makes float's (G) at the
  // checkpoints n/a where the reference proves it: a real flip. The second case (found with the
  // former built-in random source) has eps = 4.751e-57, which float cannot hold at all: that is
  // float's error on the case, named with the field and the smallest rung that holds it (as
  // `eval --type float` refuses it), not a flip of float's verdicts. Hazard 2 disagrees nowhere
  // (it only loses digits).
  const auto flip = model::instance_from_json(io::parse_exact_json(R"({"K": 88, "alpha": "1/10000",
      "delta0": ["232505625/8", "1/16000000", "403/3200000"], "eps": "342863101581/43556142965880123323311949751266331066368000000000",
      "gamma": ["23750000", "94999905/4", "10555545/4"], "k": 3, "lambda": ["4700000000", "6137/2", "6181/20000"], "rho": "4/5"})", "flip"), "flip");
  const auto underflow = model::instance_from_json(io::parse_exact_json(R"({"K": 30, "alpha": "1/50",
      "delta0": ["1159/25000", "4990", "2667", "-144", "3133/1000000"], "eps": "4.751e-57",
      "gamma": ["8980000", "8980000", "359/4000", "1861/250000", "4559/1000000"], "k": 5,
      "lambda": ["2269/100", "1307", "4983/100000", "6359/10", "5251/10000"]})", "underflow"), "underflow");
  const auto h2 = model::read_instance_file(source_dir + "/instances/hazards/near_degenerate_top.json");
  const audit::PropertyAuditResult r = audit::audit_cases("test.hazards", {flip, h2, underflow}, 7, o, dir.string());
  ASSERT_EQ(r.rungs.size(), 2u);
  EXPECT_EQ(r.rungs[0].cases, 3u);
  EXPECT_EQ(r.rungs[0].disagreements, 1u);
  ASSERT_EQ(r.rungs[0].errors, 1u);
  EXPECT_EQ(r.rungs[0].error_cases[0].case_index, 2u);
  const std::string& why = r.rungs[0].error_cases[0].text;
  for (const char* part : {"'eps'", "not representable in float: underflows to 0", "--type double"})
    EXPECT_NE(why.find(part), std::string::npos) << part << " in: " << why;
  EXPECT_EQ(r.rungs[1].disagreements, 0u);
  EXPECT_EQ(r.rungs[1].errors, 0u);
  EXPECT_GT(r.rungs[1].worst_digits_lost, 10);  // hazard 2 loses all of bound A in double
  ASSERT_EQ(r.reports.size(), 1u);
  const auto report = nlohmann::json::parse(read(r.reports[0]));
  EXPECT_EQ(report["type"], "float");
  EXPECT_EQ(report["case"], 0);
  EXPECT_FALSE(report["disagreements"].empty());
  // The report's instance reads back as a valid instance equal to the one audited.
  const auto back = model::instance_from_json(io::parse_exact_json(report["instance"].dump(), "report"), "report");
  EXPECT_TRUE(back.gamma[2].value == flip.gamma[2].value && back.eps.value == flip.eps.value);
  bool g_flipped = false;
  for (const auto& d : report["disagreements"])
    g_flipped = g_flipped || (d["label"] == "G@GF" && d["verdict"] == "n/a" && d["reference_verdict"] == "proved");
  EXPECT_TRUE(g_flipped);
  fs::remove_all(dir);
}


TEST(Audit, NoGdStepProofFactsAgreeWithTheReference) {
  // K = 0: no GD step, so (P3)–(P5) are n/a in every rung (StepwiseFacts saw no step)
  // and in the reference (reference_premises.hpp p_facts with s = 0); they used to
  // disagree (n/a against "proved") at every rung of `audit --property lemma2.gf-lower-bound`.
  const auto k0 = model::instance_from_json(
      io::parse_exact_json(R"({"gamma":["1","1/2"],"lambda":["1","1"],"delta0":["1","1"],"k":2,"alpha":"1/10000","eps":"1/2","K":0})", "k0"), "k0");
  const audit::AuditResult a = run(k0, "double,mpfr128");
  for (const char* t : {"double", "mpfr128"}) {
    int seen = 0;
    for (const auto& c : rung(a, t).checks)
      if (c.label == "P3" || c.label == "P4" || c.label == "P5") {
        ++seen;
        EXPECT_EQ(c.verdict, "n/a") << t << " " << c.label;
        EXPECT_EQ(c.reference, interval::Certainty::NotApplicable) << t << " " << c.label;
        ASSERT_TRUE(c.agrees.has_value()) << t << " " << c.label;
        EXPECT_TRUE(*c.agrees) << t << " " << c.label;
      }
    EXPECT_EQ(seen, 3) << t;
  }
}

TEST(Audit, ValuesBeyondMpfrRangeAreAuditedNotErrors) {
  // γ_1 = γ_2 = 1/2, γ_3 = 1e-9: T ≈ 1.2e9, so δ_1(t), δ_2(t) and L_S(δ_GF(T)) fall to
  // about e^(−1.15e9) ≈ 2^(−1.66e9): below MPFR's default range (2^(−2^30)), inside
  // cpp_bin_float50's and mpf_t's. Both rungs used to end in "inexact conversion of a
  // ... value to MPFR"; now the coordinates are compared as MPFR rounds them (as the
  // reference sees them) and (P2.S), whose lhs is out of range, keeps its verdict and
  // says why its sides are not audited.
  const auto s = model::instance_from_json(io::parse_exact_json(
      R"({"gamma":["1/2","1/2","1/1000000000"],"lambda":["1","1","1"],"delta0":["1","1","1"],"k":3,"alpha":"1/2","eps":"1/10000000000","K":0})", "s"), "s");
  const audit::AuditResult a = run(s, "cpp_bin_float50,gmp_float50");
  for (const char* t : {"cpp_bin_float50", "gmp_float50"}) {
    const audit::RungAudit& r = rung(a, t);
    EXPECT_EQ(r.error, "") << t;
    EXPECT_FALSE(r.trajectory.empty()) << t;
    bool p2s = false;
    for (const auto& c : r.checks)
      if (c.label == "P2.S") {
        p2s = true;
        EXPECT_EQ(c.verdict, "PASS") << t;
        EXPECT_TRUE(c.agrees.value_or(false)) << t;
        EXPECT_FALSE(c.has_sides) << t;
        EXPECT_NE(c.note.find("P2.S lhs"), std::string::npos) << t << ": " << c.note;
        EXPECT_NE(c.note.find("outside MPFR's exponent range"), std::string::npos) << t << ": " << c.note;
      }
    EXPECT_TRUE(p2s) << t;
  }
}

TEST(Audit, PropertyAuditShowsEachErrorText) {
  // The errors a property audit counts carry the rung's message, in the table and the JSON.
  audit::PropertyAuditResult r;
  r.property = "test.errors";
  r.cases = 3;
  audit::PropertyRungStats st;
  st.type_id = "gmp_float50";
  st.bits = 168;
  st.cases = 3;
  st.errors = 1;
  st.error_cases.push_back({2, "quantity T = 1e-99999999999 in gmp_float50 lies outside MPFR's exponent range"});
  r.rungs.push_back(st);
  const std::string table = audit::render_property_table(r);
  EXPECT_NE(table.find("gmp_float50 case 2: quantity T = 1e-99999999999"), std::string::npos) << table;
  const nlohmann::json j = audit::render_property_json(r);
  ASSERT_EQ(j["rungs"][0]["error_cases"].size(), 1u);
  EXPECT_EQ(j["rungs"][0]["error_cases"][0]["case"], 2);
  EXPECT_EQ(j["rungs"][0]["error_cases"][0]["error"], st.error_cases[0].text);
}
