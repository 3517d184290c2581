// Every quantity and inequality of Lemma 2 (SPEC §3) for one instance in type T:
// runs GF(ε) and annealed GD(K, η, ε) with observers that assert the stepwise
// facts, then decides the premises (C1, C1′, C2, C2′), the conclusions (G, A in
// both lines), the proof facts (P1–P5) and (E3) at both stopping points.
#pragma once

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/dynamics/gradient_flow.hpp"
#include "annealcheck/lemma2/blocks.hpp"
#include "annealcheck/lemma2/checkpoint_screen.hpp"
#include "annealcheck/lemma2/conditions.hpp"
#include "annealcheck/lemma2/error_bounds.hpp"
#include "annealcheck/lemma2/inequality.hpp"
#include "annealcheck/lemma2/stepwise_facts.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/model/losses.hpp"

#include <cmath>
#include <string>
#include <type_traits>
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
  T gf_time_error, fast_time_error;  // bounds on |T̃ − T|, |T̃′ − T′| (error_bounds.md §3)
  T bound_G, bound_A_first_line, bound_A_explicit;
  std::vector<Inequality<T>> checks;
  std::size_t checkpoints_screened = 0;  // cleared in double, not computed in T (checkpoint_screen.hpp)
  std::vector<Inequality<T>> checks_e3;  // scratch: (E3) is appended after the others
};

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

