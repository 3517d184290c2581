// prop1.case21-losses — Proposition 1, case (2,1) (SPEC §4), for all α, ε ∈ (0,1), K ≥ 1:
//   (C1), (C2) hold; L_D(GF) ≥ (3/2)·ε′·(1 − α) at every GF checkpoint where they hold
//   for ε′; with η = 3/2, 1 − 2ηγ_2 = 0 so δ_2(K) = 0 and L_D = (3/4)·ε′ at every GF
//   checkpoint after the GD phase; at the stops L_D(GF) ≥ 2(1 − α)·L_D(annealed).
// prop1.case30-equal-loss — case (3,0): S_X = diag(1, 0), η = 3/2 (factor −2 on δ_1):
//   GF and annealed GD reach the same population loss and the same |δ_1| for every K.
// In a floating type 1 − 2ηγ_2 = 1 − 3·fl(1/3) is 0 or ±2^−p: δ_2(K) = 0 and
// L_D = (3/4)ε′ are exact identities, checked against the GD phase's bounds and the
// flow's (lemma2/error_bounds.hpp) — WithinRounding at best, never PASS, in a
// rounding type. (3,0) in double keeps
// K ≤ 400 (L̂(δ(K)) = 4^K·10^4/α must stay finite); a non-finite state is discarded.
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/prop1/prop1_case.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

template <numeric::RealNumber T>
detail::CaseCheck check21(const Prop1Case& c) {
  using Tr = numeric::number_traits<T>;
  using lemma2::exact_side;
  const engine::Prop1Case21 p{model::exact(c.alpha), model::exact(c.eps), c.K};
  const model::Instance<T> in = engine::materialize_prop1<T>(p);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const lemma2::InputSides<T> s = lemma2::input_sides(in, b, 3);  // δ(0) = −100/√α: 3 roundings
  const T zero = numeric::from_int<T>(0);
  const Side<T> one = exact_side(numeric::from_int<T>(1)), two = exact_side(numeric::from_int<T>(2));
  const Side<T> three_halves = exact_side(Tr::from_rational(numeric::Rational(3, 2)));  // dyadic: exact
  const Side<T> three_quarters = exact_side(Tr::from_rational(numeric::Rational(3, 4)));
  VerdictKeeper<T> keep;
  keep.offer(lemma2::condition_c1(s, s.eps, "premise (SPEC §4: holds for all alpha, eps in (0,1))"));
  keep.offer(lemma2::condition_c2(s, s.eps, false, "premise (SPEC §4: holds for all alpha, eps in (0,1))"));

  lemma2::bounds::FlowErrors<T> fe_gf(in.gamma, in.delta0, s.delta0_error);
  const auto gf_observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time) return;
    fe_gf.at(e.delta, *e.time, zero);
    const Side<T> epsp = fe_gf.sum(in.gamma, e.delta, 0, 2);
    if (lemma2::condition_c1(s, epsp, "").verdict != lemma2::Verdict::Holds) return;
    if (lemma2::condition_c2(s, epsp, false, "").verdict != lemma2::Verdict::Holds) return;
    keep.offer(lemma2::decide<T>("Prop1 GF", "L_D(GF) >= (3/2) eps' (1 - alpha) (G with min_Sbar lambda/gamma = 3/2)",
                                 Relation::GreaterEqual, fe_gf.sum(in.lambda, e.delta, 0, 2), three_halves * epsp * (one - s.alpha),
                                 where_gf(e, c.checkpoints)));
  };
  const auto gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, gf_observe);
  fe_gf.at(gf.delta, gf.time, lemma2::bounds::stopping_time_error(in.gamma, in.delta0, s.delta0_error, gf.delta, gf.time, s.eps));
  const Side<T> ld_gf = fe_gf.sum(in.lambda, gf.delta, 0, 2);

  lemma2::StepwiseFacts<T> facts(in, b, s);  // the GD phase's bounds (error_bounds.md §4)
  std::vector<T> delta_K, error_K;
  std::optional<lemma2::bounds::FlowErrors<T>> fe;
  const auto fast_observe = [&](const dynamics::StepEvent<T>& e) {
    if (e.phase == dynamics::Phase::GradientDescent) return facts(e);
    if (!fe) {  // δ(K): the second coordinate must be gone (exactly, for the exact instance)
      delta_K = e.delta;
      error_K = facts.state_errors(e.delta);
      fe.emplace(in.gamma, delta_K, error_K);
      keep.offer(lemma2::decide_equal<T>("Prop1 delta_2(K)", "|delta_2(K)| == 0 (1 - 2 eta gamma_2 = 0 with eta = 3/2, gamma_2 = 1/3)",
                                         Side<T>{lemma2::bounds::abs_of(delta_K[1]), error_K[1]}, exact_side(zero),
                                         "after " + std::to_string(c.K) + " GD steps"));
    }
    fe->at(e.delta, *e.time, zero);
    keep.offer(lemma2::decide_equal<T>("Prop1 annealed", "L_D(annealed) == (3/4) eps'", fe->sum(in.lambda, e.delta, 0, 2),
                                       three_quarters * fe->sum(in.gamma, e.delta, 0, 2),
                                       where_gf(e, c.checkpoints, "after " + std::to_string(c.K) + " GD steps: ")));
  };
  const auto fast = dynamics::run_annealed(in.gamma, in.delta0, in.eta, c.K, in.eps, c.checkpoints, fast_observe);
  fe->at(fast.flow.delta, fast.flow.time,
         lemma2::bounds::stopping_time_error(in.gamma, delta_K, error_K, fast.flow.delta, fast.flow.time, s.eps));
  keep.offer(lemma2::decide<T>("Prop1 ratio", "L_D(GF) >= 2 (1 - alpha) L_D(annealed) at the stops (ratio -> 2)", Relation::GreaterEqual,
                               ld_gf, two * (one - s.alpha) * fe->sum(in.lambda, fast.flow.delta, 0, 2), "GF and annealed stops"));
  return {keep.verdict("Prop1", ""), std::nullopt};
}

