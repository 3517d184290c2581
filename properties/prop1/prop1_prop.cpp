// prop1.case21-losses — Proposition 1, case (2,1) (SPEC §4), for all α, ε ∈ (0,1), K ≥ 1:
//   (C1), (C2) hold; L_D(GF) ≥ (3/2)·ε′·(1 − α) at every GF checkpoint where they hold
//   for ε′; with η = 3/2, 1 − 2ηγ_2 = 0 so δ_2(K) = 0 and L_D = (3/4)·ε′ at every GF
//   checkpoint after the GD phase; at the stops L_D(GF) ≥ 2(1 − α)·L_D(annealed).
// prop1.case30-equal-loss — case (3,0): S_X = diag(1, 0), η = 3/2 (factor −2 on δ_1):
//   GF and annealed GD reach the same population loss and the same |δ_1| for every K.
// In a floating type 1 − 2ηγ_2 = 1 − 3·fl(1/3) is 0 or ±2^−p: |δ_2(K)| ≤ 2u|δ_2(0)| is
// checked, and the residual (1/4)δ_2² it leaves in L_D − (3/4)ε′ is added to that
// allowance (the exact identity L_D − (3/4)L̂ = (1/4)δ_2²). (3,0) in double keeps
// K ≤ 400 (L̂(δ(K)) = 4^K·10^4/α must stay finite); a non-finite state is discarded.
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/prop1/prop1_case.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

template <numeric::RealNumber T>
detail::CaseCheck check21(const Prop1Case& c) {
  using std::abs;
  using Tr = numeric::number_traits<T>;
  const engine::Prop1Case21 p{model::exact(c.alpha), model::exact(c.eps), c.K};
  const model::Instance<T> in = engine::materialize_prop1<T>(p);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), two = numeric::from_int<T>(2),
          four = numeric::from_int<T>(4), eight = numeric::from_int<T>(8);
  const T three_halves = Tr::from_rational(numeric::Rational(3, 2)), three_quarters = Tr::from_rational(numeric::Rational(3, 4));
  VerdictKeeper<T> keep;
  keep.offer(c1_at(in, in.eps, zero, "premise (SPEC §4: holds for all alpha, eps in (0,1))"));
  if (auto q = c2_at(in, b, in.eps, zero, false, "premise (SPEC §4: holds for all alpha, eps in (0,1))")) keep.offer(*q);

  T ld_gf = zero, kd_gf = zero;
  const auto gf_observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time) return;
    const T& epsp = e.train_loss;
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, *e.time);
    if (!certainly(c1_at(in, epsp, kh, ""))) return;
    if (const auto q = c2_at(in, b, epsp, kh, false, ""); q && !certainly(*q)) return;
    const T ld = model::population_loss(in.lambda, e.delta);
    const T kd = flow_error_units(in.lambda, in.gamma, e.delta, *e.time);
    keep.offer(decide_within<T>("Prop1 GF", "L_D(GF) >= (3/2) eps' (1 - alpha) (G with min_Sbar lambda/gamma = 3/2)", Relation::GreaterEqual,
                                ld, T(three_halves * epsp * (one - in.alpha)), T(two * (kd + kh + four)), where_gf(e, c.checkpoints)));
    ld_gf = ld;
    kd_gf = kd;
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, gf_observe);

  T ld_fast = zero, kd_fast = zero;
  bool in_flow = false;
  const auto fast_observe = [&](const dynamics::StepEvent<T>& e) {
    if (e.phase == dynamics::Phase::GradientDescent) return;
    if (!in_flow) {  // δ(K): the second coordinate must be gone
      in_flow = true;
      keep.offer(decide_with_allowance<T>("Prop1 delta_2(K)", "|delta_2(K)| == 0 (1 - 2 eta gamma_2 = 0 with eta = 3/2, gamma_2 = 1/3)",
                                          Relation::LessEqual, abs(e.delta[1]), zero, T(two * Tr::epsilon() * abs(in.delta0[1])),
                                          "after " + std::to_string(c.K) + " GD steps"));
    }
    const T& epsp = e.train_loss;
    const T ld = model::population_loss(in.lambda, e.delta);
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, *e.time);
    const T kd = flow_error_units(in.lambda, in.gamma, e.delta, *e.time);
    const T residual = e.delta[1] * e.delta[1] / four;  // L_D − (3/4)L̂ = (1/4)δ_2² exactly
    keep.offer(decide_equal<T>("Prop1 annealed", "L_D(annealed) == (3/4) eps'", ld, T(three_quarters * epsp),
                               T(relative_allowance(ld, T(three_quarters * epsp), T(two * (kd + kh + eight))) + residual),
                               where_gf(e, c.checkpoints, "after " + std::to_string(c.K) + " GD steps: ")));
    ld_fast = ld;
    kd_fast = kd;
  };
  dynamics::run_annealed(in.gamma, in.delta0, in.eta, c.K, in.eps, c.checkpoints, fast_observe);
  keep.offer(decide_within<T>("Prop1 ratio", "L_D(GF) >= 2 (1 - alpha) L_D(annealed) at the stops (ratio -> 2)", Relation::GreaterEqual,
                              ld_gf, T(two * (one - in.alpha) * ld_fast), T(two * (kd_gf + kd_fast + eight + eight)), "GF and annealed stops"));
  return {keep.verdict("Prop1", ""), std::nullopt};
}

