// The one decision rule (lemma2/inequality.hpp): three outcomes in point
// arithmetic, NaN never holds, a non-finite side is never PASS — through every
// decision path (decide, decide_equal, Tightest, StepwiseFacts, the properties'
// VerdictKeeper/to_verdict, Proposition 1's ratio_at_least) — and injected errors
// of 1e-9 on exact ties are caught (FAIL or ROUNDING, never PASS).
#include "annealcheck/lemma2/evaluation.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "annealcheck/prop1/draw_outcome.hpp"
#include "properties/support/verdict.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace {

using namespace annealcheck;
using lemma2::Relation;
using lemma2::Side;
using lemma2::Verdict;

const double nan = std::numeric_limits<double>::quiet_NaN();
const double inf = std::numeric_limits<double>::infinity();

Verdict decide(double lhs, double el, Relation rel, double rhs, double er) {
  return lemma2::decide<double>("x", "x", rel, Side<double>{lhs, el}, Side<double>{rhs, er}, "").verdict;
}

TEST(Decision, ThreeOutcomes) {
  EXPECT_EQ(decide(1, 0.1, Relation::LessEqual, 2, 0.1), Verdict::Holds);           // margin 1 > bound 0.2
  EXPECT_EQ(decide(2, 0.1, Relation::LessEqual, 1, 0.1), Verdict::Fails);           // margin −1 < −0.2
  EXPECT_EQ(decide(1.1, 0.1, Relation::LessEqual, 1, 0.1), Verdict::WithinRounding); // |margin| 0.1 ≤ 0.2
  EXPECT_EQ(decide(1, 0.1, Relation::GreaterEqual, 0.95, 0.1), Verdict::WithinRounding);
  EXPECT_EQ(decide(1, 0, Relation::Less, 1, 0), Verdict::Fails);                    // strict, exact tie in T
  EXPECT_EQ(decide(1, 0, Relation::LessEqual, 1, 0), Verdict::WithinRounding);     // a floating type cannot prove a tie...
  EXPECT_EQ(lemma2::decide_equal<double>("x", "x", {1, 0.1}, {1, 0.1}, "").verdict, Verdict::WithinRounding);  // ...nor an identity
  EXPECT_EQ(lemma2::decide_equal<double>("x", "x", {1, 0.1}, {2, 0.1}, "").verdict, Verdict::Fails);
}

TEST(Decision, ExactTypesDecideTies) {
  using Q = numeric::mpq;
  const Side<Q> a{Q(1), Q(0)}, b{Q(1), Q(0)}, c{Q(2), Q(0)};
  EXPECT_EQ(lemma2::decide<Q>("x", "x", Relation::LessEqual, a, b, "").verdict, Verdict::Holds);
  EXPECT_EQ(lemma2::decide<Q>("x", "x", Relation::Less, a, b, "").verdict, Verdict::Fails);
  EXPECT_EQ(lemma2::decide_equal<Q>("x", "x", a, b, "").verdict, Verdict::Holds);
  EXPECT_EQ(lemma2::decide_equal<Q>("x", "x", a, c, "").verdict, Verdict::Fails);
}

TEST(Decision, NaNNeverHoldsAndInfinityIsNeverPass) {
  for (Relation rel : {Relation::LessEqual, Relation::Less, Relation::GreaterEqual, Relation::Greater, Relation::Equal}) {
    EXPECT_EQ(decide(nan, 0, rel, 1, 0), Verdict::Fails);
    EXPECT_EQ(decide(1, 0, rel, nan, 0), Verdict::Fails);
    EXPECT_EQ(decide(1, nan, rel, 2, 0), Verdict::Undecidable);  // a NaN bound: no bound exists
    for (double x : {inf, -inf}) {
      EXPECT_EQ(decide(x, 0, rel, 1, 0), Verdict::Undecidable);
      EXPECT_EQ(decide(1, 0, rel, x, 0), Verdict::Undecidable);
      EXPECT_EQ(decide(1, inf, rel, 2, 0), Verdict::Undecidable);  // an infinite bound decides nothing
    }
  }
  // The same in MPFR.
  using M = numeric::mpfr256;
  const M mnan = std::numeric_limits<M>::quiet_NaN(), minf = std::numeric_limits<M>::infinity();
  EXPECT_EQ(lemma2::decide<M>("x", "x", Relation::LessEqual, {mnan, M(0)}, {M(1), M(0)}, "").verdict, Verdict::Fails);
  EXPECT_EQ(lemma2::decide<M>("x", "x", Relation::LessEqual, {M(1), M(0)}, {minf, M(0)}, "").verdict, Verdict::Undecidable);
}