namespace detail {

// ε′·min λ/γ and ε′·max λ/γ over γ_i > 0 ((E3)) as Sides.
template <numeric::RealNumber T>
struct RatioExtremes {
  Side<T> min, max;
  bool has_zero_gamma = false;
};
template <numeric::RealNumber T>
RatioExtremes<T> ratio_extremes(const model::Instance<T>& in) {
  RatioExtremes<T> x;
  std::vector<Side<T>> r;
  for (std::size_t i = 0; i < in.dim(); ++i) {
    if (numeric::from_int<T>(0) < in.gamma[i]) r.push_back(bounds::input(in.lambda[i]) / bounds::input(in.gamma[i]));
    else x.has_zero_gamma = true;
  }
  if (r.empty()) return x;
  x.min = bounds::extremum(r, false);
  x.max = bounds::extremum(r, true);
  return x;
}

template <numeric::RealNumber T>
void e3_checks(std::vector<Inequality<T>>& checks, const RatioExtremes<T>& x, const std::string& where, const Side<T>& epsp,
               const Side<T>& ld) {
  checks.push_back(decide<T>("E3.min@" + where, "eps' min_i lambda_i/gamma_i <= L_D", Relation::LessEqual, epsp * x.min, ld, where));
  if (x.has_zero_gamma)
    checks.push_back(not_applicable<T>("E3.max@" + where, "L_D <= eps' max_i lambda_i/gamma_i", "some gamma_i = 0: the max is infinite"));
  else
    checks.push_back(decide<T>("E3.max@" + where, "L_D <= eps' max_i lambda_i/gamma_i", Relation::LessEqual, ld, epsp * x.max, where));
}

// GF(ε) from δ(0): (G) at every checkpoint where (C1), (C2) hold for ε′ = L̂ there,
// then (G), (P1), (P2) at the stop with the stopping time's bound (error_bounds.md §3).
template <numeric::RealNumber T, class Tap>
void gradient_flow_checks(Evaluation<T>& ev, const model::Instance<T>& in, const InputSides<T>& s, std::size_t checkpoints,
                          Tap& tap, const RatioExtremes<T>& x, const RunningPremises<T>& premises) {
  const Blocks<T>& b = ev.blocks;
  const std::size_t d = in.dim();
  const Side<T> one = exact_side(numeric::from_int<T>(1));
  const std::optional<Side<T>> min_small = min_ratio_small(in, b.split);
  const std::string g_statement = "(1 - alpha) eps min_{j in Sbar} lambda_j/gamma_j <= L_D(delta_GF(T))";
  Tightest<T> g_every(not_applicable<T>("G@GF", "(G) with eps' = Lhat(delta(t)) at every GF checkpoint where (C1), (C2) hold for eps'",
                                        "no checkpoint satisfied (C1) and (C2)"));
  bounds::FlowErrors<T> fe(in.gamma, in.delta0, s.delta0_error);
  const auto observer = [&](const dynamics::StepEvent<T>& e) {
    tap(Run::GradientFlow, e);
    if (!min_small || !e.time) return;
    fe.at(e.delta, *e.time, numeric::from_int<T>(0));
    const Side<T> epsp = fe.sum(in.gamma, e.delta, 0, d);
    if (!premises.c1(epsp) || !premises.c2(epsp)) return;
    const Side<T> lhs = fe.sum(in.lambda, e.delta, 0, d), rhs = (one - s.alpha) * epsp * *min_small;
    g_every.offer(Relation::GreaterEqual, lhs, rhs, [&] {
      return decide<T>("G@GF", g_every.result().statement, Relation::GreaterEqual, lhs, rhs, "GF checkpoint " + std::to_string(e.index));
    });
  };
  // Checkpoints double proves cleared are not computed in T (checkpoint_screen.hpp);
  // a tap sees every checkpoint, so there is no screen under one.
  const auto screen = [&](const std::vector<double>& times, std::vector<char>& needed) {
    if constexpr (!std::is_same_v<std::decay_t<Tap>, NullTap>) return false;
    if (!min_small || !premises.uses_logs()) return false;
    CheckpointScreen<T> cs(in.gamma, in.delta0, s.delta0_error);
    const auto lambda = screen::narrow(in.lambda);
    const auto sides = screen::narrow_premises(s);
    const auto ratio = screen::narrow(*min_small);
    if (!cs.ok() || !lambda || !sides || !ratio) return false;
    const RunningPremises<double> p(*sides);
    const Side<double> factor = exact_side(1.0) - sides->alpha;
    constexpr long w = CheckpointScreen<T>::widen;
    ev.checkpoints_screened += cs.select(times, needed, [&](const std::vector<double>& st, const bounds::FlowErrors<double>& e) {
      const Side<double> epsp = e.sum(cs.gamma(), st, 0, d);
      const Verdict c1 = p.c1_verdict(epsp, w), c2 = p.c2_verdict(epsp, w);
      if (c1 == Verdict::Fails || c2 == Verdict::Fails) return ScreenOutcome{ScreenOutcome::Skip};
      if (c1 != Verdict::Holds || c2 != Verdict::Holds) return ScreenOutcome{};
      return CheckpointScreen<T>::check(Relation::GreaterEqual, e.sum(*lambda, st, 0, d), factor * epsp * *ratio);
    }, [&] { g_every.tally(Verdict::Holds); });
    return true;
  };
  const dynamics::FlowResult<T> gf = dynamics::run_gradient_flow(in.gamma, in.delta0, in.eps, checkpoints, observer, screen);
  ev.gf_time = gf.time;
  ev.gf_train_loss = gf.train_loss;
  ev.gf_population_loss = model::population_loss(in.lambda, gf.delta);
  ev.gf_newton_iterations = gf.newton_iterations;
  ev.gf_time_error = bounds::stopping_time_error(in.gamma, in.delta0, s.delta0_error, gf.delta, gf.time, s.eps);

  fe.at(gf.delta, gf.time, numeric::from_int<T>(0));  // (E3): ε′ = L̂ at the same point
  e3_checks(ev.checks_e3, x, "GF", fe.sum(in.gamma, gf.delta, 0, d), fe.sum(in.lambda, gf.delta, 0, d));
  fe.at(gf.delta, gf.time, ev.gf_time_error);  // against the exact stopping time
  const Side<T> ld = fe.sum(in.lambda, gf.delta, 0, d);
  auto& checks = ev.checks;
  if (min_small) {
    const Side<T> bound = (one - s.alpha) * s.eps * *min_small;
    ev.bound_G = bound.value;
    checks.push_back(decide<T>("G", "L_D(delta_GF(T)) >= (1 - alpha) eps min_{j in Sbar} lambda_j/gamma_j", Relation::GreaterEqual, ld,
                               bound, "GF stop"));
  } else {
    ev.bound_G = numeric::from_int<T>(0);
    checks.push_back(not_applicable<T>("G", "L_D(delta_GF(T)) >= (1 - alpha) eps min_{j in Sbar} lambda_j/gamma_j", "every gamma_j in Sbar is 0"));
  }
  checks.push_back(g_every.result());
  const T zero = numeric::from_int<T>(0);
  if (zero < b.M && in.eps < b.M && zero < in.gamma[b.split]) {
    const Side<T> rhs = side_log(s.M / s.eps) / (exact_side(numeric::from_int<T>(4)) * bounds::input(in.gamma[b.split]));
    checks.push_back(decide<T>("P1", "T >= ln(M/eps) / (4 gamma_k)", Relation::GreaterEqual, Side<T>{gf.time, ev.gf_time_error}, rhs, "GF stop"));
  } else {
    checks.push_back(not_applicable<T>("P1", "T >= ln(M/eps) / (4 gamma_k)", "needs M > eps"));
  }
  checks.push_back(decide<T>("P2.S", "L_S(delta(T)) <= alpha eps", Relation::LessEqual, fe.sum(in.gamma, gf.delta, 0, b.split),
                             s.alpha * s.eps, "GF stop"));
  checks.push_back(decide<T>("P2.Sbar", "L_Sbar(delta(T)) >= (1 - alpha) eps", Relation::GreaterEqual,
                             fe.sum(in.gamma, gf.delta, b.split, d), (one - s.alpha) * s.eps, "GF stop"));
}

// Annealed GD(K, η, ε): (P3)–(P5) at every GD step, (A)'s first line at every GF
// checkpoint after the GD phase with ε′ < γ_1 δ_1(0)², and (A) in both lines at the stop.
template <numeric::RealNumber T, class Tap>
void annealed_checks(Evaluation<T>& ev, const model::Instance<T>& in, const InputSides<T>& s, std::size_t checkpoints,
                     Tap& tap, const RatioExtremes<T>& x, const RunningPremises<T>& premises, bool c1_holds) {
  const Blocks<T>& b = ev.blocks;
  const std::size_t d = in.dim();
  StepwiseFacts<T> facts(in, b, s);
  const Side<T> max_top = max_ratio_top(in, b);
  Side<T> tail_K = exact_side(numeric::from_int<T>(0));  // Σ_Q λ_i δ_i(K)², known once the GD phase ends
  Tightest<T> a_every(not_applicable<T>("A.1@GF", "L_D <= eps' max_P lambda_i/gamma_1 + sum_Q lambda_i delta_i(K)^2 at every GF checkpoint after GD with eps' < gamma_1 delta_1(0)^2",
                                        "no checkpoint with eps' < gamma_1 delta_1(0)^2"));
  std::vector<T> delta_K, error_K, sq_error_K;
  std::optional<bounds::FlowErrors<T>> fe;
  const auto observer = [&](const dynamics::StepEvent<T>& e) {
    tap(Run::Annealed, e);
    if (e.phase == dynamics::Phase::GradientDescent) {
      facts(e);
      return;
    }
    if (!fe) {  // the GF phase starts at δ(K), carrying the GD phase's bounds
      delta_K = e.delta;
      error_K = facts.state_errors(e.delta);
      facts.release_state();  // the GD phase is over: its O(d) data goes before the GF phase's
      bounds::squares_error_into(sq_error_K, delta_K, error_K);
      tail_K = bounds::square_sum(in.lambda, delta_K, sq_error_K, 0, d, &b.in_P, false);
      fe.emplace(in.gamma, delta_K, error_K);
    }
    fe->at(e.delta, *e.time, numeric::from_int<T>(0));
    const Side<T> epsp = fe->sum(in.gamma, e.delta, 0, d);
    if (!premises.c1(epsp)) return;
    const Side<T> lhs = fe->sum(in.lambda, e.delta, 0, d), rhs = epsp * max_top + tail_K;
    a_every.offer(Relation::LessEqual, lhs, rhs, [&] {
      return decide<T>("A.1@GF", a_every.result().statement, Relation::LessEqual, lhs, rhs,
                       "GF checkpoint " + std::to_string(e.index) + " after GD");
    });
  };
  // As for GF(ε): after the GD phase (the observer has seen δ(K) at checkpoint 0).
  const auto screen = [&](const std::vector<double>& times, std::vector<char>& needed) {
    if constexpr (!std::is_same_v<std::decay_t<Tap>, NullTap>) return false;
    if (!fe) return false;
    CheckpointScreen<T> cs(in.gamma, delta_K, error_K);
    const auto lambda = screen::narrow(in.lambda);
    const auto sides = screen::narrow_premises(s);
    const auto top = screen::narrow(max_top), tail = screen::narrow(tail_K);
    if (!cs.ok() || !lambda || !sides || !top || !tail) return false;
    const RunningPremises<double> p(*sides);
    ev.checkpoints_screened += cs.select(times, needed, [&](const std::vector<double>& st, const bounds::FlowErrors<double>& e) {
      const Side<double> epsp = e.sum(cs.gamma(), st, 0, d);
      const Verdict c1 = p.c1_verdict(epsp, CheckpointScreen<T>::widen);
      if (c1 == Verdict::Fails) return ScreenOutcome{ScreenOutcome::Skip};
      if (c1 != Verdict::Holds) return ScreenOutcome{};
      return CheckpointScreen<T>::check(Relation::LessEqual, e.sum(*lambda, st, 0, d), epsp * *top + *tail);
    }, [&] { a_every.tally(Verdict::Holds); });
    return true;
  };
  const dynamics::AnnealedResult<T> fast =
      dynamics::run_annealed(in.gamma, in.delta0, in.eta, in.K, in.eps, checkpoints, observer, screen);
  ev.gd_steps = fast.descent.steps;
  ev.gd_stopped_early = fast.descent.stopped_early;
  ev.delta_K = fast.descent.delta;
  ev.gd_train_loss = fast.descent.train_loss;
  ev.fast_flow_time = fast.flow.time;
  ev.fast_train_loss = fast.flow.train_loss;
  ev.fast_population_loss = model::population_loss(in.lambda, fast.flow.delta);
  ev.fast_time_error = bounds::stopping_time_error(in.gamma, delta_K, error_K, fast.flow.delta, fast.flow.time, s.eps);

  fe->at(fast.flow.delta, fast.flow.time, numeric::from_int<T>(0));
  e3_checks(ev.checks_e3, x, "annealed", fe->sum(in.gamma, fast.flow.delta, 0, d), fe->sum(in.lambda, fast.flow.delta, 0, d));
  fe->at(fast.flow.delta, fast.flow.time, ev.fast_time_error);
  const Side<T> ld = fe->sum(in.lambda, fast.flow.delta, 0, d);
  const Side<T> tail0 = bounds::square_sum(in.lambda, in.delta0, s.delta0_sq_error, 0, d, &b.in_P, false);
  const Side<T> first_line = s.eps * max_top + tail_K;
  const Side<T> explicit_form = s.eps * max_top + side_pow(facts.contraction(), in.K) * tail0;
  ev.bound_A_first_line = first_line.value;
  ev.bound_A_explicit = explicit_form.value;
  const std::string where = c1_holds ? "annealed stop" : "annealed stop (C1 fails: not a premise-satisfying instance)";
  ev.checks.push_back(decide<T>("A.1", "L_D(delta_fast) <= eps max_{i in P} lambda_i/gamma_1 + sum_{i in Q} lambda_i delta_i(K)^2",
                                Relation::LessEqual, ld, first_line, where));
  ev.checks.push_back(decide<T>("A", "L_D(delta_fast) <= eps max_{i in P} lambda_i/gamma_1 + c^K sum_{i in Q} lambda_i delta_i(0)^2",
                                Relation::LessEqual, ld, explicit_form, where));
  ev.checks.push_back(a_every.result());
  for (auto& q : facts.results()) ev.checks.push_back(std::move(q));
}

}  // namespace detail

