// Premises are decided on the exact input (issue 21, item 2): a constructed premise
// driven to within one ulp of its boundary at double — where double cannot decide it
// — is decided on the exact instance, and the case is kept (the premise holds
// exactly, here with equality) or discarded with the reason (it fails exactly), never
// reported as a counterexample.
#include "annealcheck/engine/problem.hpp"
#include "annealcheck/engine/report.hpp"
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/rational.hpp"
#include "claims/claim_property.hpp"
#include "properties/registry.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ap = annealcheck::properties;
namespace ae = annealcheck::engine;
using annealcheck::numeric::Rational;

namespace {

// d = 2, S = {1}, S̄ = {2}: Σ_S γδ² = 1, M = γ_2δ_2(0)² = 4, ρ = 1, ε = 1/1000. (C2) with
// integer ρ reads ε·Σ_S ≤ α·M², so α* = ε/16 = 1/16000 is its boundary (equality holds).
nlohmann::json instance(const std::string& alpha) {
  return nlohmann::json{{"gamma", {"1", "1/4"}}, {"lambda", {"1", "1"}}, {"delta0", {"1", "4"}}, {"k", 2}, {"rho", "1"},
                        {"alpha", alpha}, {"eps", "1/1000"}, {"K", 3}, {"checkpoints", 4}};
}

// α* (1 + u): u = ±10⁻¹⁷, well inside one ulp of double (2⁻⁵³ ≈ 1.1·10⁻¹⁶).
std::string alpha_off_boundary(int sign) {
  const Rational a = Rational(1, 16000) * (Rational(1) + Rational(sign, 1) * Rational(1, 100000000000000000L));
  return a.str();
}

std::string c2_verdict_in_double(const nlohmann::json& j) {
  nlohmann::json inst = j;
  inst.erase("checkpoints");
  const ae::EvalReport r = ae::evaluate(ae::Problem(annealcheck::model::instance_from_json(inst, "case")), ae::parse_type_id("double"));
  for (const auto& c : r.checks)
    if (c.label == "C2") return c.verdict;
  return "missing";
}

TEST(ExactPremise, C2AtItsBoundaryIsUndecidableInDouble) {
  // The premise of every case below is within rounding in double: the exact decision is what is tested.
  for (const std::string& a : {std::string("1/16000"), alpha_off_boundary(-1), alpha_off_boundary(+1)})
    EXPECT_EQ(c2_verdict_in_double(instance(a)), "ROUNDING") << a;
}

TEST(ExactPremise, HoldsWithEqualityOnTheExactInputSoTheCaseIsKept) {
  const ap::CaseReport r = ap::check_case("lemma2.gf-lower-bound", "double", instance("1/16000"));
  EXPECT_FALSE(r.discarded) << r.verdict.note;
  EXPECT_TRUE(r.verdict.holds) << ap::render_verdict(r.verdict);
  EXPECT_EQ(r.verdict.label, "G");
}

TEST(ExactPremise, HoldsJustAboveTheBoundarySoTheCaseIsKept) {
  const ap::CaseReport r = ap::check_case("lemma2.gf-lower-bound", "double", instance(alpha_off_boundary(+1)));
  EXPECT_FALSE(r.discarded) << r.verdict.note;
  EXPECT_TRUE(r.verdict.holds) << ap::render_verdict(r.verdict);
}

TEST(ExactPremise, FailsJustBelowTheBoundarySoTheCaseIsDiscardedNotACounterexample) {
  const ap::CaseReport r = ap::check_case("lemma2.gf-lower-bound", "double", instance(alpha_off_boundary(-1)));
  EXPECT_TRUE(r.discarded);
  EXPECT_NE(r.verdict.note.find("premise C2 refuted on the exact input"), std::string::npos) << r.verdict.note;
}

TEST(ExactPremise, ClaimsDecideTheirGivenPremisesOnTheExactInputToo) {
  // The same (C2) boundary through a text claim's --given (claims/claim_property.cpp).
  const std::string id = annealcheck::claims::register_claim(
      {"LD_gf >= (1 - alpha)*eps*min(Sbar, lambda/gamma)", annealcheck::claims::parse_given("C1,C2")});
  EXPECT_FALSE(ap::check_case(id, "double", instance("1/16000")).discarded);
  const ap::CaseReport below = ap::check_case(id, "double", instance(alpha_off_boundary(-1)));
  EXPECT_TRUE(below.discarded);
  EXPECT_NE(below.verdict.note.find("premise C2 refuted on the exact input"), std::string::npos) << below.verdict.note;
}

}  // namespace
