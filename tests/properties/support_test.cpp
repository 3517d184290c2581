// Unit tests of the property machinery (ctest label `unit`): exact showValue for
// every multiprecision type, the generators' invariants (premises hold on every
// generated case *and on every shrink*, no construction failure, the tags the
// suite relies on occur, same seed same cases), and the registry API.
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/numeric/cpp_bin_float_traits.hpp"
#include "annealcheck/numeric/float128_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfi_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/registry.hpp"
#include "reports/report_schema.hpp"
#include "properties/support/exact_gen.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/show.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>

namespace {

namespace ap = annealcheck::properties;
namespace an = annealcheck::numeric;
using an::Rational;

// rc::toString(x) without the " [type]" suffix.
template <class T>
std::string shown(const T& x) {
  std::string s = rc::toString(x);
  return s.substr(0, s.rfind(" ["));
}

const std::vector<Rational> kSamples{Rational(1, 3), Rational(-2, 7) * ap::gen::pow10(-30), Rational(12345678, 1000),
                                     ap::gen::pow10(300) * Rational(7, 3), ap::gen::pow10(-300) / Rational(3), Rational(1) - ap::gen::pow10(-40)};

template <class T>
void expect_round_trip() {
  for (const Rational& q : kSamples) {
    const T x = an::number_traits<T>::from_rational(q);
    const std::string text = shown(x);
    if constexpr (std::is_same_v<T, an::gmp_float50>) {
      // mpf reads text by truncation at a limb-rounded precision, so compare the
      // printed rational with the exact value of x instead (mpq_set_f is exact).
      Rational exact;
      mpq_set_f(exact.get(), x.backend().data());
      EXPECT_TRUE(an::parse_rational(text).value == exact) << text;
    } else {
      EXPECT_TRUE(an::parse_number<T>(text) == x) << an::number_traits<T>::id() << ": " << text;
    }
    std::string tag = "[";  // (built in steps: GCC 12 warns falsely on "[" + std::string + "]")
    tag += an::number_traits<T>::id();
    tag += "]";
    EXPECT_NE(rc::toString(x).find(tag), std::string::npos);
  }
}

TEST(ShowValue, PrintsEveryMultiprecisionTypeExactly) {
  expect_round_trip<an::float128>();
  expect_round_trip<an::mpfr128>();
  expect_round_trip<an::mpfr256>();
  expect_round_trip<an::mpfr1024>();
  expect_round_trip<an::cpp_bin_float50>();
  expect_round_trip<an::cpp_bin_float100>();
  expect_round_trip<an::gmp_float50>();
  expect_round_trip<an::mpq>();
  an::scoped_mpfr_bits bits(300);
  expect_round_trip<an::mpfr_dynamic>();
}

TEST(ShowValue, IntervalsPrintAnEnclosure) {
  for (const Rational& q : kSamples) {
    const an::mpfi256 x = an::number_traits<an::mpfi256>::from_rational(q);
    const std::string s = shown(x);  // "[lo, hi]" rounded outward
    const auto comma = s.find(", ");
    const auto lo = an::parse_rational(s.substr(1, comma - 1)).value, hi = an::parse_rational(s.substr(comma + 2, s.size() - comma - 3)).value;
    EXPECT_TRUE(lo <= q && q <= hi) << s;
  }
}

TEST(ShowValue, ExactInputs) {
  EXPECT_EQ(rc::toString(Rational(-4, 6)), "-2/3");
  EXPECT_EQ(rc::toString(annealcheck::model::exact(std::string("1e-3"))), "1e-3 (= 1/1000)");
}

// Walks up to `budget` nodes of a shrink tree, calling f on every value.
template <class T, class F>
void walk(const rc::Shrinkable<T>& s, int& budget, F&& f) {
  if (budget-- <= 0) return;
  f(s.value());
  auto shrinks = s.shrinks();
  int taken = 0;
  while (auto next = shrinks.next()) {
    if (++taken > 3) break;  // the first few shrinks of each node: depth over breadth
    walk(*next, budget, f);
  }
}

void expect_premises(const ap::Lemma2Case& c, ap::Premises p) {
  const auto& s = c.spec;
  ASSERT_NO_THROW(annealcheck::model::validate(s)) << ap::to_json(c).dump();
  ASSERT_TRUE(s.eps.value > ap::gen::pow10(-261)) << "eps below the range kept for double";
  switch (p) {
    case ap::Premises::C1C2:
      EXPECT_TRUE(ap::c1_holds(s)) << ap::to_json(c).dump();
      EXPECT_TRUE(ap::c2_holds(s, false)) << ap::to_json(c).dump();
      break;
    case ap::Premises::C2Prime: {
      EXPECT_TRUE(ap::c2_holds(s, true)) << ap::to_json(c).dump();
      Rational loss;
      for (std::size_t i = 0; i < s.dim(); ++i) loss = loss + s.gamma[i].value * s.delta0[i].value * s.delta0[i].value;
      EXPECT_TRUE(s.eps.value <= loss);
      break;
    }
    case ap::Premises::C1Prime: {
      Rational top;
      for (std::size_t i = 0; i < s.dim() && s.gamma[i].value == s.gamma[0].value; ++i)
        top = top + s.gamma[0].value * s.delta0[i].value * s.delta0[i].value;
      EXPECT_TRUE(s.eps.value < top);
      EXPECT_TRUE(s.gamma[1].value == s.gamma[0].value) << "C1' cases have a tied top eigenspace";
      break;
    }
    case ap::Premises::C1Only: EXPECT_TRUE(ap::c1_holds(s)); break;
  }
}

TEST(Generators, PremisesHoldOnEveryCaseAndEveryShrink) {
  for (ap::Premises p : {ap::Premises::C1C2, ap::Premises::C2Prime, ap::Premises::C1Prime, ap::Premises::C1Only}) {
    const auto gen = ap::lemma2_case({64, p, 10000, false});
    for (int i = 0; i < 150; ++i) {
      const auto shrinkable = gen(rc::Random(1000 + i), i % 101);
      int budget = i < 10 ? 60 : 1;  // the shrink tree of the first cases
      walk(shrinkable, budget, [&](const ap::Lemma2Case& c) { expect_premises(c, p); });
    }
  }
}

TEST(Generators, TheSuitesCasesOccur) {
  const auto gen = ap::lemma2_case({64, ap::Premises::C1C2, 10000, false});
  std::map<std::string, int> tags;
  const int n = 500;
  for (int i = 0; i < n; ++i)
    for (const auto& t : ap::facts(gen(rc::Random(7 + i), i % 101).value()).tags) ++tags[t];
  for (const char* t : {"top-tie", "tie-below-top", "near-degenerate<1e-20", "span>=1e30", "K=0", "gap-at-split<1e-10", "zero-in-delta0", "d>=16"})
    EXPECT_GE(tags[t], n / 50) << t << " occurs in fewer than 2% of the cases";
}

TEST(Generators, ShrinkTowardSimpleNumbers) {
  // The fully shrunk simple number is 1; the shrunk unit-interval value is 1/2.
  auto s = ap::gen::simple_positive(8)(rc::Random(3), 50);
  for (int guard = 0; guard < 1000; ++guard) {
    auto next = s.shrinks().next();
    if (!next) break;
    s = *next;
  }
  EXPECT_EQ(s.value().value(), Rational(1));
  auto u = ap::gen::open_unit_interval()(rc::Random(5), 50);
  while (auto next = u.shrinks().next()) u = *next;
  EXPECT_EQ(u.value(), Rational(1, 2));
}

TEST(Generators, SameSeedSameCases) {
  const auto gen = ap::lemma2_case({64, ap::Premises::C1C2, 10000, false});
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(ap::to_json(gen(rc::Random(99 + i), 60).value()).dump(), ap::to_json(gen(rc::Random(99 + i), 60).value()).dump());
}

TEST(Registry, CatalogIsSortedWithUniqueIdsAndEveryTypeAtLeastDoubleAndMpfr256) {
  const auto& cat = ap::catalog();
  ASSERT_GE(cat.size(), 20u);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < cat.size(); ++i) {
    EXPECT_TRUE(ids.insert(cat[i].id).second);
    if (i > 0) {
      EXPECT_LT(cat[i - 1].id, cat[i].id);
    }
    std::set<std::string> types(cat[i].types.begin(), cat[i].types.end());
    EXPECT_TRUE(types.count("double") && types.count("mpfr256")) << cat[i].id;
    EXPECT_FALSE(cat[i].statement.empty());
  }
}

