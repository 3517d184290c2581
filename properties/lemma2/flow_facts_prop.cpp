// lemma2.p1-stopping-time — (P1) with M and with M′, and (E4)'s stop, at every GF checkpoint;
// lemma2.p2-block-split   — (P2) at every GF checkpoint where (C1), (C2) hold for ε′.
//
// (P1) follows from ε′ = L̂(δ(t)) ≥ Σ_{j∈S̄} γ_jδ_j(t)² ≥ e^{−4γ_k t}·M′ ≥ e^{−4γ_k t}·M,
// true at every point of the flow (no premise). It is checked in log form,
//   ln M − 4γ_k t ≤ ln ε′   and   ln M′ − 4γ_k t ≤ ln ε′,
// with an absolute allowance 2u·(|ln M| + d + 2 + 8γ_k t + κ̂ + |ln ε′| + 4). At the stop,
// (E4) says L̂(δ(T)) = ε: Newton's T is accurate to ~4 ulps, which moves ln L̂ by
// 4u·κ̂, so |L̂(δ(T)) − ε| ≤ 2(5κ̂ + 8)·u·ε.
// (P2): L_S(δ(t)) ≤ α ε′ and L_S̄(δ(t)) ≥ (1 − α) ε′, allowance 2(κ_S + κ̂ + 4)·u.
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

// Weights restricted to the index range [lo, hi) (zero elsewhere).
template <numeric::RealNumber T>
std::vector<T> restricted(const std::vector<T>& w, std::size_t lo, std::size_t hi) {
  std::vector<T> out(w.size(), numeric::from_int<T>(0));
  for (std::size_t i = lo; i < hi; ++i) out[i] = w[i];
  return out;
}

template <numeric::RealNumber T>
detail::CaseCheck check_p1(const Lemma2Case& c) {
  using std::abs;
  using std::log;
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const T zero = numeric::from_int<T>(0), two = numeric::from_int<T>(2), four = numeric::from_int<T>(4),
          eight = numeric::from_int<T>(8);
  const T dd = numeric::from_int<T>(static_cast<long>(in.dim()));
  const T& gk = in.gamma[b.split];
  VerdictKeeper<T> keep;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time || !(zero < e.train_loss)) return;
    const T& t = *e.time;
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, t);
    const T le = log(e.train_loss);
    const std::string where = where_gf(e, c.checkpoints);
    for (int prime = 0; prime < 2; ++prime) {
      const T& m = prime ? b.M_prime : b.M;
      if (!(zero < m)) continue;
      const T lm = log(m);
      const T units = two * (abs(lm) + dd + two + eight * gk * t + kh + abs(le) + four);
      keep.offer(decide_with_allowance<T>(prime ? "P1'" : "P1",
                                          prime ? "(P1) with M': ln M' - 4 gamma_k t <= ln eps', eps' = Lhat(delta(t))"
                                                : "(P1): ln M - 4 gamma_k t <= ln eps', eps' = Lhat(delta(t)) (i.e. t >= ln(M/eps')/(4 gamma_k))",
                                          Relation::LessEqual, T(lm - four * gk * t), le, absolute_allowance(units), where));
    }
    if (e.index == c.checkpoints && zero < t)
      keep.offer(decide_equal<T>("E4.stop", "(E4) the stop of GF(eps): Lhat(delta(T)) == eps", e.train_loss, in.eps,
                                 relative_allowance(e.train_loss, in.eps, T(two * (numeric::from_int<T>(5) * kh + eight))), where));
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("P1", "M = 0"), std::nullopt};
}

template <numeric::RealNumber T>
detail::CaseCheck check_p2(const Lemma2Case& c) {
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), two = numeric::from_int<T>(2),
          four = numeric::from_int<T>(4);
  if (auto f = premise_failure(c1_at(in, in.eps, zero, "premise"))) return *f;
  if (auto q = c2_at(in, b, in.eps, zero, false, "premise"))
    if (auto f = premise_failure(*q)) return *f;
  const std::vector<T> w_s = restricted(in.gamma, 0, b.split), w_sbar = restricted(in.gamma, b.split, in.dim());
  VerdictKeeper<T> keep;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!e.time) return;
    const T& epsp = e.train_loss;
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, *e.time);
    if (!certainly(c1_at(in, epsp, kh, ""))) return;
    if (const auto q = c2_at(in, b, epsp, kh, false, ""); q && !certainly(*q)) return;
    const std::string where = where_gf(e, c.checkpoints);
    const T ls = model::weighted_square_sum(in.gamma, e.delta, 0, b.split);
    const T lsbar = model::weighted_square_sum(in.gamma, e.delta, b.split, in.dim());
    const T ks = flow_error_units(w_s, in.gamma, e.delta, *e.time), ksb = flow_error_units(w_sbar, in.gamma, e.delta, *e.time);
    keep.offer(decide_within<T>("P2.S", "(P2) L_S(delta(t)) <= alpha eps'", Relation::LessEqual, ls, T(in.alpha * epsp),
                                T(two * (ks + kh + four)), where));
    keep.offer(decide_within<T>("P2.Sbar", "(P2) L_Sbar(delta(t)) >= (1 - alpha) eps'", Relation::GreaterEqual, lsbar,
                                T((one - in.alpha) * epsp), T(two * (ksb + kh + four)), where));
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("P2", "no GF checkpoint where (C1), (C2) hold certainly"), std::nullopt};
}

detail::PropertyDef<Lemma2Case> def(std::string id, std::string statement) {
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = std::move(id);
  d.info.statement = std::move(statement);
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 64;
  d.info.case_format = "Lemma 2 instance: {gamma, lambda, delta0, k, rho?, alpha, eps, K, checkpoints}";
  d.generator = [](const GenOptions& g) { return lemma2_case({g.max_dim, Premises::C1C2, 10000, false}); };
  d.to_json = [](const Lemma2Case& c) { return to_json(c); };
  d.from_json = lemma2_case_from_json;
  d.facts = [](const Lemma2Case& c) { return facts(c); };
  return d;
}

}  // namespace

namespace detail {
void add_flow_facts(Catalog& c) {
  auto p1 = def("lemma2.p1-stopping-time",
                "(P1) e^{-4 gamma_k t} M <= eps' (also with M'), as ln M - 4 gamma_k t <= ln eps', at every GF checkpoint "
                "(eps' = Lhat there); (E4) Lhat(delta(T)) = eps at the stop");
  p1.add_type<double>(400, check_p1<double>);
#if ANNEALCHECK_FULL_LADDER
  p1.add_type<numeric::mpfr256>(100, check_p1<numeric::mpfr256>);
#endif
  c.push_back(make_entry(std::move(p1)));
  auto p2 = def("lemma2.p2-block-split",
                "(P2) under (C1), (C2): L_S(delta(t)) <= alpha eps' and L_Sbar(delta(t)) >= (1-alpha) eps' at every GF checkpoint (eps' = Lhat there)");
  p2.add_type<double>(400, check_p2<double>);
#if ANNEALCHECK_FULL_LADDER
  p2.add_type<numeric::mpfr256>(100, check_p2<numeric::mpfr256>);
#endif
  c.push_back(make_entry(std::move(p2)));
}
}  // namespace detail

}  // namespace annealcheck::properties