template <numeric::RealNumber T, class Tap>
Evaluation<T> evaluate(const model::Instance<T>& in, std::size_t checkpoints, Tap&& tap) {
  Evaluation<T> ev;
  ev.blocks = blocks(in);
  ev.train_loss0 = model::train_loss(in.gamma, in.delta0);
  ev.population_loss0 = model::population_loss(in.lambda, in.delta0);
  const InputSides<T> s = input_sides(in, ev.blocks);
  auto& checks = ev.checks;
  checks.push_back(condition_c1(s, s.eps, "premise"));
  checks.push_back(condition_c1_prime(s, s.eps, "premise"));
  checks.push_back(condition_c2(s, s.eps, false, "premise"));
  checks.push_back(condition_c2(s, s.eps, true, "premise"));
  const bool c1_holds = checks[0].verdict == Verdict::Holds;
  const detail::RatioExtremes<T> x = detail::ratio_extremes(in);
  const RunningPremises<T> premises(s);  // (C1), (C2) at every checkpoint of both runs
  detail::gradient_flow_checks(ev, in, s, checkpoints, tap, x, premises);
  detail::annealed_checks(ev, in, s, checkpoints, tap, x, premises, c1_holds);
  for (auto& q : ev.checks_e3) checks.push_back(std::move(q));  // (E3) last, as before
  ev.checks_e3.clear();
  return ev;
}

}  // namespace annealcheck::lemma2