TEST(Registry, BadInputNamesTheField) {
  try {
    ap::property_info("lemma2.nope");
    FAIL();
  } catch (const annealcheck::InputError& e) {
    EXPECT_EQ(e.field(), "property");
  }
  ap::RunOptions o;
  o.type = "float";
  try {
    ap::run_property("lemma2.gf-lower-bound", o);
    FAIL();
  } catch (const annealcheck::InputError& e) {
    EXPECT_EQ(e.field(), "type");
  }
  o.type = "double";
  o.max_dim = 1;
  EXPECT_THROW(ap::run_property("lemma2.gf-lower-bound", o), annealcheck::InputError);
  EXPECT_THROW(ap::check_case("lemma2.gf-lower-bound", "double", nlohmann::json{{"gamma", {"1"}}}), annealcheck::InputError);
}

TEST(Registry, CheckCaseOnAnInstanceFile) {
  // Proposition 1's numbers as an ordinary instance: gamma = (2/3, 1/3), delta0 = (-100, -100), alpha = 1/2.
  const nlohmann::json j = nlohmann::json::parse(R"({"gamma": ["2/3", "1/3"], "lambda": ["1/2", "1/2"], "delta0": ["-100", "-100"],
                                                     "k": 2, "alpha": "1/2", "eps": "1/1000", "K": 3})");
  const ap::CaseReport r = ap::check_case("lemma2.gf-lower-bound", "mpfr256", j);
  EXPECT_TRUE(r.verdict.holds) << ap::render_verdict(r.verdict);
  EXPECT_EQ(r.verdict.label, "G");
  EXPECT_EQ(r.verdict.type_id, "mpfr256");
  EXPECT_EQ(r.dim, 2u);
}

