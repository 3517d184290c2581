// lemma2.gf-lower-bound — (G) at every GF checkpoint where (C1), (C2) hold for ε′;
// lemma2.strengthened-gf-lower-bound — (G) under (C2′) alone (SPEC §3 notes).
//
// Every point δ(t) of the flow is the stopping point of GF(ε′) with
// ε′ = L̂(δ(t)) (SPEC §3 "At every step"), so (G) is asserted at each of the
// case's GF checkpoints (geometric in train loss, the last one the stop at ε)
// where the premises hold *certainly* in the type for ε′ (lemma2_checks.hpp):
//   L_D(δ(t)) ≥ (1 − α)·ε′·min_{j∈S̄} λ_j/γ_j
// with the conditioned allowance 2(κ_D + κ̂ + 4)·u of lemma2_checks.hpp.
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"

namespace annealcheck::properties {
namespace {

using namespace lemma2_checks;

template <numeric::RealNumber T>
detail::CaseCheck check_g(const Lemma2Case& c, bool strengthened) {
  const model::Instance<T> in = model::materialize<T>(c.spec);
  const lemma2::Blocks<T> b = lemma2::blocks(in);
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), four = numeric::from_int<T>(4);
  // The constructed premises at ε, in this type.
  if (!strengthened)
    if (auto f = premise_failure(c1_at(in, in.eps, zero, "premise"))) return *f;
  if (auto q = c2_at(in, b, in.eps, zero, strengthened, "premise"))
    if (auto f = premise_failure(*q)) return *f;

  const std::optional<T> min_ratio = min_ratio_small(in, b.split);
  VerdictKeeper<T> keep;
  const std::string statement = std::string("(G) L_D(delta(t)) >= (1 - alpha) eps' min_{j in Sbar} lambda_j/gamma_j, eps' = Lhat(delta(t)), where ") +
                                (strengthened ? "(C2')" : "(C1), (C2)") + " hold for eps'";
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    if (!min_ratio || !e.time) return;
    const T& epsp = e.train_loss;
    const T kh = flow_error_units(in.gamma, in.gamma, e.delta, *e.time);
    if (!strengthened && !certainly(c1_at(in, epsp, kh, ""))) return;
    if (const auto q = c2_at(in, b, epsp, kh, strengthened, ""); q && !certainly(*q)) return;
    const T ld = model::population_loss(in.lambda, e.delta);
    const T kd = flow_error_units(in.lambda, in.gamma, e.delta, *e.time);
    keep.offer(decide_within<T>("G", statement, Relation::GreaterEqual, ld, T((one - in.alpha) * epsp * *min_ratio),
                                T(numeric::from_int<T>(2) * (kd + kh + four)), where_gf(e, c.checkpoints)));
  };
  dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, observe);
  return {keep.verdict("G", min_ratio ? "no GF checkpoint where the premises hold certainly" : "every gamma_j in Sbar is 0"),
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
  d.info.case_format = "Lemma 2 instance: {gamma, lambda, delta0, k, rho?, alpha, eps, K, checkpoints}";
  const Premises p = strengthened ? Premises::C2Prime : Premises::C1C2;
  d.generator = [p](const GenOptions& g) { return lemma2_case({g.max_dim, p, 10000, false}); };
  d.to_json = [](const Lemma2Case& c) { return to_json(c); };
  d.from_json = lemma2_case_from_json;
  d.facts = [strengthened](const Lemma2Case& c) {
    CaseFacts f = facts(c);
    if (strengthened) {
      if (!c1_holds(c.spec)) f.tags.push_back("C1-fails");
      if (!c2_holds(c.spec, false)) f.tags.push_back("C2-fails");
    }
    return f;
  };
  d.add_type<double>(400, [strengthened](const Lemma2Case& c) { return check_g<double>(c, strengthened); });
#if ANNEALCHECK_FULL_LADDER
  d.add_type<numeric::mpfr256>(100, [strengthened](const Lemma2Case& c) { return check_g<numeric::mpfr256>(c, strengthened); });
#endif
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
