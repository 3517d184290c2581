// lemma2.p1-stopping-time — (P1) with M and with M′, and (E4)'s stop, at every GF checkpoint;
// lemma2.p2-block-split   — (P2) at every GF checkpoint where (C1), (C2) hold for ε′.
//
// (P1) follows from ε′ = L̂(δ(t)) ≥ Σ_{j∈S̄} γ_jδ_j(t)² ≥ e^{−4γ_k t}·M′ ≥ e^{−4γ_k t}·M,
// true at every point of the flow (no premise). It is checked in log form,
//   ln M − 4γ_k t ≤ ln ε′   and   ln M′ − 4γ_k t ≤ ln ε′,
// at the checkpoint's own t (exact: the statement holds at every t), with the
// bounds of lemma2/error_bounds.hpp. At the stop, (E4) says L̂(δ(T)) = ε for the
// exact stopping time: L̂(δ(T̃)) is bounded over |T̃ − T| ≤ the stopping-time bound
// (error_bounds.md §3), so the identity is WithinRounding at best, never PASS.
// (P2): L_S(δ(t)) ≤ α ε′ and L_S̄(δ(t)) ≥ (1 − α) ε′ where (C1), (C2) hold for ε′.
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

template <numeric::RealNumber T>
detail::CaseCheck check_p1(const Lemma2Case& c) {
  const Setup<T> st(c.spec);
  const auto& in = st.in;
  const auto& b = st.b;
  const auto& s = st.s;
  const T zero = numeric::from_int<T>(0);
  const Side<T> gk = lemma2::bounds::input(in.gamma[b.split]);
  const Side<T> four = lemma2::exact_side(numeric::from_int<T>(4));
  lemma2::bounds::FlowErrors<T> fe(in.gamma, in.delta0, s.delta0_error);
  VerdictKeeper<T> keep;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time || !(zero < e.train_loss)) return;
    fe.at(e.delta, *e.time, zero);
    const Side<T> epsp = fe.sum(in.gamma, e.delta, 0, in.dim());
    const Side<T> t = lemma2::exact_side(*e.time);  // the point itself: the statement holds at every t
    const std::string where = where_gf(e, c.checkpoints);
    for (int prime = 0; prime < 2; ++prime) {
      const Side<T>& m = prime ? s.M_prime : s.M;
      if (!(zero < m.value)) continue;
      keep.offer(lemma2::decide<T>(prime ? "P1'" : "P1",
                                   prime ? "(P1) with M': ln M' - 4 gamma_k t <= ln eps', eps' = Lhat(delta(t))"
                                         : "(P1): ln M - 4 gamma_k t <= ln eps', eps' = Lhat(delta(t)) (i.e. t >= ln(M/eps')/(4 gamma_k))",
                                   Relation::LessEqual, lemma2::side_log(m) - four * gk * t, lemma2::side_log(epsp), where));
    }
    if (e.index == c.checkpoints && zero < *e.time) {  // (E4) the stop: L̂(δ(T̃)) = ε for the exact T within the bound on |T̃ − T|
      const T dt = lemma2::bounds::stopping_time_error(in.gamma, in.delta0, s.delta0_error, e.delta, *e.time, s.eps);
      fe.at(e.delta, *e.time, dt);
      keep.offer(lemma2::measure_identity<T>("E4.stop", "(E4) the stop of GF(eps): Lhat(delta(T)) == eps", fe.sum(in.gamma, e.delta, 0, in.dim()),
                                         s.eps, where));
    }
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("P1", "M = 0"), std::nullopt};
}

template <numeric::RealNumber T>
detail::CaseCheck check_p2(const Lemma2Case& c) {
  const Setup<T> st(c.spec);
  const auto& in = st.in;
  const auto& b = st.b;
  const auto& s = st.s;
  const Side<T> one = lemma2::exact_side(numeric::from_int<T>(1));
  if (auto f = premise_failure(lemma2::condition_c1(s, s.eps, "premise"), c.spec)) return *f;
  if (!zero_sum_S(s))
    if (auto f = premise_failure(lemma2::condition_c2(s, s.eps, false, "premise"), c.spec)) return *f;
  lemma2::bounds::FlowErrors<T> fe(in.gamma, in.delta0, s.delta0_error);
  VerdictKeeper<T> keep;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time) return;
    fe.at(e.delta, *e.time, numeric::from_int<T>(0));
    const Side<T> epsp = fe.sum(in.gamma, e.delta, 0, in.dim());
    if (lemma2::condition_c1(s, epsp, "").verdict != lemma2::Verdict::Holds) return;
    if (!zero_sum_S(s) && lemma2::condition_c2(s, epsp, false, "").verdict != lemma2::Verdict::Holds) return;
    const std::string where = where_gf(e, c.checkpoints);
    keep.offer(lemma2::decide<T>("P2.S", "(P2) L_S(delta(t)) <= alpha eps'", Relation::LessEqual, fe.sum(in.gamma, e.delta, 0, b.split),
                                 s.alpha * epsp, where));
    keep.offer(lemma2::decide<T>("P2.Sbar", "(P2) L_Sbar(delta(t)) >= (1 - alpha) eps'", Relation::GreaterEqual,
                                 fe.sum(in.gamma, e.delta, b.split, in.dim()), (one - s.alpha) * epsp, where));
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("P2", "no GF checkpoint where (C1), (C2) hold beyond rounding"), std::nullopt};
}

detail::PropertyDef<Lemma2Case> def(std::string id, std::string statement) {
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = std::move(id);
  d.info.statement = std::move(statement);
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 64;
  detail::use_lemma2_cases(d);
  d.generator = [](const GenOptions& g) { return lemma2_case({g.max_dim, Premises::C1C2, 10000, false}); };
  return d;
}

}  // namespace

namespace detail {
void add_flow_facts(Catalog& c) {
  auto p1 = def("lemma2.p1-stopping-time",
                "(P1) e^{-4 gamma_k t} M <= eps' (also with M'), as ln M - 4 gamma_k t <= ln eps', at every GF checkpoint "
                "(eps' = Lhat there); (E4) Lhat(delta(T)) = eps at the stop");
  add_ladder<kFloatRungs>(p1, {.double_cases = 400, .mpfr256_cases = 100}, []<class T>(const Lemma2Case& x) { return check_p1<T>(x); });
  c.push_back(make_entry(std::move(p1)));
  auto p2 = def("lemma2.p2-block-split",
                "(P2) under (C1), (C2): L_S(delta(t)) <= alpha eps' and L_Sbar(delta(t)) >= (1-alpha) eps' at every GF checkpoint (eps' = Lhat there)");
  add_ladder<kFloatRungs>(p2, {.double_cases = 400, .mpfr256_cases = 100}, []<class T>(const Lemma2Case& x) { return check_p2<T>(x); });
  c.push_back(make_entry(std::move(p2)));
}
}  // namespace detail

}  // namespace annealcheck::properties
