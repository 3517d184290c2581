// Precision shrinking (claims/precision_shrink.hpp) on the closed-form
// instance of claim_parser_test (L_D(δ_GF(T)) = 3/4 exactly): a claim false by
// 1e-20 fails from some B bits on and is within rounding below; the bisection finds B.
#include "claims/claim_property.hpp"
#include "claims/precision_shrink.hpp"

#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace annealcheck::claims {
namespace {

const char* kCase = R"({"gamma": ["2", "1"], "lambda": ["3", "5"], "delta0": ["1", "0"], "k": 2, "alpha": "1/2", "eps": "1/2", "K": 3, "checkpoints": 4})";

properties::RunResult failed_run(const std::string& id, const std::string& outcome) {
  properties::RunResult r;
  r.property_id = id;
  r.type_id = "double";
  r.outcome = properties::Outcome::Failed;
  properties::CaseReport c;
  c.case_json = kCase;
  c.verdict.outcome = outcome;
  r.counterexample = c;
  return r;
}

TEST(PrecisionShrink, FindsTheSmallestPrecisionThatRefutes) {
  const std::string id = register_claim({"LD_gf <= 3/4 - 1e-20", {}});
  const auto p = shrink_precision(failed_run(id, "fails"));
  ASSERT_TRUE(p);
  std::cout << p->statement << "\n";
  EXPECT_EQ(p->reference_outcome, "fails");
  EXPECT_FALSE(p->rounding_artefact);
  // 1e-20 relative to 3/4 needs about 66 bits plus the bounds' few bits
  EXPECT_GT(p->bits, 60);
  EXPECT_LT(p->bits, 100);
  const nlohmann::json c = nlohmann::json::parse(kCase);
  EXPECT_EQ(properties::check_case(id, "mpfr:" + std::to_string(p->bits), c).verdict.outcome, "fails");
  EXPECT_NE(properties::check_case(id, "mpfr:" + std::to_string(p->bits - 1), c).verdict.outcome, "fails") << "not the smallest";
}

TEST(PrecisionShrink, ATrueClaimFailingAtTheRunsTypeIsARoundingArtefact) {
  const std::string id = register_claim({"LD_gf <= 3/4 + 1e-20", {}});
  const auto p = shrink_precision(failed_run(id, "fails"));  // as if the run's type had reported a failure
  ASSERT_TRUE(p);
  EXPECT_EQ(p->reference_outcome, "holds");
  EXPECT_TRUE(p->rounding_artefact);
  EXPECT_NE(p->statement.find("rounding artefact below " + std::to_string(p->bits) + " bits"), std::string::npos) << p->statement;
}

TEST(PrecisionShrink, CatalogPropertyOnTheRuntimeRung) {
  // F2 (no premise check in its claim) on the closed-form case: L_D = 3/4 against
  // eps' min_Sbar lambda/gamma = 5/2, false by far at every precision
  const auto p = shrink_precision(failed_run("falsify.f2-g-without-one-minus-alpha", "fails"));
  ASSERT_TRUE(p);
  std::cout << p->reference << ": " << p->statement << "\n";
  EXPECT_EQ(p->reference_outcome, "fails");
  EXPECT_EQ(p->bits, 24);
  EXPECT_FALSE(p->rounding_artefact);
}

TEST(PrecisionShrink, NotForPropertiesWithoutTheRuntimeRung) {
  // gf-odeint's allowance is its integrator's tolerance, fixed per type (gf_odeint_prop.cpp)
  EXPECT_FALSE(shrink_precision(failed_run("dynamics.gf-odeint", "fails")));
}

// Proposition 1's cases (no Lemma 2 instance) on the runtime rung too: F4's counterexample
// (K = 1: δ_1 has opposite signs at the two stops) is certified refuted exactly and fails
// from the lowest precision on. Proposition 1 (2,1) on the same case is proved by the
// certified reference, but its equalities (δ_2(K) = 0, L_D = (3/4)ε′) can never hold
// *beyond* rounding in a floating type: no precision agrees, and the shrink says so
// rather than inventing one.
std::optional<PrecisionShrink> shrink_on(const std::string& id, const char* case_json) {
  properties::RunResult r = failed_run(id, "fails");
  r.counterexample->case_json = case_json;
  auto p = shrink_precision(r);
  if (p) std::cout << id << ": " << p->statement << "\n";
  return p;
}

TEST(PrecisionShrink, PropositionOneCasesOnTheRuntimeRung) {
  const char* prop1 = R"({"K":1,"alpha":"1/2","checkpoints":1,"eps":"1/2"})";
  const auto p = shrink_on("falsify.f4-case30-equal-parameters", prop1);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->reference_outcome, "fails");
  EXPECT_EQ(p->reference.rfind("certified", 0), 0U) << p->reference;
  EXPECT_EQ(p->bits, 24);
  const auto q = shrink_on("prop1.case21-losses", prop1);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->reference_outcome, "holds");
  EXPECT_EQ(q->bits, 0) << q->statement;
  ASSERT_FALSE(q->probes.empty());
  EXPECT_EQ(q->probes.back().second, "within rounding") << "at " << q->probes.back().first << " bits";
}

}  // namespace
}  // namespace annealcheck::claims