TEST(Registry, ChecksReportInstancesOutsideThePremises) {
  // F1's shrunk counterexample: (C1) holds, (C2) does not (eps^rho sum_S = 1/2 > alpha M^2 = 1/40000).
  const nlohmann::json j = nlohmann::json::parse(R"({"gamma": ["1", "1/2"], "lambda": ["1", "1"], "delta0": ["1", "1"],
                                                     "k": 2, "alpha": "1/10000", "eps": "1/2", "K": 0})");
  for (const char* type : {"double", "mpfr256"}) {
    const ap::CaseReport g = ap::check_case("lemma2.gf-lower-bound", type, j);
    EXPECT_FALSE(g.verdict.holds);
    EXPECT_EQ(g.verdict.label, "C2 (premise, constructed)") << ap::render_verdict(g.verdict);
    // (A) needs only (C1): it holds here.
    EXPECT_TRUE(ap::check_case("lemma2.annealed-upper-bound", type, j).verdict.holds);
    // ... and the falsification claim F1 evaluates (G) itself on it, which fails.
    const ap::CaseReport f1 = ap::check_case("falsify.f1-g-without-c2", type, j);
    EXPECT_FALSE(f1.verdict.holds);
    EXPECT_EQ(f1.verdict.label, "G (no C2)");
  }
}

// Issue: the default-seed run of lemma2.strengthened-gf-lower-bound at double (2244
// cases) failed at case ~490 with "C2' (premise, constructed) fails", lhs = rhs = 0.
// Its shrunk case: Σ_S γ_iδ_i(0)² = 0 exactly (δ_1(0) = 0, allowed under (C2′)), so
// (C2′) holds by construction; but ρ = 999 and M′ = 1e−3 make α M′^{1+ρ} underflow in
// double, and the value form 0 ≤ 0 is undecidable there. The premise is now decided on
// the exact instance, and (G) itself is checked.
TEST(Registry, ConstructedC2PrimeWithNoSMassHoldsInEveryType) {
  const auto j = nlohmann::json::parse(R"({"K":0,"alpha":"1/2","checkpoints":1,"delta0":["0","1"],"eps":"1/1000",
                                           "gamma":["1","1/1000"],"k":2,"lambda":["1","1"]})");
  for (const std::string type : {"double", "mpfr256"}) {
    const ap::CaseReport r = ap::check_case("lemma2.strengthened-gf-lower-bound", type, j);
    EXPECT_TRUE(r.verdict.holds) << type << ": " << ap::render_verdict(r.verdict);
    EXPECT_EQ(r.verdict.label, "G") << type;
    EXPECT_EQ(r.verdict.outcome, "holds") << type;
  }
  // S-mass that is tiny but not zero is still decided in logs: ε far too large fails (C2′).
  auto k = j;
  k["delta0"] = {"1/1000000", "1"};
  k["eps"] = "1/100";  // ρ ln ε + ln Σ_S ≈ −4628 > ln α + (1+ρ) ln M′ ≈ −6908
  const ap::CaseReport f = ap::check_case("lemma2.strengthened-gf-lower-bound", "double", k);
  EXPECT_FALSE(f.verdict.holds) << ap::render_verdict(f.verdict);
  EXPECT_EQ(f.verdict.label, "C2' (premise, constructed)");
}