template <numeric::RealNumber T>
detail::CaseCheck check30(const Prop1Case& c) {
  const Case30Stops<T> r(c);
  if (!r.finite) return {Verdict{}, "overflow: Lhat(delta(K)) = 4^K Lhat(delta(0)) beyond the range of " + numeric::number_traits<T>::id()};
  VerdictKeeper<T> keep;
  keep.offer(lemma2::decide_equal<T>("Prop1 (3,0) L_D", "L_D(GF) == L_D(annealed) in the (3,0) case", r.at_gf->sum(r.in.lambda, r.gf.delta, 0, 2),
                                     r.at_fast->sum(r.in.lambda, r.fast.flow.delta, 0, 2), "GF and annealed stops, K = " + std::to_string(c.K)));
  Side<T> g = r.gf_coordinate(0), f = r.fast_coordinate(0);
  g.value = lemma2::bounds::abs_of(g.value);
  f.value = lemma2::bounds::abs_of(f.value);
  keep.offer(lemma2::decide_equal<T>("Prop1 (3,0) |delta_1|", "|delta_1(GF)| == |delta_1(annealed)| (both at train loss eps)", g, f,
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
  d.info.case_format = prop1_case_format();
  const long min_K = case21 ? 1 : 0;
  d.generator = [min_K, case21](const GenOptions& g) { return prop1_case(min_K, !case21 && g.type == "double" ? 400 : 10000); };
  d.to_json = [](const Prop1Case& c) { return to_json(c); };
  d.from_json = prop1_case_from_json;
  d.facts = [](const Prop1Case& c) { return facts(c); };
  if (case21)
    detail::add_ladder<detail::kFloatRungs>(d, {.double_cases = 500, .mpfr256_cases = 200}, []<class T>(const Prop1Case& c) { return check21<T>(c); });
  else
    detail::add_ladder<detail::kFloatRungs>(d, {.double_cases = 500, .mpfr256_cases = 200}, []<class T>(const Prop1Case& c) { return check30<T>(c); });
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