TEST(Decision, TightestKeepsFailureThenUnrepresentableThenRounding) {
  lemma2::Tightest<double> t(lemma2::not_applicable<double>("x", "x", "none"));
  t.offer(lemma2::decide<double>("x", "x", Relation::LessEqual, {1, 0.01}, {2, 0.01}, "holds"));
  t.offer(lemma2::decide<double>("x", "x", Relation::LessEqual, {1.01, 0.01}, {1, 0.01}, "rounding"));
  EXPECT_EQ(t.result().where, "rounding");
  t.offer(lemma2::decide<double>("x", "x", Relation::LessEqual, {inf, 0}, {1, 0}, "unrepr"));
  EXPECT_EQ(t.result().verdict, Verdict::Undecidable);
  t.offer(lemma2::decide<double>("x", "x", Relation::LessEqual, {nan, 0}, {1, 0}, "nan"));
  EXPECT_EQ(t.result().verdict, Verdict::Fails);
  t.offer(lemma2::decide<double>("x", "x", Relation::LessEqual, {1, 0}, {2, 0}, "later"));
  EXPECT_EQ(t.result().where, "nan");  // the first failure is kept
  EXPECT_EQ(t.count(Verdict::WithinRounding), 1);
}

// StepwiseFacts fed a NaN or an infinite state: (P3)–(P5) never PASS.
TEST(Decision, StepwiseFactsNeverPassNonFiniteStates) {
  for (double bad : {nan, inf}) {
    model::Instance<double> in;
    in.gamma = {2, 1};
    in.lambda = {1, 1};
    in.delta0 = {1, 1};
    in.k = 2, in.rho = 1, in.alpha = 0.5, in.eps = 1e-3, in.eta = 0.5, in.K = 3;
    const auto b = lemma2::blocks(in);
    const auto s = lemma2::input_sides(in, b);
    lemma2::StepwiseFacts<double> facts(in, b, s);
    std::vector<double> d0 = in.delta0, d1 = {-1, bad};
    const double l0 = 3, l1 = bad;
    facts(dynamics::StepEvent<double>{dynamics::Phase::GradientDescent, 0, nullptr, d0, l0});
    facts(dynamics::StepEvent<double>{dynamics::Phase::GradientDescent, 1, nullptr, d1, l1});
    for (const auto& q : facts.results()) {
      if (q.verdict != Verdict::NotApplicable) {
        EXPECT_NE(q.verdict, Verdict::Holds) << q.label << " with " << bad;
      }
    }
  }
}

// The properties' conversion: a NaN never "holds", an infinity is "not representable".
TEST(Decision, PropertyVerdictsOfNonFiniteSides) {
  properties::VerdictKeeper<double> keep;
  keep.offer(lemma2::decide<double>("G", "x", Relation::GreaterEqual, {nan, 0}, {1, 0}, ""));
  EXPECT_FALSE(keep.verdict("G", "").holds);
  EXPECT_EQ(keep.verdict("G", "").outcome, "fails");
  properties::VerdictKeeper<double> keep2;
  keep2.offer(lemma2::decide<double>("G", "x", Relation::GreaterEqual, {inf, 0}, {1, 0}, ""));
  EXPECT_EQ(keep2.verdict("G", "").outcome, "not representable");
}

