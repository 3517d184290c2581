// dynamics.beta-space-losses — SPEC §5 "Beyond the diagonal": pick an orthogonal U,
// set S_X = UΓUᵀ, Σ_X = UΛUᵀ, run GD on β itself,
//   β(t+1) = β(t) − 2η S_X (β(t) − β*),   β(0) = β* + U δ(0),
// and the losses (β−β*)ᵀS_X(β−β*) and (β−β*)ᵀΣ_X(β−β*) must equal the δ-space
// ones (E1), (E2) of the core's run_descent_phase at every GD step — exactly in
// mpq (U is an exact rational orthogonal matrix, numeric/rational_matrix.hpp). In the
// floating types the same at every GF checkpoint too, with β(t) = β* + U δ(t).
// Allowance (floating, absolute): a β step costs (d + 2) roundings per coordinate
// and I − 2ηS_X has norm ≤ 1, so errors add up without growing:
//   8 (t + 2)(d + 2)²·u·γ_max·(‖δ(0)‖₂ + √d‖β*‖_∞)²   (‖β*‖ enters through β − β*).
// β-space GD costs d² per step: cases have d ≤ 16 and K ≤ 200 (mpq: d ≤ 8, K ≤ 32).
#include "annealcheck/io/exact_json.hpp"
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/support/exact_gen.hpp"
#include "properties/support/lemma2_case.hpp"
#include "properties/support/orthogonal.hpp"
#include "properties/support/ladder.hpp"
#include "properties/support/property_def.hpp"
#include "properties/support/verdict.hpp"

#include <utility>

