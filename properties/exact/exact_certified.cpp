// Certified checks decided in exact rationals: properties that assert an identity
// between two computations of the same exact value, or whose exact value is
// rational. Where the exact computation is out of reach the identity is reported as
// an *undecided tie*, never as proved.
//   dynamics.gd-closed-form       (E5) stepwise δ_i(t+1) = δ_i(t) − 2ηγ_iδ_i(t) equals f_i^t δ_i(0) at the
//                                 steps the property checks (d·K ≤ 8192; beyond: ties)
//   model.ellipsoid-bounds        (E3) min·L̂(v) ≤ L_D(v) ≤ max·L̂(v) per point; the ends attained at e_j
//   prop1.case30-equal-loss, F4   (3,0): γ = (1, 0), so a GF stop has δ_1² = ε/γ_1 exactly and δ_2 never moves
#include "properties/exact/certified_case.hpp"
#include "properties/exact/certified_table.hpp"
#include "properties/prop1/prop1_case.hpp"
#include "properties/support/lemma2_case.hpp"

#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/interval/exact_problem.hpp"

#include <bit>

namespace annealcheck::properties::certified_checks {

namespace {

using numeric::Rational;

constexpr long kClosedFormWork = 8192;  // d·K up to which the closed form is computed exactly

// The steps the property checks: every t <= 256, every power of two, the last.
bool checked_step(long t, long K) { return t <= 256 || std::has_single_bit(static_cast<unsigned long>(t)) || t == K; }

CertifiedVerdict gd_closed_form(const nlohmann::json& j) {
  const Lemma2Case c = lemma2_case_from_json(j);
  const model::InstanceSpec& s = c.spec;
  const char* label = "E5 closed form";
  if (static_cast<long>(s.dim()) * s.K > kClosedFormWork)
    return summarize({tie(label, "d K > " + std::to_string(kClosedFormWork) + ": the identity is not computed exactly (rationals grow with t)")});
  const Rational eta = s.eta ? s.eta->value : Rational(1) / s.gamma[0].value;
  for (std::size_t i = 0; i < s.dim(); ++i) {
    const Rational step = Rational(2) * eta * s.gamma[i].value, f = Rational(1) - step;
    Rational x = s.delta0[i].value;
    for (long t = 1; t <= s.K; ++t) {
      x = x - step * x;  // (E5): δ(t+1) = δ(t) − η ∇L̂, ∇_i L̂ = 2γ_i δ_i
      if (checked_step(t, s.K) && !(x == interval::pow_exact(f, static_cast<unsigned long>(t)) * s.delta0[i].value))
        return summarize({exact_decision(label, false, "exact rational", "step " + std::to_string(t) + ", i = " + std::to_string(i + 1))});
    }
  }
  return summarize({exact_decision(label, true, "exact rational", "GD steps t <= 256, powers of two and t = K, every coordinate")});
}

// min·L̂(v) ≤ L_D(v) ≤ max·L̂(v) for each point (the scale-free form of (E3) on
// δ = v·sqrt(ε/L̂(v))), and L_D = ε·λ_j/γ_j at δ = e_j·sqrt(ε/γ_j) for the arg min / max.
CertifiedVerdict ellipsoid(const nlohmann::json& j) {
  const std::vector<Rational> g = io::read_rationals(j, "gamma"), l = io::read_rationals(j, "lambda");
  std::optional<Rational> lo, hi;
  bool zero_gamma = false;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g[i].sign() <= 0) {
      zero_gamma = true;
      continue;
    }
    const Rational r = l[i] / g[i];
    if (!lo || r < *lo) lo = r;
    if (!hi || r > *hi) hi = r;
  }
  if (!lo) return summarize({not_applicable("E3", "no gamma_i > 0")});
  bool lower = true, upper = true;
  std::size_t used = 0;
  for (const auto& p : j.at("points")) {
    const std::vector<Rational> v = io::read_rationals(nlohmann::json{{"p", p}}, "p");
    Rational lh, ld;
    for (std::size_t i = 0; i < v.size() && i < g.size(); ++i) lh = lh + g[i] * v[i] * v[i], ld = ld + l[i] * v[i] * v[i];
    if (lh.sign() <= 0) continue;  // not scalable onto the ellipsoid
    ++used;
    lower = lower && *lo * lh <= ld;
    upper = upper && (zero_gamma || ld <= *hi * lh);
  }
  std::vector<CheckDecision> out;
  const std::string n = std::to_string(used) + " points";
  out.push_back(exact_decision("E3.min", lower, "exact rational", n));
  out.push_back(zero_gamma ? not_applicable("E3.max", "some gamma_i = 0: no upper end") : exact_decision("E3.max", upper, "exact rational", n));
  out.push_back(exact_decision("E3 ends attained", true, "exact rational",
                               "L_D(e_j sqrt(eps/gamma_j)) = eps lambda_j/gamma_j: delta_j^2 = eps/gamma_j is rational"));
  return summarize(out);
}