TEST(Registry, ReproduceReplaysTheShrunkCounterexample) {
  ap::RunOptions o;
  o.read_environment = false;
  const ap::RunResult first = ap::run_property("falsify.f4-case30-equal-parameters", o);
  ASSERT_EQ(first.outcome, ap::Outcome::Failed);
  ASSERT_TRUE(first.counterexample);
  EXPECT_TRUE(ap::run_succeeded(first)) << ap::run_failure_reason(first);
  o.reproduce = first.reproduce;
  const ap::RunResult again = ap::run_property("falsify.f4-case30-equal-parameters", o);
  ASSERT_EQ(again.outcome, ap::Outcome::Failed);
  EXPECT_EQ(again.counterexample->case_json, first.counterexample->case_json);
  o.type = "mpfr256";  // a reproduce string belongs to one property@type
  EXPECT_THROW(ap::run_property("falsify.f4-case30-equal-parameters", o), annealcheck::InputError);
}

// Issue 10: a 40-digit number and 1e-400 (0 in double), written as JSON numbers,
// reach each kind of case reader exactly — the Lemma 2 instance reader, the
// io::read_rationals readers (gf-odeint) and the report reader that `replay` uses —
// as the exact "p/q" texts of the case each property writes back.
TEST(Registry, CaseNumbersAreReadFromTheirTextByEveryReader) {
  namespace io = annealcheck::io;
  const std::string forty = "1.234567890123456789012345678901234567891";
  const auto pow10 = [](std::size_t n) {  // 10^n; built without "1" + std::string (GCC 12 -Wrestrict false positive)
    std::string t(n + 1, '0');
    t[0] = '1';
    return an::parse_rational(t).value;
  };
  const Rational forty_q = an::parse_rational("1234567890123456789012345678901234567891").value / pow10(39);
  const Rational tiny = Rational(1) / pow10(400);
  const std::string lemma2 = R"({"gamma": [)" + forty + R"(, 0.5], "lambda": [1, 1], "delta0": [1, 1], "k": 2,
                                 "alpha": 0.5, "eps": 1e-400, "K": 2, "checkpoints": 2})";
  const std::string odeint = R"({"gamma": [)" + forty + R"(, 1], "delta0": [1, 1], "beta_star": [1e-400, 0],
                                 "householder": [], "eps": 0.1, "checkpoints": 1})";
  const auto written = [](const char* id, const char* type, const nlohmann::json& c) {
    return io::parse_exact_json(ap::check_case(id, type, c).case_json, "written");
  };
  const auto l = written("lemma2.gf-lower-bound", "mpfr256", io::parse_exact_json(lemma2, "case"));
  EXPECT_EQ(io::read_rationals(l, "gamma")[0], forty_q);
  EXPECT_EQ(io::read_rational(l, "eps"), tiny);
  const auto o = written("dynamics.gf-odeint", "double", io::parse_exact_json(odeint, "case"));
  EXPECT_EQ(io::read_rationals(o, "gamma")[0], forty_q);
  EXPECT_EQ(io::read_rationals(o, "beta_star")[0], tiny);
  const std::string report = std::string(R"({"schema": ")") + annealcheck::report::kReportSchema +
                             R"(", "property": {"id": "lemma2.gf-lower-bound"}, "type": {"id": "mpfr256", "bits": 256},
                                "instance": )" + lemma2 + R"(, "rapidcheck": {"seed": 1},
                                "violation": {"label": "G", "lhs": "1", "rhs": "2", "where": "GF stop"}})";
  const auto r = written("lemma2.gf-lower-bound", "mpfr256", annealcheck::report::parse_report(report, "report.json")["instance"]);
  EXPECT_EQ(io::read_rationals(r, "gamma")[0], forty_q);
  EXPECT_EQ(io::read_rational(r, "eps"), tiny);
}

TEST(Registry, RcParamsAndThoroughAreHonoured) {
  ::setenv("RC_PARAMS", "seed=42 max_success=7", 1);
  ap::RunResult r = ap::run_property("prop1.case30-equal-loss");
  EXPECT_EQ(r.seed, 42u);
  EXPECT_EQ(r.cases_requested, 7);
  EXPECT_EQ(r.cases_run, 7);
  ::setenv("RC_PARAMS", "seed=42", 1);
  ::setenv("ANNEALCHECK_THOROUGH", "10", 1);
  r = ap::run_property("prop1.case30-equal-loss");
  EXPECT_EQ(r.cases_requested, 10 * ap::property_info("prop1.case30-equal-loss").default_cases.at("double"));
  ::unsetenv("RC_PARAMS");
  ::unsetenv("ANNEALCHECK_THOROUGH");
  r = ap::run_property("prop1.case30-equal-loss");
  EXPECT_EQ(r.seed, ap::default_seed());
  ::setenv("RC_PARAMS", "max_success=banana", 1);
  EXPECT_THROW(ap::run_property("prop1.case30-equal-loss"), annealcheck::InputError);
  ::unsetenv("RC_PARAMS");
}

}  // namespace
