// A new property, checked with the catalog's generators through RapidCheck, in a
// project that only sees the installed package:
//   (monotone) GD at η = 1/γ_1 never raises the train loss (E1): L̂(δ(t+1)) ≤ L̂(δ(t)),
//              since every |1 − 2ηγ_i| ≤ 1 (E5); decided by the harness's one rule
//              (lemma2/inequality.hpp) with the error bounds of lemma2/error_bounds.hpp.
// A broken variant (η = 1.2/γ_1, top factor −1.4) must be refuted, so this
// program fails if the machinery stops finding counterexamples.
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"
#include "properties/support/verdict.hpp"
#include "annealcheck/lemma2/descent_errors.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

namespace ap = annealcheck::properties;

namespace {

ap::detail::CaseCheck check_monotone(const ap::Lemma2Case& c, double eta_scale) {
  namespace lemma2 = annealcheck::lemma2;
  namespace bounds = annealcheck::lemma2::bounds;
  const auto in = annealcheck::model::materialize<double>(c.spec);
  const std::size_t d = in.dim();
  // The step and its error bound, as Side arithmetic: 1/γ_1 (2 roundings) times the scale (an input).
  const lemma2::Side<double> eta = bounds::input(eta_scale) * bounds::eta_side(in.eta);
  annealcheck::dynamics::DescentKernel<double> gd(in.gamma, eta.value);
  bounds::DescentErrors<double> errors(in.gamma, eta, gd.factors(), in.delta0);  // δ(t)'s bounds (error_bounds.md §4)
  std::vector<double> delta = in.delta0, sq_error;
  const auto train_loss = [&] {  // L̂(δ(t)) with its bound
    bounds::squares_error_into(sq_error, delta, errors.errors());
    return bounds::square_sum(in.gamma, delta, sq_error, 0, d);
  };
  ap::VerdictKeeper<double> keep;  // the one decision rule, through the catalog's keeper
  lemma2::Side<double> before = train_loss();
  for (long t = 0; t < in.K; ++t) {
    gd.step(delta);
    errors.step(delta);
    const lemma2::Side<double> after = train_loss();
    keep.offer(lemma2::decide<double>("monotone", "Lhat(delta(t+1)) <= Lhat(delta(t)) (E1, E5)", lemma2::Relation::LessEqual, after,
                                      before, "GD step " + std::to_string(t + 1)));
    before = after;
  }
  return {keep.verdict("monotone", "K = 0: no step"), std::nullopt};
}

ap::detail::PropertyDef<ap::Lemma2Case> monotone(double eta_scale) {
  ap::detail::PropertyDef<ap::Lemma2Case> d;
  d.info.id = eta_scale == 1 ? "mine.gd-monotone" : "mine.gd-monotone-long-step";
  d.info.statement = "GD at eta = " + std::to_string(eta_scale) + "/gamma_1 never raises Lhat (E1, E5)";
  d.info.min_dim = 2;
  d.info.max_dim = 16;
  d.generator = [](const ap::GenOptions& g) { return ap::lemma2_case({g.max_dim, ap::Premises::C1C2, 200, false}); };
  d.to_json = [](const ap::Lemma2Case& c) { return ap::to_json(c); };
  d.from_json = ap::lemma2_case_from_json;
  d.facts = [](const ap::Lemma2Case& c) { return ap::facts(c); };
  d.add_type<double>(200, [eta_scale](const ap::Lemma2Case& c) { return check_monotone(c, eta_scale); });
  return d;
}

}  // namespace

int main() {
  ap::RunOptions o;
  o.read_environment = false;
  const ap::RunResult holds = ap::detail::run_def(monotone(1.0), o);
  std::cout << ap::render_run(holds) << "\n";
  const ap::RunResult broken = ap::detail::run_def(monotone(1.2), o);
  std::cout << ap::render_run(broken) << "\n";
  const bool ok = ap::run_succeeded(holds) && holds.cases_run == 200 && broken.outcome == ap::Outcome::Failed && broken.counterexample;
  std::cout << (ok ? "consumer: the property holds and its broken variant is refuted\n" : "consumer: FAILED\n");
  return ok ? 0 : 1;
}
