// lemma2.p3-top-sign-flip, lemma2.p4-tail-decay, lemma2.p5-no-early-stop:
// the proof facts of (A) at every GD step of the annealed run (η = 1/γ_1), SPEC §3:
//   (P3) |δ_i(t)| = |δ_i(0)| for i ∈ P
//   (P4) δ_i(t)² ≤ c^t δ_i(0)² for i ∈ Q
//   (P5) L̂(δ(t)) ≥ Σ_{i∈P} γ_1 δ_i(0)² > ε, so the GD phase takes all K steps under (C1)
// Asserted by the core's allocation-free StepwiseFacts (lemma2/stepwise_facts.hpp,
// error bounds of lemma2/error_bounds.md §4) through the GD observer. In a rounding
// type (P3) is an identity: WithinRounding at best, never PASS.
// In mpq everything is exact: η = 1/γ_1 exactly, so (P3) is an exact sign flip.
// mpq cases are capped at d ≤ 12 and K ≤ 64 (rationals grow by ~log2(height of
// 1 − 2γ_i/γ_1) bits per step).
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/lemma2_property.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

template <numeric::OrderedNumber T>
detail::CaseCheck check_fact(const Lemma2Case& c, int fact) {
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const lemma2::InputSides<T> s = lemma2::input_sides(in, b);
  // (C1) as constructed: γ_1 δ_1(0)² > ε beyond rounding.
  if (auto f = lemma2_checks::premise_failure(lemma2::condition_c1(s, s.eps, "premise"), c.spec)) return *f;
  lemma2::StepwiseFacts<T> facts(in, b, s);
  const auto r = dynamics::run_descent_phase(in.gamma, in.delta0, in.eta, in.K, in.eps,
                                             [&](const dynamics::StepEvent<T>& e) { facts(e); });
  if (fact == 2 && (r.stopped_early || r.steps != in.K)) {
    return {step_count_failure<T>("P5", "the GD phase takes all K steps under (C1)", r.steps, in.K, "GD phase",
                                  "stopped early at train loss " + numeric::number_traits<T>::str(r.train_loss)),
            std::nullopt};
  }
  return {to_verdict(facts.results()[static_cast<std::size_t>(fact)]), std::nullopt};
}

detail::PropertyDef<Lemma2Case> def(int fact) {
  static const char* ids[3] = {"lemma2.p3-top-sign-flip", "lemma2.p4-tail-decay", "lemma2.p5-no-early-stop"};
  static const char* statements[3] = {
      "(P3) under GD with eta = 1/gamma_1: |delta_i(t)| = |delta_i(0)| for i in P, at every GD step (exact sign flip in mpq)",
      "(P4) delta_i(t)^2 <= c^t delta_i(0)^2 for i in Q, c = max_Q (1 - 2 eta gamma_i)^2, at every GD step",
      "(P5) under (C1): Lhat(delta(t)) >= sum_P gamma_1 delta_i(0)^2 > eps at every GD step, so GD takes all K steps"};
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = ids[fact];
  d.info.statement = statements[fact];
  detail::use_gd_phase_cases(d);
  detail::add_ladder<detail::kExactRungs>(d, {.double_cases = 400, .mpfr256_cases = 100, .mpq_cases = 100},
                                          [fact]<class T>(const Lemma2Case& c) { return check_fact<T>(c, fact); });
  return d;
}

}  // namespace

namespace detail {
void add_gd_facts(Catalog& c) {
  for (int f = 0; f < 3; ++f) c.push_back(make_entry(def(f)));
}
}  // namespace detail

}  // namespace annealcheck::properties
