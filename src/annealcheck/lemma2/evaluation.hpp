// Every quantity and inequality of Lemma 2 (SPEC §3) for one instance in type T:
// runs GF(ε) and annealed GD(K, η, ε) with observers that assert the stepwise
// facts, then decides the premises (C1, C1′, C2, C2′), the conclusions (G, A in
// both lines), the proof facts (P1–P5) and (E3) at both stopping points.
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/model/losses.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace annealcheck::lemma2 {

template <numeric::RealNumber T>
struct Evaluation {
  Blocks<T> blocks;
  T train_loss0, population_loss0;
  // GF(ε)
  T gf_time, gf_train_loss, gf_population_loss;
  std::uintmax_t gf_newton_iterations = 0;
  // annealed GD(K, η, ε)
  long gd_steps = 0;
  bool gd_stopped_early = false;
  std::vector<T> delta_K;
  T gd_train_loss, fast_flow_time, fast_train_loss, fast_population_loss;
  // bounds
  T bound_G, bound_A_first_line, bound_A_explicit;
  std::vector<Inequality<T>> checks;
};

namespace detail {

// max_i 4γ_i·t: how much a relative error in t is amplified in δ_i(t)² = δ_i(0)²e^{−4γ_i t}.
template <numeric::RealNumber T>
double flow_conditioning(const std::vector<T>& gamma, const T& t) {
  T m = numeric::from_int<T>(0);
  for (const T& g : gamma)
    if (m < g) m = g;
  return static_cast<double>(T(numeric::from_int<T>(4) * m * t));
}

// min_{j∈S̄, γ_j>0} λ_j/γ_j (nullopt when every γ_j in S̄ is 0)
template <numeric::RealNumber T>
std::optional<T> min_ratio_small(const model::Instance<T>& in, std::size_t split) {
  std::optional<T> r;
  const T zero = numeric::from_int<T>(0);
  for (std::size_t j = split; j < in.dim(); ++j) {
    if (!(zero < in.gamma[j])) continue;
    const T q = in.lambda[j] / in.gamma[j];
    if (!r || q < *r) r = q;
  }
  return r;
}

// max_{i∈P} λ_i/γ_1
template <numeric::RealNumber T>
T max_ratio_top(const model::Instance<T>& in, const Blocks<T>& b) {
  T r = numeric::from_int<T>(0);
  for (std::size_t i = 0; i < in.dim(); ++i)
    if (b.in_P[i] && r < in.lambda[i] / in.gamma[0]) r = in.lambda[i] / in.gamma[0];
  return r;
}

}  // namespace detail

// (C2) in log form, ε^ρ·Σ_S γ_iδ_i(0)² ≤ α·m^{1+ρ}, with m = M (C2) or M′ (C2′):
// both sides as logarithms so that neither under- nor overflows.
template <numeric::RealNumber T>
Inequality<T> condition_c2(const model::Instance<T>& in, const Blocks<T>& b, const T& eps, const T& m, bool strengthened,
                           std::string where) {
  using std::log;
  using std::pow;
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1);
  const std::string label = strengthened ? "C2'" : "C2";
  const std::string st = strengthened ? "log(eps^rho sum_S gamma_i delta_i(0)^2) <= log(alpha M'^(1+rho)),  M' = sum_Sbar gamma_j delta_j(0)^2"
                                      : "log(eps^rho sum_S gamma_i delta_i(0)^2) <= log(alpha M^(1+rho)),  M = |Sbar| min_Sbar gamma_j delta_j(0)^2";
  if (!(zero < m)) {
    auto q = not_applicable<T>(label, st, strengthened ? "M' = 0" : "M = 0");
    q.verdict = Verdict::Fails;  // α·0 cannot bound a positive left side; with Σ_S = 0 the lemma is vacuous anyway
    return q;
  }
  if (!(zero < b.loss_S0)) {  // Σ_S = 0: the left side is 0 (compared directly, not in logs)
    auto q = decide<T>(label, st, Relation::LessEqual, zero, T(in.alpha * pow(m, T(one + in.rho))), 0, where);
    q.note = "sum_S = 0: compared as values, not logs";
    return q;
  }
  return decide<T>(label, st, Relation::LessEqual, T(in.rho * log(eps) + log(b.loss_S0)),
                   T(log(in.alpha) + (one + in.rho) * log(m)), 0, where);
}

