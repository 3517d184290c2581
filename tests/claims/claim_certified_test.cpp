// Certified claims (claims/claim_certified.hpp) on instances whose
// values are known by hand:
//   A: γ = (2, 1), λ = (3, 5), δ(0) = (1, 0), ε = 1/2: L̂ = 2e^{−8T} = 1/2, so L_D(δ_GF(T)) = 3/4
//      exactly and T = ln(2)/4 (precision_shrink_test's case).
//   B: γ = (1, 1/2), λ = δ(0) = (1, 1), ε = 1/16 (docs/claims.md): L_D(T) = y² + y, y = (√2 − 1)/4 ≈ 0.1036,
//      so L_D(T) ≈ 0.114277 < 1/8 = 2(1 − α)ε·min_S̄ λ/γ: the example claim fails there.
// The certified decisions must match: true claims proved, false ones refuted with a
// margin enclosure of the right sign, equalities the intervals cannot prove left undecided.
#include "claims/claim_property.hpp"
#include "properties/registry.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace annealcheck::claims {
namespace {

const char* kA = R"({"gamma": ["2", "1"], "lambda": ["3", "5"], "delta0": ["1", "0"], "k": 2, "alpha": "1/2", "eps": "1/2", "K": 3, "checkpoints": 4})";
const char* kB = R"({"K":0,"alpha":"1/2","checkpoints":3,"delta0":["1","1"],"eps":"1/16","gamma":["1","1/2"],"k":2,"lambda":["1","1"]})";

properties::CertifiedVerdict certify(const std::string& claim, const char* json, std::vector<Premise> given = {}) {
  const std::string id = register_claim({claim, std::move(given)});
  const properties::CertifiedVerdict v = properties::certify_case(id, nlohmann::json::parse(json));
  std::cout << claim << ": " << properties::render_certified(v) << "\n";
  return v;
}

TEST(ClaimCertified, ClosedFormValuesAreProvedAndTheirNegationsRefuted) {
  EXPECT_EQ(certify("LD_gf <= 3/4 + 1e-30", kA).decision, "proved");
  EXPECT_EQ(certify("LD_gf >= 3/4 - 1e-30", kA).decision, "proved");
  EXPECT_EQ(certify("LD_gf <= 3/4 - 1e-30", kA).decision, "refuted");
  EXPECT_EQ(certify("T >= log(2)/4 - 1e-25", kA).decision, "proved");
  EXPECT_EQ(certify("T > log(2)/4 + 1e-25", kA).decision, "refuted");
  EXPECT_EQ(certify("LS_gf <= 1/2 + 1e-30", kA).decision, "proved");
}

TEST(ClaimCertified, PublishedGIsProvedTheExampleClaimRefuted) {
  const properties::CertifiedVerdict g = certify("LD_gf >= (1-alpha)*eps*min(Sbar, lambda/gamma)", kB, {Premise::C1, Premise::C2});
  EXPECT_EQ(g.decision, "proved");
  const properties::CertifiedVerdict x = certify("LD_gf >= 2*(1-alpha)*eps*min(Sbar, lambda/gamma)", kB, {Premise::C1, Premise::C2});
  ASSERT_EQ(x.decision, "refuted");
  EXPECT_EQ(x.bits, 128);  // far from a tie: decided at the first precision
  EXPECT_NE(x.margin.find("1.0723"), std::string::npos) << "margin " << x.margin << " is not 0.114277 - 1/8";
}

TEST(ClaimCertified, AnEqualityIntervalsCannotProveStaysUndecided) {
  // L̂ over S plus over S̄ is ε exactly at the stop, but the two sums are computed from
  // T's bracket: the enclosure holds ε and cannot prove ≥ (nor refute it).
  const properties::CertifiedVerdict v = certify("LS_gf + LSbar_gf >= eps", kB);
  EXPECT_EQ(v.decision, "undecided tie");
  EXPECT_GE(v.bits, 4096) << "the precision was not raised to the cap";  // MPFI rounds 4096 up to its digits10
}

TEST(ClaimCertified, CheckpointsAnnealedStateAndUndefinedClaims) {
  EXPECT_EQ(certify("LD(t) <= LD0", kB).decision, "proved");  // L_D decreases along GF here
  EXPECT_EQ(certify("Lhat(t) >= eps", kB).decision, "proved");  // L̂ = ε exactly at the exact stop
  EXPECT_EQ(certify("Lhat(t) > eps", kB).decision, "refuted");  // not strict there
  // A: η = 1/γ_1 = 1/2, f = 1 − 2ηγ = (−1, 0); L̂(δ(0)) = 2 > ε: K = 3 steps, δ_1(3) = −1
  EXPECT_EQ(certify("deltaK[1] == -1", kA).decision, "proved");
  EXPECT_EQ(certify("deltaK[1] >= 0", kA).decision, "refuted");
  EXPECT_EQ(certify("log(delta0[2]) <= 0", kA).decision, "n/a");  // log 0: undefined, never a verdict
}

TEST(ClaimCertified, IdentitiesOfExactQuantitiesAreDecidedInRationals) {
  // ε = 1/10 is not a binary fraction: its enclosure has width, the identities hold exactly
  const char* c = R"({"gamma": ["3/10", "1/7"], "lambda": ["1/3", "2"], "delta0": ["1", "-2/3"], "k": 2, "alpha": "1/3", "eps": "1/10", "K": 2, "checkpoints": 3})";
  const properties::CertifiedVerdict a = certify("Lhat0 == sum(all, gamma*delta0^2)", c);
  EXPECT_EQ(a.decision, "proved");
  EXPECT_EQ(a.how, "exact rational");
  EXPECT_EQ(certify("Lhat_gf == eps", c).decision, "proved");          // L̂ = ε at the exact stop (E4)
  EXPECT_EQ(certify("Lhat(t) >= eps", c).decision, "proved");          // and above ε before it
  EXPECT_EQ(certify("sqrt(delta0[2]^2) == 2/3", c).decision, "proved");  // the square root of a rational square
  EXPECT_EQ(certify("Lhat0 == sum(all, gamma*delta0^2) + 1e-40", c).decision, "refuted");
}

TEST(ClaimCertified, ARefutedPremiseMakesTheCaseNotApplicable) {
  // ε = 1/2 < w_1 = 2: (C1) holds on A; with ε above L̂(δ(0)) it does not
  const char* high = R"({"gamma": ["2", "1"], "lambda": ["3", "5"], "delta0": ["1", "0"], "k": 2, "alpha": "1/2", "eps": "3", "K": 3, "checkpoints": 4})";
  EXPECT_EQ(certify("LD_gf >= 100", high, {Premise::C1}).decision, "n/a");
}

}  // namespace
}  // namespace annealcheck::claims
