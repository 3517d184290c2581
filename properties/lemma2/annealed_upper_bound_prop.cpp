// lemma2.annealed-upper-bound — (A), both lines, under (C1);
// lemma2.strengthened-annealed-upper-bound — (A) under (C1′) alone (SPEC §3 notes).
//
// Annealed GD(K, η = 1/γ_1, ε): K steps of (E5), then GF. Every GF checkpoint
// after the GD phase is a stopping point for ε′ = L̂ there (SPEC §3 "At every
// step"); where ε′ < γ_1 δ_1(0)² ((C1′) form: ε′ < Σ_P γ_1 δ_i(0)²) certainly:
//   (A.1) L_D ≤ ε′·max_{i∈P} λ_i/γ_1 + Σ_{i∈Q} λ_i δ_i(K)²
//   (A)   L_D ≤ ε′·max_{i∈P} λ_i/γ_1 + c^K·Σ_{i∈Q} λ_i δ_i(0)²
// and the GD phase must have run all K steps ((P5): under (C1) it never stops early).
// In a floating type P and Q are those of the rounded instance (core
// lemma2/blocks.hpp: P by equality in T). Error bounds: the GD phase's per-
// coordinate bounds (error_bounds.md §4) carried into the flow's mass-weighted
// ones (§2); c^K from the factors' bounds.
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/lemma2_property.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

// (C1) or (C1′) at level ε′: the top mass exceeds ε′.
template <numeric::RealNumber T>
lemma2::Inequality<T> top_premise(const lemma2::InputSides<T>& s, const Side<T>& eps, bool strengthened, std::string where) {
  return strengthened ? lemma2::condition_c1_prime(s, eps, std::move(where)) : lemma2::condition_c1(s, eps, std::move(where));
}

template <numeric::RealNumber T>
detail::CaseCheck gd_phase_short(const dynamics::DescentPhase<T>& r, long K) {
  return {step_count_failure<T>("P5 (GD ran all K steps)", "", r.steps, K, "GD phase",
                                "under (C1) the GD phase never stops early (P5); it took " + std::to_string(r.steps) + " of K steps"),
          std::nullopt};
}

template <numeric::RealNumber T>
detail::CaseCheck check_a(const Lemma2Case& c, bool strengthened) {
  const Setup<T> st(c.spec);
  const auto& in = st.in;
  const auto& b = st.b;
  const auto& s = st.s;
  const std::size_t d = in.dim();
  if (auto f = premise_failure(top_premise(s, s.eps, strengthened, "premise"), c.spec)) return *f;

  const Side<T> max_top = lemma2::max_ratio_top(in, b);
  const Side<T> tail0 = lemma2::bounds::square_sum(in.lambda, in.delta0, s.delta0_sq_error, 0, d, &b.in_P, false);
  lemma2::StepwiseFacts<T> facts(in, b, s);  // tracks δ(t)'s bounds through the GD phase (error_bounds.md §4)
  Side<T> cK_tail0 = tail0, tail_K = tail0;
  std::vector<T> delta_K, error_K, sq_error_K;
  std::optional<lemma2::bounds::FlowErrors<T>> fe;
  VerdictKeeper<T> keep;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (e.phase == dynamics::Phase::GradientDescent) return facts(e);
    if (!fe) {  // the flow starts at δ(K), carrying the GD phase's bounds
      delta_K = e.delta;
      error_K = facts.state_errors(e.delta);
      lemma2::bounds::squares_error_into(sq_error_K, delta_K, error_K);
      tail_K = lemma2::bounds::square_sum(in.lambda, delta_K, sq_error_K, 0, d, &b.in_P, false);
      cK_tail0 = lemma2::side_pow(facts.contraction(), in.K) * tail0;
      fe.emplace(in.gamma, delta_K, error_K);
    }
    fe->at(e.delta, *e.time, numeric::from_int<T>(0));
    const Side<T> epsp = fe->sum(in.gamma, e.delta, 0, d);
    if (top_premise(s, epsp, strengthened, "").verdict != lemma2::Verdict::Holds) return;
    const Side<T> ld = fe->sum(in.lambda, e.delta, 0, d);
    const std::string where = where_gf(e, c.checkpoints, "after " + std::to_string(in.K) + " GD steps: ");
    keep.offer(lemma2::decide<T>("A.1", "(A) first line: L_D <= eps' max_{i in P} lambda_i/gamma_1 + sum_{i in Q} lambda_i delta_i(K)^2",
                                 Relation::LessEqual, ld, epsp * max_top + tail_K, where));
    keep.offer(lemma2::decide<T>("A", "(A) explicit: L_D <= eps' max_{i in P} lambda_i/gamma_1 + c^K sum_{i in Q} lambda_i delta_i(0)^2",
                                 Relation::LessEqual, ld, epsp * max_top + cK_tail0, where));
  };
  const auto run = dynamics::run_annealed(in.gamma, in.delta0, in.eta, in.K, in.eps, c.checkpoints, observe);
  if (run.descent.stopped_early || run.descent.steps != in.K) return gd_phase_short<T>(run.descent, in.K);
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
  detail::use_lemma2_cases(d);
  const Premises p = strengthened ? Premises::C1Prime : Premises::C1C2;
  d.generator = [p](const GenOptions& g) { return lemma2_case({g.max_dim, p, 10000, false}); };
  d.facts = [strengthened](const Lemma2Case& c) {
    CaseFacts f = facts(c);
    if (strengthened && !c1_holds(c.spec)) f.tags.push_back("C1-fails");
    return f;
  };
  detail::add_ladder<detail::kFloatRungs>(d, {.double_cases = 400, .mpfr256_cases = 100},
                                          [strengthened]<class T>(const Lemma2Case& c) { return check_a<T>(c, strengthened); });
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
