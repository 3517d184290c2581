// `annealcheck prop1` end to end through the type-erased entry point
// (prop1/report.hpp): the exact probability 3/4, the paper's table to ≥ 30
// significant digits in mpfr256, the 2³ enumeration, and checks that fail.
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/prop1/report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace annealcheck;
using annealcheck::numeric::Rational;

namespace {

// |x/ref − 1| < 10^−digits, decided exactly on the printed decimal
bool matches(const std::string& printed, const Rational& ref, int digits) {
  const numeric::RationalParse p = numeric::parse_rational(printed);
  if (!p.ok()) return false;
  Rational rel = p.value / ref - Rational(1);
  if (rel.sign() < 0) rel = Rational(0) - rel;
  Rational bound(1);
  for (int i = 0; i < digits; ++i) bound = bound / Rational(10);
  return rel < bound;
}

const prop1::TableRowText& row(const prop1::Prop1Report& r, const std::string& quantity) {
  for (const auto& t : r.table)
    if (t.quantity == quantity) return t;
  throw std::runtime_error("no table row " + quantity);
}

}  // namespace

TEST(Prop1Report, Mpfr256MatchesThePaperToThirtyDigits) {
  prop1::Prop1Options o;  // defaults: alpha 1e-12, eps 1e-20, K 10, seed 1
  o.require_digits = 30;
  const prop1::Prop1Report r = prop1::run_prop1(engine::parse_type_id("mpfr256"), o);
  EXPECT_TRUE(r.claims_hold) << (r.failures.empty() ? "" : r.failures[0]);
  EXPECT_EQ(r.p_case21, "3/4");
  EXPECT_EQ(r.p_total, "1");
  EXPECT_EQ(r.p_annealed_lower, "3/4");
  EXPECT_EQ(r.p_tie, "1/4");
  const Rational eps = numeric::parse_rational(o.eps).value;
  EXPECT_TRUE(matches(row(r, "good (annealed) test loss").computed_full, Rational(3, 4) * eps, 30));
  EXPECT_TRUE(matches(row(r, "bad (GF) test loss").computed_full, Rational(3, 2) * eps, 30));
  EXPECT_TRUE(matches(row(r, "good (annealed) train loss").computed_full, eps, 30));
  EXPECT_TRUE(matches(row(r, "bad (GF) train loss").computed_full, eps, 30));
  EXPECT_GE(std::stol(row(r, "good (annealed) test loss").digits_vs_paper), 30);
  EXPECT_GE(std::stol(row(r, "bad (GF) test loss").digits_vs_paper), 30);
  // the 2³ sequences: (3,0) and (0,3) exact ties, the rest annealed lower with ratio ≈ 2
  ASSERT_EQ(r.sequences.size(), 8u);
  for (const auto& q : r.sequences) {
    EXPECT_EQ(q.summary.probability, Rational(1, 8));
    const bool degenerate = q.summary.counts[0] == 0 || q.summary.counts[1] == 0;
    EXPECT_EQ(q.summary.lower, degenerate ? "tie (exact)" : "annealed") << q.sequence;
    EXPECT_EQ(q.summary.kind, degenerate ? "degenerate" : "lemma2");
  }
  const nlohmann::json j = prop1::render_json(r);
  EXPECT_EQ(j["enumeration"]["P_case_21"], "3/4");
  EXPECT_EQ(j["claims_hold"], true);
}

TEST(Prop1Report, DoubleCannotResolveTheTableAndSaysSo) {
  prop1::Prop1Options o;
  o.require_digits = 30;
  const prop1::Prop1Report r = prop1::run_prop1(engine::parse_type_id("double"), o);
  EXPECT_FALSE(r.claims_hold);  // the 30-digit requirement fails in double
  EXPECT_FALSE(r.failures.empty());
  EXPECT_EQ(r.p_case21, "3/4");  // exact, whatever the type
  bool resolution_note = false;
  for (const auto& n : r.notes) resolution_note = resolution_note || n.find("resolves beta - beta*") != std::string::npos;
  EXPECT_TRUE(resolution_note);
}

TEST(Prop1Report, DegenerateDrawIsReportedAndTheTableUsesCase21) {
  prop1::Prop1Options o;
  o.seed = 9;  // draws e1 e1 e1 (checked below, not assumed)
  o.alpha = "1e-4";
  o.eps = "1e-6";
  o.K = 2000;
  const prop1::Prop1Report r = prop1::run_prop1(engine::parse_type_id("double"), o);
  ASSERT_TRUE(r.drawn.counts[0] == 0 || r.drawn.counts[1] == 0) << "seed 9 no longer draws a degenerate sample";
  EXPECT_EQ(r.drawn.kind, "degenerate");
  EXPECT_TRUE(r.drawn.annealed.overflow);  // factor −2 for 2000 steps leaves double's range
  ASSERT_TRUE(r.table_sample.has_value());
  EXPECT_EQ(r.table_sample->kind, "lemma2");
  EXPECT_TRUE(r.claims_hold);
}

TEST(Prop1Report, BadInputNamesTheOption) {
  prop1::Prop1Options o;
  o.alpha = "1";
  try {
    prop1::run_prop1(engine::parse_type_id("double"), o);
    FAIL() << "alpha = 1 accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "--alpha");
  }
  o.alpha = "1e-6";
  o.eps = "-1";
  EXPECT_THROW(prop1::run_prop1(engine::parse_type_id("double"), o), InputError);
  EXPECT_THROW(prop1::run_prop1(engine::parse_type_id("mpq"), prop1::Prop1Options{}), InputError);
}
