// coq/certificate.hpp: exact Coq literals, and what the writer refuses before coqc
// ever sees a file (issue 24). coqc itself is run by tests/coq/coq_certificates.sh.
#include "annealcheck/coq/certificate.hpp"

#include <gtest/gtest.h>

namespace annealcheck::coq {
namespace {

using numeric::Rational;

Instance two_dim(const Rational& g2, const Rational& eps) {
  Instance in;
  in.title = "test";
  for (const Rational& g : {Rational(1), g2}) in.coords.push_back({coq_real(g), "1", "1", g, Rational(1), Rational(1)});
  in.alpha = Rational(1, 2);
  in.eps = eps;
  in.alpha_text = "1/2";
  in.eps_text = eps.str();
  in.K = 3;
  return in;
}

TEST(CoqReal, ExactLiterals) {
  EXPECT_EQ(coq_real(Rational(2, 3)), "(2 / 3)");
  EXPECT_EQ(coq_real(Rational(-2, 4)), "(-1 / 2)");
  EXPECT_EQ(coq_real(Rational(7)), "7");
  EXPECT_EQ(coq_real(Rational(-7)), "(-7)");
  // a denominator beyond 64 bits is written in full, not rounded
  Rational tiny = Rational(1) / (Rational(1000000000000) * Rational(1000000000000));
  EXPECT_EQ(coq_real(tiny), "(1 / 1000000000000000000000000)");
}

TEST(Certificate, WritesEveryConclusion) {
  const std::string v = certificate(two_dim(Rational(1, 4), Rational(1, 64)), Goal::Conclusions);
  for (const char* t : {"gf_stop_bracket", "gf_stop_exists", "G_cert", "an_stop_bracket", "A1_cert", "A_cert", "P3_cert",
                        "P4_cert", "P5_cert"})
    EXPECT_NE(v.find(std::string("Theorem ") + t + " "), std::string::npos) << t;
  EXPECT_EQ(v.find("Admitted"), std::string::npos);
  EXPECT_NE(v.find("((1 / 4), 1, 1)"), std::string::npos);
}

// F2's shrunk counterexample (γ = (1, 1/4), λ = δ(0) = 1, α = 1/2, ε = 1/64): its claim
// is refused, its negation written.
TEST(Certificate, FalseClaimIsRefusedAndItsNegationWritten) {
  const Instance in = two_dim(Rational(1, 4), Rational(1, 64));
  try {
    (void)certificate(in, Goal::ClaimF2);
    FAIL() << "a certificate of F2's false claim was written";
  } catch (const Unprovable& e) {
    EXPECT_NE(std::string(e.what()).find("FALSE"), std::string::npos) << e.what();
  }
  EXPECT_NE(certificate(in, Goal::RefuteF2).find("Theorem F2_refuted "), std::string::npos);
}

TEST(Certificate, NothingToCertifyWhenFlowStopsAtZero) {
  // L̂(δ(0)) = 1 + 1/4 <= ε = 2
  EXPECT_THROW((void)certificate(two_dim(Rational(1, 4), Rational(2)), Goal::Conclusions), Unprovable);
}

}  // namespace
}  // namespace annealcheck::coq