template <numeric::RealNumber T>
detail::CaseCheck check30(const Prop1Case& c) {
  const Case30<T> in = materialize_case30<T>(c);
  const T two = numeric::from_int<T>(2), eight = numeric::from_int<T>(8);
  const auto gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, dynamics::NullObserver{});
  bool finite = true;
  const auto fast_observe = [&](const dynamics::StepEvent<T>& e) {
    if (e.phase == dynamics::Phase::GradientDescent && e.index == static_cast<std::size_t>(c.K))
      finite = is_finite(e.train_loss) && is_finite(e.delta[0]);
  };
  const auto fast = dynamics::run_annealed(in.gamma, in.delta0, in.eta, c.K, in.eps, c.checkpoints, fast_observe);
  if (!finite) return {Verdict{}, "overflow: Lhat(delta(K)) = 4^K Lhat(delta(0)) beyond the range of " + numeric::number_traits<T>::id()};
  VerdictKeeper<T> keep;
  const T kg = lemma2_checks::flow_error_units(in.lambda, in.gamma, gf.delta, gf.time);
  const T kf = lemma2_checks::flow_error_units(in.lambda, in.gamma, fast.flow.delta, fast.flow.time);
  const T ld_g = model::population_loss(in.lambda, gf.delta), ld_f = model::population_loss(in.lambda, fast.flow.delta);
  keep.offer(decide_equal<T>("Prop1 (3,0) L_D", "L_D(GF) == L_D(annealed) in the (3,0) case", ld_g, ld_f,
                             relative_allowance(ld_g, ld_f, T(two * (kg + kf + eight))), "GF and annealed stops, K = " + std::to_string(c.K)));
  using std::abs;
  const T kg1 = lemma2_checks::flow_error_units(in.gamma, in.gamma, gf.delta, gf.time);
  const T kf1 = lemma2_checks::flow_error_units(in.gamma, in.gamma, fast.flow.delta, fast.flow.time);
  keep.offer(decide_equal<T>("Prop1 (3,0) |delta_1|", "|delta_1(GF)| == |delta_1(annealed)| (both at train loss eps)", abs(gf.delta[0]),
                             abs(fast.flow.delta[0]), relative_allowance(gf.delta[0], fast.flow.delta[0], T(kg1 + kf1 + eight)),
                             "GF and annealed stops, K = " + std::to_string(c.K)));
  return {keep.verdict("Prop1 (3,0)", ""), std::nullopt};
}

detail::PropertyDef<Prop1Case> def(bool case21) {
  detail::PropertyDef<Prop1Case> d;
  d.info.id = case21 ? "prop1.case21-losses" : "prop1.case30-equal-loss";
  d.info.statement = case21 ? "Proposition 1 (2,1) for all alpha, eps in (0,1), K >= 1: (C1), (C2) hold; L_D(GF) >= (3/2) eps (1-alpha); delta_2(K) = 0 and L_D(annealed) = (3/4) eps; ratio >= 2(1-alpha)"
                            : "Proposition 1 (3,0), eta = 3/2: GF and annealed GD reach equal population losses and equal |delta_1| for every K >= 0";
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 2;
  d.info.case_format = "{alpha, eps, K, checkpoints}";
  const long min_K = case21 ? 1 : 0;
  d.generator = [min_K, case21](const GenOptions& g) { return prop1_case(min_K, !case21 && g.type == "double" ? 400 : 10000); };
  d.to_json = [](const Prop1Case& c) { return to_json(c); };
  d.from_json = prop1_case_from_json;
  d.facts = [](const Prop1Case& c) { return facts(c); };
  if (case21) {
    d.add_type<double>(500, check21<double>);
#if ANNEALCHECK_FULL_LADDER
    d.add_type<numeric::mpfr256>(200, check21<numeric::mpfr256>);
#endif
  } else {
    d.add_type<double>(500, check30<double>);
#if ANNEALCHECK_FULL_LADDER
    d.add_type<numeric::mpfr256>(200, check30<numeric::mpfr256>);
#endif
  }
  return d;
}

}  // namespace

namespace detail {
void add_prop1(Catalog& c) {
  c.push_back(make_entry(def(true)));
  c.push_back(make_entry(def(false)));
}
}  // namespace detail

}  // namespace annealcheck::properties
