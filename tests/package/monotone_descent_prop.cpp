// A new property, checked with the catalog's generators through RapidCheck, in a
// project that only sees the installed package:
//   (monotone) GD at η = 1/γ_1 never raises the train loss (E1): L̂(δ(t+1)) ≤ L̂(δ(t)),
//              since every |1 − 2ηγ_i| ≤ 1 (E5); allowance 8u = 4 eps of double.
// A broken variant (η = 1.2/γ_1, top factor −1.4) must be refuted, so this
// program fails if the machinery stops finding counterexamples.
#include "annealcheck/dynamics/gradient_descent.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/property_def.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <limits>

namespace ap = annealcheck::properties;

namespace {

ap::detail::CaseCheck check_monotone(const ap::Lemma2Case& c, double eta_scale) {
  constexpr double eps = std::numeric_limits<double>::epsilon(), allowance_eps = 4;  // 8u = 4 eps
  const auto in = annealcheck::model::materialize<double>(c.spec);
  annealcheck::dynamics::DescentKernel<double> gd(in.gamma, eta_scale * in.eta);
  std::vector<double> delta = in.delta0;
  gd.measure(delta);
  ap::Verdict v;
  v.label = "monotone";
  v.statement = "Lhat(delta(t+1)) <= Lhat(delta(t)) (E1, E5)";
  v.relation = "<=";
  v.allowance_eps = allowance_eps;
  v.type_id = "double";
  v.bits = 53;
  v.relative_slack = std::numeric_limits<double>::infinity();
  for (long t = 0; t < in.K; ++t) {
    const double before = gd.loss();
    gd.step(delta);
    const double after = gd.loss(), scale = std::max(before, after);
    if (scale == 0) continue;
    const double slack = (before - after + allowance_eps * eps * scale) / scale;
    if (slack < v.relative_slack) {
      v.relative_slack = slack;
      v.relative_margin = (before - after) / scale;
      v.lhs = fmt::format("{:.17g}", after);
      v.rhs = fmt::format("{:.17g}", before);
      v.margin = fmt::format("{:.17g}", before - after);
      v.where = "GD step " + std::to_string(t + 1);
    }
  }
  v.holds = !(v.relative_slack < 0);
  return {v, std::nullopt};
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
