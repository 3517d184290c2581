// lemma2.gf-lower-bound — (G) at every GF checkpoint where (C1), (C2) hold for ε′;
// lemma2.strengthened-gf-lower-bound — (G) under (C2′) alone (SPEC §3 notes).
//
// Every point δ(t) of the flow is the stopping point of GF(ε′) with
// ε′ = L̂(δ(t)) (SPEC §3 "At every step"), so (G) is asserted at each of the
// case's GF checkpoints (geometric in train loss, the last one the stop at ε)
// where the premises hold *certainly* in the type for ε′ (lemma2_checks.hpp):
//   L_D(δ(t)) ≥ (1 − α)·ε′·min_{j∈S̄} λ_j/γ_j
// beyond rounding in the type; both sides carry the mass-weighted bounds of
// lemma2/error_bounds.hpp (at the same t: no stopping-time error enters).
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
detail::CaseCheck check_g(const Lemma2Case& c, bool strengthened) {
  const Setup<T> st(c.spec);
  const auto& in = st.in;
  const auto& b = st.b;
  const auto& s = st.s;
  // The constructed premises at ε, in this type.
  if (!strengthened)
    if (auto f = premise_failure(lemma2::condition_c1(s, s.eps, "premise"), c.spec)) return *f;
  const bool no_s_mass = zero_sum_S(c.spec);  // exactly: (C2)/(C2') hold by construction
  if (!no_s_mass)
    if (auto f = premise_failure(lemma2::condition_c2(s, s.eps, strengthened, "premise"), c.spec)) return *f;

  const std::optional<Side<T>> min_ratio = lemma2::min_ratio_small(in, b.split);
  const Side<T> one = lemma2::exact_side(numeric::from_int<T>(1));
  VerdictKeeper<T> keep;
  const std::string statement = std::string("(G) L_D(delta(t)) >= (1 - alpha) eps' min_{j in Sbar} lambda_j/gamma_j, eps' = Lhat(delta(t)), where ") +
                                (strengthened ? "(C2')" : "(C1), (C2)") + " hold for eps'";
  lemma2::bounds::FlowErrors<T> fe(in.gamma, in.delta0, s.delta0_error);
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!min_ratio || !e.time) return;
    fe.at(e.delta, *e.time, numeric::from_int<T>(0));
    const Side<T> epsp = fe.sum(in.gamma, e.delta, 0, in.dim());
    if (!strengthened && lemma2::condition_c1(s, epsp, "").verdict != lemma2::Verdict::Holds) return;
    if (!no_s_mass && lemma2::condition_c2(s, epsp, strengthened, "").verdict != lemma2::Verdict::Holds) return;
    keep.offer(lemma2::decide<T>("G", statement, Relation::GreaterEqual, fe.sum(in.lambda, e.delta, 0, in.dim()),
                                 (one - s.alpha) * epsp * *min_ratio, where_gf(e, c.checkpoints)));
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("G", min_ratio ? "no GF checkpoint where the premises hold beyond rounding" : "every gamma_j in Sbar is 0"),
          std::nullopt};
}

detail::PropertyDef<Lemma2Case> def(bool strengthened) {
  detail::PropertyDef<Lemma2Case> d;
  d.info.id = strengthened ? "lemma2.strengthened-gf-lower-bound" : "lemma2.gf-lower-bound";
  d.info.statement = strengthened
                         ? "(G) under (C2') and Lhat(delta(0)) >= eps, without (C1) (M' = sum_Sbar gamma_j delta_j(0)^2 >= M; SPEC §3 notes), at every GF checkpoint"
                         : "(G) under (C1), (C2): L_D(delta_GF) >= (1-alpha) eps' min_Sbar lambda_j/gamma_j at every GF checkpoint (eps' = Lhat there)";
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 64;
  detail::use_lemma2_cases(d);
  const Premises p = strengthened ? Premises::C2Prime : Premises::C1C2;
  d.generator = [p](const GenOptions& g) { return lemma2_case({g.max_dim, p, 10000, false}); };
  d.facts = [strengthened](const Lemma2Case& c) {
    CaseFacts f = facts(c);
    if (strengthened) {
      if (!c1_holds(c.spec)) f.tags.push_back("C1-fails");
      if (!c2_holds(c.spec, false)) f.tags.push_back("C2-fails");
    }
    return f;
  };
  detail::add_ladder<detail::kFloatRungs>(d, {.double_cases = 400, .mpfr256_cases = 100},
                                          [strengthened]<class T>(const Lemma2Case& c) { return check_g<T>(c, strengthened); });
  return d;
}

}  // namespace

namespace detail {
void add_gf_lower_bound(Catalog& c) {
  c.push_back(make_entry(def(false)));
  c.push_back(make_entry(def(true)));
}
}  // namespace detail

}  // namespace annealcheck::properties
