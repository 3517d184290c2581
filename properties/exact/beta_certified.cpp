// Certified check of dynamics.beta-space-losses (SPEC §5): the losses of β in
// β-space, with S_X = UΓUᵀ and Σ_X = UΛUᵀ, equal the δ-space (E1), (E2) at every
// GD step and GF checkpoint. Decided exactly:
//   - "U orthogonal": UᵀU = I in rationals. Then (β − β*)ᵀ S_X (β − β*) = δᵀΓδ for
//     β − β* = Uδ and any real δ, so the GF checkpoints (δ(t) irrational) and every
//     GD step (r(t+1) = U(I − 2ηΓ)Uᵀ r(t), r(0) = Uδ(0) gives r(t) = Uδ(t)) agree.
//   - "beta-space GD": for d ≤ 16, K ≤ 64 the β-space iteration itself, in rationals,
//     against Σ γ_i δ_i(t)² and Σ λ_i δ_i(t)² at every step (beyond: not computed,
//     the orthogonality proof above covers it).
#include "annealcheck/io/exact_json.hpp"
#include "properties/exact/certified_case.hpp"
#include "properties/exact/certified_table.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/orthogonal.hpp"

namespace annealcheck::properties::certified_checks {

namespace {

using numeric::Rational;

bool orthogonal(const RationalMatrix& u) {
  const std::size_t d = u.size();
  for (std::size_t a = 0; a < d; ++a)
    for (std::size_t b = 0; b < d; ++b) {
      Rational s;
      for (std::size_t k = 0; k < d; ++k) s = s + u[k][a] * u[k][b];
      if (!(s == Rational(a == b ? 1 : 0))) return false;
    }
  return true;
}

Rational quadratic(const RationalMatrix& m, const std::vector<Rational>& r) {
  const std::vector<Rational> mr = multiply(m, r);
  Rational s;
  for (std::size_t i = 0; i < r.size(); ++i) s = s + r[i] * mr[i];
  return s;
}

// The β-space GD of the case against δ-space (E1), (E2), exactly; empty when they agree.
std::string gd_mismatch(const model::InstanceSpec& s, const RationalMatrix& u) {
  const std::size_t d = s.dim();
  std::vector<Rational> gamma, lambda, delta;
  for (std::size_t i = 0; i < d; ++i) gamma.push_back(s.gamma[i].value), lambda.push_back(s.lambda[i].value), delta.push_back(s.delta0[i].value);
  const RationalMatrix S = conjugate_diagonal(u, gamma), Sigma = conjugate_diagonal(u, lambda);
  const Rational eta = s.eta ? s.eta->value : Rational(1) / gamma[0];
  std::vector<Rational> r = multiply(u, delta);  // β − β*: the iteration does not need β* itself
  for (long t = 0;; ++t) {
    Rational lh, ld;
    for (std::size_t i = 0; i < d; ++i) lh = lh + gamma[i] * delta[i] * delta[i], ld = ld + lambda[i] * delta[i] * delta[i];
    if (!(quadratic(S, r) == lh) || !(quadratic(Sigma, r) == ld)) return "GD step " + std::to_string(t);
    if (t == s.K) return "";
    const std::vector<Rational> g = multiply(S, r);
    for (std::size_t i = 0; i < d; ++i) {
      r[i] = r[i] - Rational(2) * eta * g[i];
      delta[i] = delta[i] - Rational(2) * eta * gamma[i] * delta[i];
    }
  }
}

CertifiedVerdict beta_space(const nlohmann::json& j) {
  const std::vector<std::vector<int>> h = io::read_int_rows(j, "householder", -1000, 1000);
  nlohmann::json inst = j;
  inst.erase("householder");
  inst.erase("beta_star");
  const Lemma2Case c = lemma2_case_from_json(inst);
  const RationalMatrix u = householder_product(c.spec.dim(), h);
  std::vector<CheckDecision> out;
  out.push_back(exact_decision("U orthogonal", orthogonal(u), "exact rational",
                               "U^T U = I: beta-space losses of beta* + U delta equal the delta-space ones for every real delta"));
  if (c.spec.dim() <= 16 && c.spec.K <= 64) {
    const std::string bad = gd_mismatch(c.spec, u);
    out.push_back(exact_decision("beta-space GD", bad.empty(), "exact rational", bad.empty() ? "every GD step t <= K" : bad));
  }
  return summarize(out);
}

// dynamics.gf-odeint: its point check compares (E4) with a numerical integrator,
// which has no exact counterpart. What makes (E4) the exact flow is that the
// rational U diagonalises S_X = UΓUᵀ exactly: then δ = Uᵀ(β − β*) turns
// dβ/dt = −2S_X(β − β*) into dδ_i/dt = −2γ_iδ_i, solved by δ_i(0)e^{−2γ_i t}. Both
// facts are decided exactly: UᵀU = I and UᵀS_XU = Γ.
CertifiedVerdict ode_flow(const nlohmann::json& j) {
  const std::vector<Rational> gamma = io::read_rationals(j, "gamma");
  const RationalMatrix u = householder_product(gamma.size(), io::read_int_rows(j, "householder", -1000, 1000));
  const RationalMatrix s = conjugate_diagonal(u, gamma);
  bool diagonal = true;
  for (std::size_t a = 0; a < gamma.size(); ++a)
    for (std::size_t b = 0; b < gamma.size(); ++b) {
      Rational x;
      for (std::size_t k = 0; k < gamma.size(); ++k)
        for (std::size_t l = 0; l < gamma.size(); ++l) x = x + u[k][a] * s[k][l] * u[l][b];
      diagonal = diagonal && x == (a == b ? gamma[a] : Rational(0));
    }
  std::vector<CheckDecision> out;
  out.push_back(exact_decision("U orthogonal", orthogonal(u), "exact rational", "U^T U = I"));
  out.push_back(exact_decision("U^T S_X U = Gamma", diagonal, "exact rational",
                               "the beta-space flow decouples into d delta_i/dt = -2 gamma_i delta_i: (E4) is the exact flow"));
  return summarize(out);
}

}  // namespace

void add_beta(std::map<std::string, CertifyFn>& t) {
  t["dynamics.beta-space-losses"] = beta_space;
  t["dynamics.gf-odeint"] = ode_flow;
}

}  // namespace annealcheck::properties::certified_checks
