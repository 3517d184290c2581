#include "reports/html/trajectory.hpp"

#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"
#include "properties/lemma2/lemma2_checks.hpp"
#include "properties/prop1/prop1_case.hpp"
#include "properties/support/lemma2_case.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace annealcheck::report::html {
namespace {

enum class Claim { G, GWithoutAlpha, ALiteral, AShortStep };

std::optional<Claim> claim_of(const std::string& label) {
  if (label == "G" || label == "G (no C2)") return Claim::G;
  if (label == "G without (1 - alpha)") return Claim::GWithoutAlpha;
  if (label == "A literal exp") return Claim::ALiteral;
  if (label == "A (eta = 0.9/gamma_1)") return Claim::AShortStep;
  return std::nullopt;
}

// max_{j∈Q} |1 − 2γ_j/γ_1|^K (F3's literal exp(−Ω(K)) term), in T.
template <numeric::RealNumber T>
T literal_decay(const model::Instance<T>& in, const lemma2::Blocks<T>& b) {
  using std::abs;
  const T one = numeric::from_int<T>(1), two = numeric::from_int<T>(2);
  T best = numeric::from_int<T>(0);
  for (std::size_t j = 0; j < in.dim(); ++j) {
    if (b.in_P[j]) continue;
    const T f = abs(T(one - two * in.gamma[j] / in.gamma[0]));
    T p = one;
    for (long k = 0; k < in.K; ++k) p *= f;
    if (best < p) best = p;
  }
  return best;
}

// The claim's sides at every GD step / GF checkpoint of the case, in T (lemma2_checks.hpp's Setup).
template <numeric::RealNumber T>
std::optional<SideTrajectory> trace(const properties::Lemma2Case& c, Claim claim, const properties::Verdict& v) {
  const properties::lemma2_checks::Setup<T> st(c.spec);
  const auto& in = st.in;
  SideTrajectory out;
  out.label = v.label;
  out.relation = v.relation;
  out.lhs_name = "L_D(delta)";
  T scratch, ld;
  const auto push = [&](const dynamics::StepEvent<T>& e, const T& rhs) {
    model::weighted_square_sum_into(ld, scratch, in.lambda, e.delta, 0, e.delta.size());
    out.points.push_back({e.phase == dynamics::Phase::GradientDescent, static_cast<long>(e.index), static_cast<double>(ld), static_cast<double>(rhs)});
  };
  if (claim == Claim::G || claim == Claim::GWithoutAlpha) {
    const auto min_ratio = lemma2::min_ratio_small(in, st.b.split);
    if (!min_ratio) return std::nullopt;
    const T factor = claim == Claim::G ? T(numeric::from_int<T>(1) - st.s.alpha.value) : numeric::from_int<T>(1);
    out.rhs_name = claim == Claim::G ? "(1 - alpha) Lhat(delta) min_Sbar lambda_j/gamma_j" : "Lhat(delta) min_Sbar lambda_j/gamma_j";
    dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints,
                                [&](const dynamics::StepEvent<T>& e) { push(e, T(factor * e.train_loss * min_ratio->value)); });
  } else {
    const T max_top = lemma2::max_ratio_top(in, st.b).value;
    const T decay = claim == Claim::ALiteral ? literal_decay(in, st.b) : numeric::from_int<T>(0);
    // F5's right side does not depend on the point: the run's own value, as decided.
    const double fixed = std::strtod(v.rhs.c_str(), nullptr);
    out.rhs_name = claim == Claim::ALiteral ? "Lhat(delta) max_P lambda_i/gamma_1 + max_Q |1 - 2 gamma_j/gamma_1|^K"
                                            : "eps max_P lambda_i/gamma_1 + c^K sum_Q lambda_i delta_i(0)^2 (constant)";
    dynamics::run_annealed(in.gamma, in.delta0, in.eta, in.K, in.eps, c.checkpoints, [&](const dynamics::StepEvent<T>& e) {
      push(e, T(e.train_loss * max_top + decay));
      if (claim == Claim::AShortStep) out.points.back().rhs = fixed;
    });
  }
  if (out.points.empty()) return std::nullopt;
  out.break_at = out.points.size() - 1;  // the stop, where the run decided it
  return out;
}

// F4: δ_i of the annealed run at every GD step and GF checkpoint against GF's δ_i at its
// stop (a constant); they are claimed equal at the stops. `where` names the coordinate.
template <numeric::RealNumber T>
std::optional<SideTrajectory> trace_case30(const properties::Prop1Case& c, const properties::Verdict& v) {
  const auto at = v.where.find("coordinate ");
  if (at == std::string::npos) return std::nullopt;
  const std::size_t i = std::strtoul(v.where.c_str() + at + 11, nullptr, 10) - 1;
  if (i >= 2) return std::nullopt;
  const auto in = properties::materialize_case30<T>(c);
  const auto gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, c.checkpoints, dynamics::NullObserver{});
  SideTrajectory out{v.label, v.relation, "delta_GF,i at the GF stop", "delta_annealed,i(t)", {}, 0};
  out.lhs_name = "delta_" + std::to_string(i + 1) + " of GF at its stop (constant)";
  out.rhs_name = "delta_" + std::to_string(i + 1) + " of the annealed run";
  const double lhs = static_cast<double>(gf.delta[i]);
  dynamics::run_annealed(in.gamma, in.delta0, in.eta, c.K, in.eps, c.checkpoints, [&](const dynamics::StepEvent<T>& e) {
    out.points.push_back({e.phase == dynamics::Phase::GradientDescent, static_cast<long>(e.index), lhs, static_cast<double>(e.delta[i])});
  });
  if (out.points.empty()) return std::nullopt;
  out.break_at = out.points.size() - 1;
  return out;
}

template <numeric::RealNumber T>
std::optional<SideTrajectory> trace_any(const properties::CaseReport& cx, std::optional<Claim> claim) {
  const nlohmann::json j = nlohmann::json::parse(cx.case_json);
  if (!claim) return trace_case30<T>(properties::prop1_case_from_json(j), cx.verdict);
  return trace<T>(properties::lemma2_case_from_json(j), *claim, cx.verdict);
}

}  // namespace

std::optional<SideTrajectory> side_trajectory(const properties::RunResult& r) {
  if (!r.counterexample) return std::nullopt;
  const properties::CaseReport& cx = *r.counterexample;
  const auto claim = claim_of(cx.verdict.label);
  if (!claim && cx.verdict.label != "(3,0) parameters") return std::nullopt;
  try {
    if (r.type_id == "double") return trace_any<double>(cx, claim);
    if (r.type_id == "mpfr256") return trace_any<numeric::mpfr256>(cx, claim);
  } catch (const std::exception&) {  // not the case this claim reads after all: no trajectory
  }
  return std::nullopt;
}

}  // namespace annealcheck::report::html
