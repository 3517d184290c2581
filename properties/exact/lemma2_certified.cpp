// Certified checks of the Lemma 2 properties, of Proposition 1's (2,1) case and of
// the claims F1, F2, F3, F5: each case is the exact instance, decided by the
// certified reference (src/annealcheck/certified/decide.hpp) on the labels the
// property asserts; F2 and F3, which the reference does not state, from its
// enclosures of L_D at the stops and exact (or MPFI) bounds.
#include "annealcheck/interval/exact_problem.hpp"
#include "properties/exact/certified_case.hpp"
#include "properties/exact/certified_table.hpp"
#include "properties/prop1/prop1_case.hpp"
#include "properties/support/lemma2_case.hpp"

namespace annealcheck::properties::certified_checks {

namespace {

using interval::ExactProblem;
using interval::ReferenceResult;
using numeric::Rational;

CertifyFn on_lemma2(std::vector<std::string> premises, std::vector<std::string> labels, Claim claim = {}) {
  return [premises = std::move(premises), labels = std::move(labels), claim](const nlohmann::json& j) {
    const Lemma2Case c = lemma2_case_from_json(j);
    return decide_labels(engine::Problem(c.spec), c.checkpoints, premises, labels, claim);
  };
}

const interval::Enclosure* quantity(const ReferenceResult& r, const char* id) {
  const auto it = r.quantities.find(id);
  return it == r.quantities.end() ? nullptr : &it->second;
}

// F2: L_D(δ_GF(T)) ≥ ε′·min_S̄ λ_j/γ_j (without (1 − α)), ε′ = L̂ at the stop.
CheckDecision f2(const ReferenceResult& r, const ExactProblem& e) {
  const char* label = "G without (1 - alpha)";
  if (!e.min_ratio_Sbar) return not_applicable(label, "every gamma_j in Sbar is 0");
  const auto* ld = quantity(r, interval::quantity::gf_population_loss);
  const auto* lhat = quantity(r, interval::quantity::gf_train_loss);
  if (!ld || !lhat) return {label, Decision::Undecided, r.bits, {}, {}, {}, "", "no enclosure of the GF stop"};
  return by_enclosures(label, *ld, mul_q(*lhat, *e.min_ratio_Sbar), false, "interval (reference enclosures at the GF stop)");
}

// F3: L_D(δ_fast) ≤ ε′·max_P λ_i/γ_1 + max_Q |1 − 2γ_j/γ_1|^K.
CheckDecision f3(const ReferenceResult& r, const ExactProblem& e) {
  const char* label = "A literal exp";
  const auto* ld = quantity(r, interval::quantity::fast_population_loss);
  const auto* lhat = quantity(r, interval::quantity::fast_train_loss);
  if (!ld || !lhat) return {label, Decision::Undecided, r.bits, {}, {}, {}, "", "no enclosure of the annealed stop"};
  std::optional<interval::Enclosure> lit;  // max_Q |f_j|^K
  for (std::size_t j = 0; j < e.dim(); ++j) {
    if (e.in_P[j]) continue;
    Rational f = Rational(1) - Rational(2) * e.gamma[j] / e.gamma[0];
    if (f.sign() < 0) f = Rational(0) - f;
    const interval::Enclosure p = pow_q(f, static_cast<unsigned long>(e.K), r.bits);
    lit = lit ? max(*lit, p) : p;
  }
  const interval::Enclosure rhs = lit ? add(mul_q(*lhat, e.mu), *lit) : mul_q(*lhat, e.mu);
  return by_enclosures(label, *ld, rhs, true, "interval (reference enclosures at the annealed stop; |f_j|^K in MPFI)");
}

// Proposition 1 (2,1): 1 − 2ηγ_2 = 0 exactly, so δ_2(K) = 0 and L_D = (λ_1/γ_1)·L̂ = (3/4)·L̂
// at every point after the GD phase: an equality decided exactly.
CheckDecision prop1_three_quarters(const ReferenceResult& r, const ExactProblem& e) {
  const char* label = "L_D(annealed) = (3/4) eps'";
  if (!r.gd_steps) return tie(label, "where GD stops is undecided: the identity is not decided exactly");
  const bool exact = *r.gd_steps >= 1 && e.factor[1].sign() == 0 && e.lambda[0] / e.gamma[0] == Rational(3, 4);
  if (exact)
    return exact_decision(label, true, "exact rational",
                          "1 - 2 eta gamma_2 = 0 and " + std::to_string(*r.gd_steps) + " >= 1 GD steps: delta_2 = 0, L_D = (lambda_1/gamma_1) Lhat");
  return tie(label, "no GD step taken: the identity is not decided exactly");
}

CertifiedVerdict prop1_case21(const nlohmann::json& j) {
  const Prop1Case c = prop1_case_from_json(j);
  const engine::Prop1Case21 p{model::exact(c.alpha), model::exact(c.eps), c.K};
  return decide_labels(engine::Problem(p), c.checkpoints, {}, {"C1", "C2", "G", "G@GF", "A.1", "A"}, prop1_three_quarters);
}

}  // namespace

void add_lemma2(std::map<std::string, CertifyFn>& t) {
  t["lemma2.gf-lower-bound"] = on_lemma2({"C1", "C2"}, {"G", "G@GF"});
  t["lemma2.strengthened-gf-lower-bound"] = on_lemma2({"C2'"}, {"G"});
  t["lemma2.annealed-upper-bound"] = on_lemma2({"C1"}, {"A.1", "A", "A.1@GF"});
  t["lemma2.strengthened-annealed-upper-bound"] = on_lemma2({"C1'"}, {"A.1", "A"});
  t["lemma2.p1-stopping-time"] = on_lemma2({}, {"P1"});
  t["lemma2.p2-block-split"] = on_lemma2({"C1", "C2"}, {"P2.S", "P2.Sbar"});
  t["lemma2.p3-top-sign-flip"] = on_lemma2({"C1"}, {"P3"});
  t["lemma2.p4-tail-decay"] = on_lemma2({"C1"}, {"P4"});
  t["lemma2.p5-no-early-stop"] = on_lemma2({"C1"}, {"P5"});
  t["prop1.case21-losses"] = prop1_case21;
  t["falsify.f1-g-without-c2"] = on_lemma2({"C1"}, {"G"});
  t["falsify.f2-g-without-one-minus-alpha"] = on_lemma2({"C1", "C2"}, {}, f2);
  t["falsify.f3-a-literal-exp"] = on_lemma2({"C1", "C2"}, {}, f3);
  t["falsify.f5-a-short-step"] = on_lemma2({"C1", "C2"}, {"A"});
}

}  // namespace annealcheck::properties::certified_checks