namespace annealcheck::properties {
namespace {

using numeric::Rational;

struct BetaCase {
  Lemma2Case instance;
  std::vector<std::vector<int>> householder;
  std::vector<Rational> beta_star;
};

nlohmann::json to_json(const BetaCase& c) {
  nlohmann::json j = properties::to_json(c.instance);
  j["householder"] = c.householder;
  j["beta_star"] = io::rational_texts(c.beta_star);
  return j;
}
void showValue(const BetaCase& c, std::ostream& os) { os << to_json(c).dump(); }
const model::InstanceSpec& lemma2_instance(const BetaCase& c) { return c.instance.spec; }

BetaCase from_json(const nlohmann::json& j) {
  BetaCase c;
  c.householder = io::read_int_rows(j, "householder", -1000, 1000);
  c.beta_star = io::read_rationals(j, "beta_star");
  nlohmann::json inst = j;
  inst.erase("householder");
  inst.erase("beta_star");
  c.instance = lemma2_case_from_json(inst);
  const std::size_t d = c.instance.spec.dim();
  if (c.beta_star.size() != d) throw InputError("beta_star", std::to_string(c.beta_star.size()) + " values", std::to_string(d) + " values");
  for (std::size_t i = 0; i < c.householder.size(); ++i)
    if (c.householder[i].size() != d)
      throw InputError("householder[" + std::to_string(i) + "]", std::to_string(c.householder[i].size()) + " entries", std::to_string(d) + " entries");
  return c;
}

rc::Gen<BetaCase> generator(const GenOptions& o) {
  const bool exact = o.type == "mpq";
  const std::size_t max_dim = std::min<std::size_t>(o.max_dim, exact ? 8 : 16);
  const long max_K = exact ? 32 : 200;
  return rc::gen::exec([=] {
    BetaCase c;
    c.instance = *lemma2_case({max_dim, Premises::C1C2, max_K, false});
    const std::size_t d = c.instance.spec.dim();
    c.householder = *gen::householder_vectors(d);
    const auto signs = *rc::gen::container<std::vector<int>>(d, gen::sign(true));
    const auto mags = *rc::gen::container<std::vector<gen::SimpleNumber>>(d, gen::simple_positive(4));
    for (std::size_t i = 0; i < d; ++i) c.beta_star.push_back(Rational(signs[i]) * mags[i].value());
    return c;
  });
}

template <numeric::LadderNumber T>
T quadratic_form(const std::vector<std::vector<T>>& m, const std::vector<T>& r) {
  T s = numeric::from_int<T>(0);
  for (std::size_t i = 0; i < r.size(); ++i) {
    T row = numeric::from_int<T>(0);
    for (std::size_t k = 0; k < r.size(); ++k) row += m[i][k] * r[k];
    s += r[i] * row;
  }
  return s;
}

// Absolute loss scales of the allowance (floating types; 0 in exact ones):
// γ_max·(‖δ(0)‖₂ + √d‖β*‖∞)² for (E1), λ_max·(…)² for (E2).
template <numeric::OrderedNumber T>
std::pair<T, T> loss_scales(const model::Instance<T>& in, const std::vector<T>& bstar) {
  using Tr = numeric::number_traits<T>;
  const T zero = numeric::from_int<T>(0);
  if constexpr (Tr::is_exact) {
    return {zero, zero};
  } else {
    using std::abs;
    using std::sqrt;
    T n2 = zero, bmax = zero, gmax = zero, lmax = zero;
    for (std::size_t i = 0; i < bstar.size(); ++i) {
      n2 += in.delta0[i] * in.delta0[i];
      if (bmax < abs(bstar[i])) bmax = abs(bstar[i]);
      if (gmax < in.gamma[i]) gmax = in.gamma[i];
      if (lmax < in.lambda[i]) lmax = in.lambda[i];
    }
    const T r = sqrt(n2) + sqrt(numeric::from_int<T>(static_cast<long>(bstar.size()))) * bmax;
    return {T(gmax * r * r), T(lmax * r * r)};
  }
}

template <numeric::OrderedNumber T>
detail::CaseCheck check(const BetaCase& c) {
  using Tr = numeric::number_traits<T>;
  const model::InstanceSpec& spec = c.instance.spec;
  const model::Instance<T> in = model::materialize<T>(spec);
  const std::size_t d = spec.dim();
  std::vector<Rational> gamma, lambda, delta0;
  for (std::size_t i = 0; i < d; ++i)
    gamma.push_back(spec.gamma[i].value), lambda.push_back(spec.lambda[i].value), delta0.push_back(spec.delta0[i].value);
  const RationalMatrix u = householder_product(d, c.householder);
  const RationalMatrix s = conjugate_diagonal(u, gamma), sigma = conjugate_diagonal(u, lambda);
  std::vector<Rational> beta0 = multiply(u, delta0);
  for (std::size_t i = 0; i < d; ++i) beta0[i] = beta0[i] + c.beta_star[i];
  std::vector<std::vector<T>> uT(d), sT(d), sigmaT(d);
  for (std::size_t i = 0; i < d; ++i) uT[i] = numeric::round_each<T>(u[i]), sT[i] = numeric::round_each<T>(s[i]), sigmaT[i] = numeric::round_each<T>(sigma[i]);
  const std::vector<T> bstar = numeric::round_each<T>(c.beta_star);
  const T zero = numeric::from_int<T>(0), two = numeric::from_int<T>(2);
  const T dd = numeric::from_int<T>(static_cast<long>(d) + 2);

  const auto [scale_g, scale_l] = loss_scales(in, bstar);
  const auto allowance = [&](const T& scale, long t) {
    if constexpr (Tr::is_exact) return zero;
    else return T(Tr::epsilon() * numeric::from_int<T>(8 * (t + 2)) * dd * dd * scale);
  };

  // δ-space (the core), recording both losses at every step.
  std::vector<T> lhat_delta, ld_delta;
  const auto observe = [&](const dynamics::StepEvent<T>& e) {
    lhat_delta.push_back(e.train_loss);
    ld_delta.push_back(model::population_loss(in.lambda, e.delta));
  };
  const auto run = dynamics::run_descent_phase(in.gamma, in.delta0, in.eta, in.K, in.eps, observe);

  VerdictKeeper<T> keep;
  std::vector<T> beta = numeric::round_each<T>(beta0), r(d), sr(d);
  for (long t = 0; t <= run.steps; ++t) {
    for (std::size_t i = 0; i < d; ++i) r[i] = beta[i] - bstar[i];
    const std::string where = "GD step " + std::to_string(t);
    // The header's bound is on the difference of the two computations: carried by the β side.
    keep.offer(lemma2::measure_identity<T>("E1 beta", "(beta - beta*)^T S_X (beta - beta*) == Lhat(delta(t)) (E1)",
                                       Side<T>{quadratic_form(sT, r), allowance(scale_g, t)},
                                       lemma2::exact_side(lhat_delta[static_cast<std::size_t>(t)]), where));
    keep.offer(lemma2::measure_identity<T>("E2 beta", "(beta - beta*)^T Sigma_X (beta - beta*) == L_D(delta(t)) (E2)",
                                       Side<T>{quadratic_form(sigmaT, r), allowance(scale_l, t)},
                                       lemma2::exact_side(ld_delta[static_cast<std::size_t>(t)]), where));
    for (std::size_t i = 0; i < d; ++i) {  // β ← β − 2η S_X (β − β*)
      T acc = zero;
      for (std::size_t k = 0; k < d; ++k) acc += sT[i][k] * r[k];
      sr[i] = acc;
    }
    for (std::size_t i = 0; i < d; ++i) beta[i] -= two * in.eta * sr[i];
  }

  if constexpr (numeric::RealNumber<T>) {  // GF checkpoints: β(t) = β* + U δ(t)
    const std::vector<T> d0_error = lemma2::bounds::input_errors(in.delta0);
    lemma2::bounds::FlowErrors<T> fe(in.gamma, in.delta0, d0_error);
    const auto flow_observe = [&](const dynamics::StepEvent<T>& e) {
      if (!e.time) return;
      for (std::size_t i = 0; i < d; ++i) {
        T acc = bstar[i];
        for (std::size_t k = 0; k < d; ++k) acc += uT[i][k] * e.delta[k];
        r[i] = acc - bstar[i];
      }
      // δ-space sides with the flow's mass-weighted bounds (error_bounds.md §2); the β side the header's.
      fe.at(e.delta, *e.time, zero);
      const std::string where = lemma2_checks::where_gf(e, c.instance.checkpoints);
      keep.offer(lemma2::measure_identity<T>("E1 beta (GF)", "(beta(t) - beta*)^T S_X (beta(t) - beta*) == Lhat(delta(t)) (E1)",
                                         Side<T>{quadratic_form(sT, r), allowance(scale_g, 0)}, fe.sum(in.gamma, e.delta, 0, d), where));
      keep.offer(lemma2::measure_identity<T>("E2 beta (GF)", "(beta(t) - beta*)^T Sigma_X (beta(t) - beta*) == L_D(delta(t)) (E2)",
                                         Side<T>{quadratic_form(sigmaT, r), allowance(scale_l, 0)}, fe.sum(in.lambda, e.delta, 0, d), where));
    };
    dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.instance.checkpoints, flow_observe);
  }
  return {keep.verdict("E1 beta", "no step"), std::nullopt};
}

detail::PropertyDef<BetaCase> def() {
  detail::PropertyDef<BetaCase> d;
  d.info.id = "dynamics.beta-space-losses";
  d.info.statement = "SPEC §5: GD run on beta itself with S_X = U Gamma U^T, Sigma_X = U Lambda U^T (exact random orthogonal U) has the delta-space losses (E1), (E2) at every GD step (exactly in mpq) and every GF checkpoint";
  d.info.kind = PropertyKind::Holds;
  d.info.min_dim = 2;
  d.info.max_dim = 16;
  d.info.case_format = lemma2_case_format(" + householder: [[ints]] (U = product of reflections) + beta_star");
  d.generator = generator;
  d.to_json = [](const BetaCase& c) { return to_json(c); };
  d.from_json = from_json;
  d.facts = [](const BetaCase& c) {
    CaseFacts f = facts(c.instance);
    if (!c.householder.empty()) f.tags.push_back("U!=I");
    return f;
  };
  detail::add_ladder<detail::kExactRungs>(d, {.double_cases = 300, .mpfr256_cases = 80, .mpq_cases = 100},
                                          []<class T>(const BetaCase& c) { return check<T>(c); });
  return d;
}

}  // namespace

namespace detail {
void add_beta_space(Catalog& c) { c.push_back(make_entry(def())); }
}  // namespace detail

}  // namespace annealcheck::properties
