// Coq certificates of Lemma 2's conclusions for one instance (issue 24; docs/coq.md,
// "Coq certificates"). The generated .v file instantiates the library coq/Lemma2.v
// (logical name Annealcheck) and proves, for EVERY T with L̂(T) = ε:
//   gf_stop_bracket / gf_stop_exists  T_lo < T < T_hi, and such a T exists   (E4)
//   G_cert       L_D(δ_GF(T)) ≥ (1 − α) ε min_{S̄} λ_j/γ_j                    (G)
//   A1_cert, A_cert  the two lines of (A) at the annealed stop (η = 1/γ_1)   (A)
//   P3_cert, P4_cert, P5_cert  at every GD step                        (P3)–(P5)
// or, for Goal::RefuteF2, the negation of F2's claim (G without the factor 1 − α).
//
// Contract: the file is written only when every step coq-interval must take was
// first proved here with MPFI (outward rounding) at 257 bits — the stopping-time
// brackets (interval::StoppingBracket, then widened to short dyadic ends so coq's
// 80-bit interval arithmetic decides them with room), the bound of (G) (or of its
// negation) on the whole bracket, and (C1′) Σ_P γ_1 δ_i(0)² > ε. A statement that
// check cannot prove throws Unprovable (the CLI exits 1): in particular a false
// claim's certificate is never written. The exact side conditions (γ ≥ 0,
// 1 − 2ηγ_1 = −1, ...) are left to lra/field in Coq; coqc is the judge.
#pragma once

#include "annealcheck/model/instance_spec.hpp"
#include "annealcheck/numeric/rational.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace annealcheck::coq {

// One coordinate: exact Coq real expressions for γ_i, λ_i, δ_i(0), and the exact
// rationals γ_i, λ_i, δ_i(0)² the checks here need (δ_i(0) itself may be
// irrational: Proposition 1's −100/√α).
struct Coordinate {
  std::string gamma, lambda, delta0;
  numeric::Rational g, l, d0sq;
};

struct Instance {
  std::string title;                 // a comment line at the top of the file
  std::vector<std::string> defs;     // extra Coq definitions before the coordinates (alpha, ...)
  std::vector<Coordinate> coords;    // γ sorted descending, all γ > 0, λ > 0
  std::size_t k = 2;                 // S = {1..k−1}, S̄ = {k..d}
  numeric::Rational alpha, eps;
  std::string alpha_text, eps_text;  // as the user wrote them (comments only)
  long K = 10;
};

enum class Goal { Conclusions, RefuteF2, ClaimF2 };

struct Unprovable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// From an instance file (InputError, exit 2, for what a certificate cannot take:
// γ_i = 0, a step η other than 1/γ_1, K > limits::kMaxCertifiedK — K is a unary nat
// in Coq: coqc checked K = 2000 at d = 5 in 12 s and overflows its stack at K = 10^6).
Instance from_spec(const model::InstanceSpec& spec);
// Proposition 1's (2,1) case (SPEC §4): γ = (2/3, 1/3), λ = (1/2, 1/2), δ(0) = −100/√α (1, 1).
Instance prop1_case21(const numeric::Rational& alpha, const numeric::Rational& eps, long K,
                      const std::string& alpha_text, const std::string& eps_text);

// The .v text; throws Unprovable (see above).
std::string certificate(const Instance& in, Goal goal);

// Exact Coq real literal of q: "(p / q)", "p" or "(-p / q)".
std::string coq_real(const numeric::Rational& q);

}  // namespace annealcheck::coq
