// certified::decide (src/annealcheck/certified/decide.hpp): the precision loop
// over the certified reference, and what it may and may not call proved.
#include "annealcheck/certified/decide.hpp"
#include "annealcheck/certified/eval_report.hpp"
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/interval/exact_problem.hpp"
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/model/instance_spec.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace annealcheck::certified {
namespace {

interval::ExactProblem instance(const char* json) {
  return interval::exact_problem(engine::Problem(model::instance_from_json(io::parse_exact_json(json, "test"), "test")));
}

Decision decision_of(const Result& r, const std::string& label) {
  const CheckDecision* c = r.find(label);
  EXPECT_NE(c, nullptr) << label;
  return c ? c->decision : Decision::Undecided;
}

// Proposition 1 (2,1): (A) holds with equality (L_D = (3/4)eps = the bound); the
// reference's cancellation-free margin proves it, and (P3) is decided exactly.
TEST(CertifiedDecide, Prop1EqualityProvedByStructureAndP3Exactly) {
  const auto p = engine::prop1_case21("1e-6", "1e-9", 10);
  const Result r = decide(interval::exact_problem(engine::Problem(p)), Options{});
  EXPECT_EQ(decision_of(r, "A"), Decision::Proved);
  EXPECT_EQ(decision_of(r, "A.1"), Decision::Proved);
  EXPECT_EQ(decision_of(r, "G"), Decision::Proved);
  ASSERT_NE(r.find("P3"), nullptr);
  EXPECT_EQ(r.find("P3")->decision, Decision::Proved);
  EXPECT_EQ(r.find("P3")->how, "exact rational");
  EXPECT_FALSE(conclusion_refuted(r));
  EXPECT_EQ(r.bits_tried.front(), 128);
}

// F1's shrunk counterexample ((C2) fails): (G) is certified refuted, at the first precision.
TEST(CertifiedDecide, GWithoutC2IsRefuted) {
  const Result r = decide(instance(R"({"K":0,"alpha":"1/10000","checkpoints":1,"delta0":["1","1"],"eps":"1/2",
                                     "gamma":["1","1/2"],"k":2,"lambda":["1","1"]})"),
                          Options{128, 4096, 1}, {"C2", "G"});
  ASSERT_EQ(r.checks.size(), 2u);
  EXPECT_EQ(decision_of(r, "C2"), Decision::Refuted);
  EXPECT_EQ(decision_of(r, "G"), Decision::Refuted);
  EXPECT_EQ(r.find("G")->bits, 128);
  ASSERT_TRUE(r.find("G")->margin);
  EXPECT_LT(mpfr_sgn(r.find("G")->margin->hi()), 0);
  EXPECT_TRUE(conclusion_refuted(r));
}

TEST(CertifiedDecide, UnknownLabelAndBadPrecisionAreRejected) {
  const auto e = instance(R"({"gamma":["1","1/2"],"lambda":["1","1"],"delta0":["1","1"],"k":2})");
  EXPECT_THROW(decide(e, Options{}, {"no-such-label"}), std::invalid_argument);
  EXPECT_THROW(decide(e, Options{256, 128, 16}), std::invalid_argument);
}

// A tie is an undecided check whose margin is a tiny enclosure of 0: never proved.
TEST(CertifiedDecide, TieNeedsATinyMarginAroundZero) {
  interval::RefCheck c;
  c.verdict = interval::Certainty::Undecided;
  mpfi_t x;
  mpfi_init2(x, 256);
  mpfi_set_ui(x, 1);
  c.lhs = c.rhs = interval::Enclosure(x);
  mpfi_interv_d(x, -0x1p-200, 0x1p-200);
  c.margin = interval::Enclosure(x);
  EXPECT_TRUE(looks_like_tie(c, 256));
  EXPECT_FALSE(looks_like_tie(c, 512));  // not narrow enough for 512 bits
  mpfi_interv_d(x, 0x1p-200, 0x1p-199);
  c.margin = interval::Enclosure(x);
  EXPECT_FALSE(looks_like_tie(c, 256));  // excludes 0: not a tie
  mpfi_clear(x);
}

TEST(CertifiedDecide, ConjunctionRanksRefutedFirstAndTiesAboveProved) {
  EXPECT_EQ(conjunction(Decision::Proved, Decision::Tie), Decision::Tie);
  EXPECT_EQ(conjunction(Decision::Tie, Decision::Undecided), Decision::Undecided);
  EXPECT_EQ(conjunction(Decision::Undecided, Decision::Refuted), Decision::Refuted);
  EXPECT_EQ(conjunction(Decision::NotApplicable, Decision::Proved), Decision::Proved);
}

}  // namespace
}  // namespace annealcheck::certified
