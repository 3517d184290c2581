// lemma2.annealed-upper-bound — (A), both lines, under (C1);
// lemma2.strengthened-annealed-upper-bound — (A) under (C1′) alone (SPEC §3 notes).
//
// Annealed GD(K, η = 1/γ_1, ε): K steps of (E5), then GF. Every GF checkpoint
// after the GD phase is a stopping point for ε′ = L̂ there (SPEC §3 "At every
// step"); where ε′ < γ_1 δ_1(0)² ((C1′) form: ε′ < Σ_P γ_1 δ_i(0)²) certainly:
//   (A.1) L_D ≤ ε′·max_{i∈P} λ_i/γ_1 + Σ_{i∈Q} λ_i δ_i(K)²
//   (A)   L_D ≤ ε′·max_{i∈P} λ_i/γ_1 + c^K·Σ_{i∈Q} λ_i δ_i(0)²
// and the GD phase must have run all K steps ((P5): under (C1) it never stops early).
// In a floating type P, Q and c are those of the rounded instance (core
// lemma2/blocks.hpp: P by equality in T; c from the computed factors), so the
// bound is the one the computed dynamics obey. Allowance: the flow's κ's of
// lemma2_checks.hpp with 3K + 2 carried from the GD phase, plus 2K + d for c^K.
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

template <numeric::RealNumber T>
detail::CaseCheck check_a(const Lemma2Case& c, bool strengthened) {
  using std::pow;
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const T zero = numeric::from_int<T>(0), two = numeric::from_int<T>(2);
  const std::size_t d = in.dim();
  const T level = strengthened ? b.top_mass0 : T(in.gamma[0] * in.delta0[0] * in.delta0[0]);
  const T dd = numeric::from_int<T>(static_cast<long>(d));
  const auto top_premise = [&](const T& eps, const T& units, std::string where) {
    return decide_within<T>(strengthened ? "C1'" : "C1", strengthened ? "sum_P gamma_1 delta_i(0)^2 > eps'" : "gamma_1 delta_1(0)^2 > eps'",
                            Relation::Greater, level, eps, T(units + dd + numeric::from_int<T>(4)), std::move(where));
  };
  if (auto f = premise_failure(top_premise(in.eps, zero, "premise"))) return *f;

  const T max_top = max_ratio_top(in, b);
  T tail0 = zero;
  for (std::size_t i = 0; i < d; ++i)
    if (!b.in_P[i]) tail0 += in.lambda[i] * in.delta0[i] * in.delta0[i];
  const T cK = pow(b.c, numeric::from_int<T>(in.K));
  const T carried = numeric::from_int<T>(3 * in.K + 2);
  const T k2 = numeric::from_int<T>(2 * in.K + 10);

  VerdictKeeper<T> keep;
  bool in_flow = false;
  T tail_K = zero;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (e.phase == dynamics::Phase::GradientDescent) return;
    if (!in_flow) {  // the flow starts at δ(K)
      in_flow = true;
      for (std::size_t i = 0; i < d; ++i)
        if (!b.in_P[i]) tail_K += in.lambda[i] * e.delta[i] * e.delta[i];
    }
    const T& epsp = e.train_loss;
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, *e.time, carried);
    if (!certainly(top_premise(epsp, kh, ""))) return;
    const T ld = model::population_loss(in.lambda, e.delta);
    const T kd = flow_error_units(in.lambda, in.gamma, e.delta, *e.time, carried);
    const std::string where = where_gf(e, c.checkpoints, "after " + std::to_string(in.K) + " GD steps: ");
    keep.offer(decide_within<T>("A.1", "(A) first line: L_D <= eps' max_{i in P} lambda_i/gamma_1 + sum_{i in Q} lambda_i delta_i(K)^2",
                                Relation::LessEqual, ld, T(epsp * max_top + tail_K), T(two * (kd + kh + dd + numeric::from_int<T>(8))), where));
    keep.offer(decide_within<T>("A", "(A) explicit: L_D <= eps' max_{i in P} lambda_i/gamma_1 + c^K sum_{i in Q} lambda_i delta_i(0)^2",
                                Relation::LessEqual, ld, T(epsp * max_top + cK * tail0), T(two * (kd + kh + dd + k2)), where));
  };
  const auto run = dynamics::run_annealed(in.gamma, in.delta0, in.eta, in.K, in.eps, c.checkpoints, observe);
  if (run.descent.stopped_early || run.descent.steps != in.K) {
    Verdict v = keep.verdict("A", "");
    v.holds = false;
    v.label = "P5 (GD ran all K steps)";
    v.relation = "==";
    v.lhs = std::to_string(run.descent.steps);
    v.rhs = std::to_string(in.K);
    v.margin = std::to_string(run.descent.steps - in.K);
    v.where = "GD phase";
    v.note = "under (C1) the GD phase never stops early (P5); it took " + std::to_string(run.descent.steps) + " of K steps";
    return {v, std::nullopt};
  }
  return {keep.verdict("A", "no GF checkpoint after GD below the (C1) level"), std::nullopt};
}

detail::PropertyDef<Lemma2Case> def(bool strengthened) {
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = strengthened ? "lemma2.strengthened-annealed-upper-bound" : "lemma2.annealed-upper-bound";
  d.info.statement = strengthened
                         ? "(A) both lines under (C1') alone, |P| >= 2 and delta_1(0) often 0 so that (C1) fails (SPEC §3 notes), at every GF checkpoint after K GD steps"
                         : "(A) under (C1): L_D <= eps' max_P lambda_i/gamma_1 + sum_Q lambda_i delta_i(K)^2 <= eps' max_P lambda_i/gamma_1 + c^K sum_Q lambda_i delta_i(0)^2 at every GF checkpoint after K GD steps";
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = strengthened ? 3 : 2;
  d.info.max_dim = 64;
  d.info.case_format = "Lemma 2 instance: {gamma, lambda, delta0, k, rho?, alpha, eps, K, checkpoints}";
  const Premises p = strengthened ? Premises::C1Prime : Premises::C1C2;
  d.generator = [p](const GenOptions& g) { return lemma2_case({g.max_dim, p, 10000, false}); };
  d.to_json = [](const Lemma2Case& c) { return to_json(c); };
  d.from_json = lemma2_case_from_json;
  d.facts = [strengthened](const Lemma2Case& c) {
    CaseFacts f = facts(c);
    if (strengthened && !c1_holds(c.spec)) f.tags.push_back("C1-fails");
    return f;
  };
  d.add_type<double>(400, [strengthened](const Lemma2Case& c) { return check_a<double>(c, strengthened); });
#if ANNEALCHECK_FULL_LADDER
  d.add_type<numeric::mpfr256>(100, [strengthened](const Lemma2Case& c) { return check_a<numeric::mpfr256>(c, strengthened); });
#endif
  return d;
}

}  // namespace

namespace detail {
void add_annealed_upper_bound(Catalog& c) {
  c.push_back(make_entry(def(false)));
  c.push_back(make_entry(def(true)));
}
}  // namespace detail

}  // namespace annealcheck::properties