template <numeric::RealNumber T>
Inequality<T> condition_c1(const model::Instance<T>& in, const T& eps, std::string where) {
  return decide<T>("C1", "gamma_1 delta_1(0)^2 > eps", Relation::Greater, T(in.gamma[0] * in.delta0[0] * in.delta0[0]), eps, 0,
                   std::move(where));
}

// Which run an event passed to evaluate's tap belongs to: GF(ε) from δ(0), or the
// annealed run (its GD steps, then its GF phase).
enum class Run { GradientFlow, Annealed };

struct NullTap {
  template <class T>
  void operator()(Run, const dynamics::StepEvent<T>&) const noexcept {}
};

// `tap(run, event)` sees every GD step and GF checkpoint of both runs, before the
// checks do (audits compare the trajectory with a reference through it).
template <numeric::RealNumber T, class Tap>
Evaluation<T> evaluate(const model::Instance<T>& in, std::size_t checkpoints, Tap&& tap);

template <numeric::RealNumber T>
Evaluation<T> evaluate(const model::Instance<T>& in, std::size_t checkpoints = 16) {
  return evaluate(in, checkpoints, NullTap{});
}

template <numeric::RealNumber T, class Tap>
Evaluation<T> evaluate(const model::Instance<T>& in, std::size_t checkpoints, Tap&& tap) {
  using std::log;
  using std::pow;
  Evaluation<T> ev;
  const T zero = numeric::from_int<T>(0), one = numeric::from_int<T>(1), four = numeric::from_int<T>(4);
  const std::size_t d = in.dim();
  ev.blocks = blocks(in);
  const Blocks<T>& b = ev.blocks;
  ev.train_loss0 = model::train_loss(in.gamma, in.delta0);
  ev.population_loss0 = model::population_loss(in.lambda, in.delta0);
  auto& checks = ev.checks;

  // Premises.
  checks.push_back(condition_c1(in, in.eps, "premise"));
  checks.push_back(decide<T>("C1'", "sum_{i in P} gamma_1 delta_i(0)^2 > eps", Relation::Greater, b.top_mass0, in.eps, 0, "premise"));
  const Inequality<T> c2 = condition_c2(in, b, in.eps, b.M, false, "premise");
  checks.push_back(c2);
  checks.push_back(condition_c2(in, b, in.eps, b.M_prime, true, "premise"));
  const bool c1_holds = checks[0].verdict == Verdict::Holds;

  // GF(ε), asserting (G) at every checkpoint where (C1), (C2) hold for ε' = L̂.
  const std::optional<T> min_small = detail::min_ratio_small(in, b.split);
  Inequality<T> g_every = not_applicable<T>("G@GF", "(G) with eps' = Lhat(delta(t)) at every GF checkpoint where (C1), (C2) hold for eps'",
                                            "no checkpoint satisfied (C1) and (C2)");
  bool g_every_seen = false;
  const auto gf_observer = [&](const dynamics::StepEvent<T>& e) {
    tap(Run::GradientFlow, e);
    if (!min_small || !e.time) return;
    const T& epsp = e.train_loss;
    if (condition_c1(in, epsp, "").verdict != Verdict::Holds) return;
    if (condition_c2(in, b, epsp, b.M, false, "").verdict != Verdict::Holds) return;
    const T ld = model::population_loss(in.lambda, e.delta);
    const double allow = 8 + 2.0 * d + 4 * detail::flow_conditioning(in.gamma, *e.time);
    auto q = decide<T>("G@GF", g_every.statement, Relation::GreaterEqual, ld, T((one - in.alpha) * epsp * *min_small), allow,
                       "GF checkpoint " + std::to_string(e.index));
    keep_tightest(g_every, g_every_seen, std::move(q));
  };
  const dynamics::FlowResult<T> gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, checkpoints, gf_observer);
  ev.gf_time = gf.time;
  ev.gf_train_loss = gf.train_loss;
  ev.gf_population_loss = model::population_loss(in.lambda, gf.delta);
  ev.gf_newton_iterations = gf.newton_iterations;
  const double cond_gf = detail::flow_conditioning(in.gamma, gf.time);
  const double allow_gf = 8 + 2.0 * d + 4 * cond_gf;

  // (G)
  if (min_small) {
    ev.bound_G = (one - in.alpha) * in.eps * *min_small;
    checks.push_back(decide<T>("G", "L_D(delta_GF(T)) >= (1 - alpha) eps min_{j in Sbar} lambda_j/gamma_j", Relation::GreaterEqual,
                               ev.gf_population_loss, ev.bound_G, allow_gf, "GF stop"));
  } else {
    ev.bound_G = zero;
    checks.push_back(not_applicable<T>("G", "L_D(delta_GF(T)) >= (1 - alpha) eps min_{j in Sbar} lambda_j/gamma_j", "every gamma_j in Sbar is 0"));
  }
  checks.push_back(g_every);

  // Proof facts of (G): (P1), (P2).
  if (zero < b.M && in.eps < b.M && zero < in.gamma[b.split]) {
    checks.push_back(decide<T>("P1", "T >= ln(M/eps) / (4 gamma_k)", Relation::GreaterEqual, gf.time,
                               T(log(b.M / in.eps) / (four * in.gamma[b.split])), 16 + 2.0 * d, "GF stop"));
  } else {
    checks.push_back(not_applicable<T>("P1", "T >= ln(M/eps) / (4 gamma_k)", "needs M > eps"));
  }
  checks.push_back(decide<T>("P2.S", "L_S(delta(T)) <= alpha eps", Relation::LessEqual,
                             model::weighted_square_sum(in.gamma, gf.delta, 0, b.split), T(in.alpha * in.eps), allow_gf, "GF stop"));
  checks.push_back(decide<T>("P2.Sbar", "L_Sbar(delta(T)) >= (1 - alpha) eps", Relation::GreaterEqual,
                             model::weighted_square_sum(in.gamma, gf.delta, b.split, d), T((one - in.alpha) * in.eps), allow_gf,
                             "GF stop"));

  // Annealed GD(K, η, ε) with (P3)–(P5) at every GD step and (A)'s first line at
  // every GF checkpoint after the GD phase with ε' < γ_1 δ_1(0)².
  StepwiseFacts<T> facts(in, b);
  const T max_top = detail::max_ratio_top(in, b);
  T tail_K = zero;  // Σ_Q λ_i δ_i(K)², known once the GD phase ends
  Inequality<T> a_every = not_applicable<T>("A.1@GF", "L_D <= eps' max_P lambda_i/gamma_1 + sum_Q lambda_i delta_i(K)^2 at every GF checkpoint after GD with eps' < gamma_1 delta_1(0)^2",
                                            "no checkpoint with eps' < gamma_1 delta_1(0)^2");
  bool in_flow = false, a_seen = false;
  const T c1_level = in.gamma[0] * in.delta0[0] * in.delta0[0];
  std::vector<T> delta_K;
  const auto annealed_observer = [&](const dynamics::StepEvent<T>& e) {
    tap(Run::Annealed, e);
    if (e.phase == dynamics::Phase::GradientDescent) {
      facts(e);
      return;
    }
    if (!in_flow) {  // the GF phase starts at δ(K)
      in_flow = true;
      delta_K = e.delta;
      for (std::size_t i = 0; i < d; ++i)
        if (!b.in_P[i]) tail_K += in.lambda[i] * e.delta[i] * e.delta[i];
    }
    if (!(e.train_loss < c1_level)) return;
    const double allow = 8 + 2.0 * d + 4 * detail::flow_conditioning(in.gamma, *e.time) + 6.0 * static_cast<double>(in.K);
    auto q = decide<T>("A.1@GF", a_every.statement, Relation::LessEqual, model::population_loss(in.lambda, e.delta),
                       T(e.train_loss * max_top + tail_K), allow, "GF checkpoint " + std::to_string(e.index) + " after GD");
    keep_tightest(a_every, a_seen, std::move(q));
  };
  const dynamics::AnnealedResult<T> fast =
      dynamics::run_annealed(in.gamma, in.delta0, in.eta, in.K, in.eps, checkpoints, annealed_observer);
  ev.gd_steps = fast.descent.steps;
  ev.gd_stopped_early = fast.descent.stopped_early;
  ev.delta_K = fast.descent.delta;
  ev.gd_train_loss = fast.descent.train_loss;
  ev.fast_flow_time = fast.flow.time;
  ev.fast_train_loss = fast.flow.train_loss;
  ev.fast_population_loss = model::population_loss(in.lambda, fast.flow.delta);

  // (A): first line and explicit form.
  T tail0 = zero;
  for (std::size_t i = 0; i < d; ++i)
    if (!b.in_P[i]) tail0 += in.lambda[i] * in.delta0[i] * in.delta0[i];
  ev.bound_A_first_line = in.eps * max_top + tail_K;
  ev.bound_A_explicit = in.eps * max_top + pow(b.c, numeric::from_int<T>(in.K)) * tail0;
  const double allow_fast = 8 + 2.0 * d + 4 * detail::flow_conditioning(in.gamma, fast.flow.time) + 6.0 * static_cast<double>(in.K);
  const std::string a_where = c1_holds ? "annealed stop" : "annealed stop (C1 fails: not a premise-satisfying instance)";
  checks.push_back(decide<T>("A.1", "L_D(delta_fast) <= eps max_{i in P} lambda_i/gamma_1 + sum_{i in Q} lambda_i delta_i(K)^2",
                             Relation::LessEqual, ev.fast_population_loss, ev.bound_A_first_line, allow_fast, a_where));
  checks.push_back(decide<T>("A", "L_D(delta_fast) <= eps max_{i in P} lambda_i/gamma_1 + c^K sum_{i in Q} lambda_i delta_i(0)^2",
                             Relation::LessEqual, ev.fast_population_loss, ev.bound_A_explicit, allow_fast, a_where));
  checks.push_back(a_every);
  for (auto& q : facts.results()) checks.push_back(std::move(q));

  // (E3) at both stopping points, with ε' the train loss actually reached.
  const auto e3 = [&](const std::string& where, const T& epsp, const T& ld, const T& t) {
    const model::EllipsoidExtremes<T> x = model::ellipsoid_extremes(in.gamma, in.lambda, epsp);
    const double allow = 8 + 4.0 * d + 4 * detail::flow_conditioning(in.gamma, t);
    checks.push_back(decide<T>("E3.min@" + where, "eps' min_i lambda_i/gamma_i <= L_D", Relation::LessEqual, x.min, ld, allow, where));
    if (x.has_zero_gamma)
      checks.push_back(not_applicable<T>("E3.max@" + where, "L_D <= eps' max_i lambda_i/gamma_i", "some gamma_i = 0: the max is infinite"));
    else
      checks.push_back(decide<T>("E3.max@" + where, "L_D <= eps' max_i lambda_i/gamma_i", Relation::LessEqual, ld, x.max, allow, where));
  };
  e3("GF", ev.gf_train_loss, ev.gf_population_loss, gf.time);
  e3("annealed", ev.fast_train_loss, ev.fast_population_loss, fast.flow.time);
  return ev;
}

}  // namespace annealcheck::lemma2
