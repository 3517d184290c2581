// The properties' certified checks through the registry (certify_case): a true
// property's case proved, a false claim's counterexample certified refuted, a case
// outside the premises n/a (never a refutation), ties never proved, and a property
// without an exact counterpart saying so.
#include "properties/registry.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ap = annealcheck::properties;

namespace {

// F1's shrunk counterexample: (C1) and the gap hold, (C2) does not; (G) fails by 0.25.
const char* kF1 = R"({"K":0,"alpha":"1/10000","checkpoints":1,"delta0":["1","1"],"eps":"1/2","gamma":["1","1/2"],"k":2,"lambda":["1","1"]})";

TEST(CertifiedCase, F1CounterexampleIsCertifiedRefuted) {
  const ap::CertifiedVerdict v = ap::certify_case("falsify.f1-g-without-c2", nlohmann::json::parse(kF1));
  EXPECT_EQ(v.decision, "refuted");
  EXPECT_EQ(v.label, "G");
  EXPECT_EQ(v.bits, 128);
  EXPECT_EQ(ap::certified_statement(v), "violation certified (MPFI, 128 bits)");
}

TEST(CertifiedCase, OutsideThePremisesIsNotApplicableNotRefuted) {
  // The same instance for lemma2.gf-lower-bound, whose premise (C2) it breaks.
  const ap::CertifiedVerdict v = ap::certify_case("lemma2.gf-lower-bound", nlohmann::json::parse(kF1));
  EXPECT_EQ(v.decision, "n/a");
  EXPECT_EQ(v.label, "C2");
}

TEST(CertifiedCase, ProofFactsWithoutAGdStepAreProvedVacuouslyNotNotApplicable) {
  // kF1 has K = 0 and satisfies (C1): the reference's (P3)–(P5) are n/a ("no GD step"),
  // and the properties stating them at every GD step are proved vacuously — an n/a
  // case would count as "not proved" in `check --certified`.
  for (const char* id : {"lemma2.p3-top-sign-flip", "lemma2.p4-tail-decay", "lemma2.p5-no-early-stop"}) {
    const ap::CertifiedVerdict v = ap::certify_case(id, nlohmann::json::parse(kF1));
    EXPECT_EQ(v.decision, "proved") << id;
    EXPECT_EQ(v.how, "vacuous") << id;
    EXPECT_NE(v.note.find("no GD step"), std::string::npos) << id << ": " << v.note;
  }
  // A conclusion that is decided is not vacuous: (G) is refuted on kF1.
  EXPECT_EQ(ap::certify_case("falsify.f1-g-without-c2", nlohmann::json::parse(kF1)).how.find("vacuous"), std::string::npos);
}

TEST(CertifiedCase, Prop1CaseIsProvedWithItsEqualitiesDecidedExactly) {
  const ap::CertifiedVerdict v =
      ap::certify_case("prop1.case21-losses", nlohmann::json::parse(R"({"alpha":"1/1000000","eps":"1/1000000000","K":10,"checkpoints":4})"));
  EXPECT_EQ(v.decision, "proved");
  EXPECT_EQ(v.ties, 0);
  bool exact_three_quarters = false;
  for (const auto& c : v.checks) exact_three_quarters = exact_three_quarters || c == "L_D(annealed) = (3/4) eps': proved (exact rational)";
  EXPECT_TRUE(exact_three_quarters);
}

TEST(CertifiedCase, OddKSeparatesThe30StopsExactly) {
  const auto odd = ap::certify_case("falsify.f4-case30-equal-parameters", nlohmann::json::parse(R"({"alpha":"1/2","eps":"1/2","K":1})"));
  EXPECT_EQ(odd.decision, "refuted");
  EXPECT_EQ(ap::certified_statement(odd), "violation certified (exact rationals)");
  const auto even = ap::certify_case("falsify.f4-case30-equal-parameters", nlohmann::json::parse(R"({"alpha":"1/2","eps":"1/2","K":2})"));
  EXPECT_EQ(even.decision, "proved");
}

TEST(CertifiedCase, LargeClosedFormIsATieNeverProved) {
  nlohmann::json j = nlohmann::json::parse(kF1);
  j["K"] = 5000;  // d·K = 10000 > 8192: not computed
  EXPECT_EQ(ap::certify_case("dynamics.gd-closed-form", j).decision, "undecided tie");
  j["K"] = 20;
  EXPECT_EQ(ap::certify_case("dynamics.gd-closed-form", j).decision, "proved");
}

// dynamics.gf-odeint: (E4) is the exact flow because U diagonalises S_X exactly
// (Householder products, and the identity, are orthogonal in rationals).
TEST(CertifiedCase, IntegratorPropertyProvesTheExactDiagonalisation) {
  nlohmann::json j{{"gamma", {"1", "1/2", "1/4"}}, {"delta0", {"1", "-2", "3"}}, {"beta_star", {"0", "1", "0"}},
                   {"householder", {{1, 2, -1}}}, {"eps", "1/1000"}, {"checkpoints", 4}};
  EXPECT_EQ(ap::certify_case("dynamics.gf-odeint", j).decision, "proved");
  j["householder"] = nlohmann::json::array();
  EXPECT_EQ(ap::certify_case("dynamics.gf-odeint", j).decision, "proved");  // U = I
}

}  // namespace