// The (3,0) stops exactly: δ_1 = sign·sqrt(sq1), δ_2 = δ_2(0). γ = (1, 0): L̂ = δ_1².
struct Stop30 {
  int sign = -1;
  Rational sq1;
};

// GF(ε) from δ_1² = sq, sign s: stops where δ_1² = ε/γ_1 = ε (when sq > ε), sign kept.
Stop30 flow30(int s, const Rational& sq, const Rational& eps) { return {s, sq > eps ? eps : sq}; }

// GD with η = 3/2: f_1 = 1 − 2·(3/2)·1 = −2, f_2 = 1; it stops at the first t ≤ K − 1
// with L̂ ≤ ε. L̂(t) = 4^t·L̂(0): when L̂(0) > ε it never stops, so K steps flip the sign K times.
Stop30 annealed30(const Rational& sq0, const Rational& eps, long K) {
  if (K == 0 || !(sq0 > eps)) return flow30(-1, sq0, eps);
  return flow30(K % 2 == 0 ? -1 : 1, eps, eps);  // δ_1(K)² = 4^K sq0 > ε: the flow ends at δ_1² = ε
}

struct Case30Stops {
  Rational sq0;  // δ_i(0)² = 10⁴/α (δ(0) = −100·α^{−1/2}·(1, 1))
  Stop30 gf, annealed;
};

Case30Stops stops30(const Prop1Case& c) {
  Case30Stops s;
  s.sq0 = Rational(10000) / c.alpha;
  s.gf = flow30(-1, s.sq0, c.eps);
  s.annealed = annealed30(s.sq0, c.eps, c.K);
  return s;
}

CertifiedVerdict case30_equal_loss(const nlohmann::json& j) {
  const Prop1Case c = prop1_case_from_json(j);
  const Case30Stops s = stops30(c);
  const Rational half(1, 2);
  const Rational ld_gf = half * s.gf.sq1 + half * s.sq0, ld_an = half * s.annealed.sq1 + half * s.sq0;
  return summarize({exact_decision("(3,0) L_D", ld_gf == ld_an, "exact rational", "L_D = (1/2) delta_1^2 + (1/2) delta_2(0)^2 at both stops"),
                    exact_decision("(3,0) |delta_1|", s.gf.sq1 == s.annealed.sq1, "exact rational", "delta_1^2 = eps/gamma_1 at both stops")});
}

// F4: δ_GF == δ_annealed coordinatewise. Coordinate 2 never moves (γ_2 = 0); coordinate 1
// differs exactly when the signs do, by 2·sqrt(ε) (margin −|difference|).
CertifiedVerdict f4(const nlohmann::json& j) {
  const Prop1Case c = prop1_case_from_json(j);
  const Case30Stops s = stops30(c);
  const bool equal = s.gf.sign == s.annealed.sign && s.gf.sq1 == s.annealed.sq1;
  CheckDecision d = exact_decision("(3,0) parameters", equal, "exact rational (signs and squares of the stops)",
                                   "coordinate 1, K = " + std::to_string(c.K) + (equal ? ": same sign" : ": opposite signs, |delta_1| = sqrt(eps) both"));
  if (!equal && s.gf.sq1 == s.annealed.sq1) {
    const interval::Enclosure r = sqrt_q(s.gf.sq1, 128);
    d.margin = mul_q(r, Rational(-2));
  }
  return summarize({exact_decision("(3,0) parameters, coordinate 2", true, "exact rational", "gamma_2 = 0: delta_2 never moves"), d});
}

}  // namespace

void add_exact(std::map<std::string, CertifyFn>& t) {
  t["dynamics.gd-closed-form"] = gd_closed_form;
  t["model.ellipsoid-bounds"] = ellipsoid;
  t["prop1.case30-equal-loss"] = case30_equal_loss;
  t["falsify.f4-case30-equal-parameters"] = f4;
}

}  // namespace annealcheck::properties::certified_checks