// Proposition 1's ratio decision goes through the same rule.
TEST(Decision, Prop1RatioNeverHoldsOnNaN) {
  prop1::DrawOutcome<double> o;
  o.gf_moving = nan;
  o.ann_moving = 1;
  o.allowance = 1e-12;
  o.constant_exact = numeric::Rational(0);
  EXPECT_NE(prop1::ratio_at_least(o, numeric::Rational(1)), prop1::Decision::Holds);
  o.gf_moving = inf;
  EXPECT_NE(prop1::ratio_at_least(o, numeric::Rational(1)), prop1::Decision::Holds);
}

// eval's rows: an overflowing side is shown as UNREPR, never PASS.
TEST(Decision, EvalRowsShowUnrepresentable) {
  engine::EvalReport r;
  std::vector<lemma2::Inequality<double>> checks{lemma2::decide<double>("P1", "x", Relation::GreaterEqual, {1, 0}, {inf, 0}, "GF stop")};
  engine::append_checks<double>(r, checks, engine::EvalOptions{});
  EXPECT_EQ(r.checks[0].verdict, "UNREPR");
  EXPECT_EQ(r.unrepresentable, 1);
}

// Injected errors: on checks whose sides are equal in exact arithmetic, a relative
// error of 1e-9 pushed against the inequality is FAIL or ROUNDING in double — never PASS.
lemma2::Inequality<double> inject(const lemma2::Inequality<double>& q, double rel) {
  const bool upper = q.relation == Relation::LessEqual || q.relation == Relation::Less;
  Side<double> lhs{q.lhs, q.lhs_error}, rhs{q.rhs, q.rhs_error};
  if (q.relation == Relation::Equal || upper) lhs.value *= 1 + rel;  // lhs grows: against <=, and off ==
  else lhs.value *= 1 - rel;                                          // lhs shrinks: against >=
  return lemma2::decide<double>(q.label, q.statement, q.relation, lhs, rhs, q.where);
}

const lemma2::Inequality<double>& find(const lemma2::Evaluation<double>& ev, const std::string& label) {
  for (const auto& c : ev.checks)
    if (c.label == label) return c;
  throw std::runtime_error("no check " + label);
}

model::Instance<double> prop1_instance() {
  return engine::materialize_prop1<double>(engine::Prop1Case21{model::exact(numeric::parse_rational("1e-6").value),
                                                               model::exact(numeric::parse_rational("1e-9").value), 10});
}

TEST(Decision, InjectedErrorOnExactTiesIsNeverPass) {
  // (A) on Proposition 1's (2,1) case: L_D(annealed) = (3/4)ε = the bound, exactly.
  const auto ev = lemma2::evaluate(prop1_instance(), 16);
  for (const char* label : {"A", "A.1", "P3"}) {
    const auto& q = find(ev, label);
    ASSERT_NE(q.verdict, Verdict::Fails) << label;
    EXPECT_NE(inject(q, 1e-9).verdict, Verdict::Holds) << label;
    EXPECT_NE(q.verdict, Verdict::Holds) << label << ": an exact tie must not PASS in double";
  }
  // (E3) at an attained end: all mass on the coordinate of min λ/γ (and of max).
  for (int end = 0; end < 2; ++end) {
    model::Instance<double> in;
    in.gamma = {4, 2, 1};
    in.lambda = {1, 3, 0.5};  // λ/γ = 0.25, 1.5, 0.5: min at 1, max at 2
    in.delta0 = end == 0 ? std::vector<double>{1, 0, 0} : std::vector<double>{0, 1, 0};
    in.k = 2, in.rho = 1, in.alpha = 0.5, in.eps = 1e-6, in.eta = 0.25, in.K = 5;
    const auto e = lemma2::evaluate(in, 16);
    const auto& q = find(e, end == 0 ? "E3.min@GF" : "E3.max@GF");
    EXPECT_NE(q.verdict, Verdict::Holds) << q.label << " is attained: a tie";
    EXPECT_NE(inject(q, 1e-9).verdict, Verdict::Holds) << q.label;
  }
}

}  // namespace
