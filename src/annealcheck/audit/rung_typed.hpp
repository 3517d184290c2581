// audit_rung_typed<T>: the body each per-type translation unit instantiates
// (audit/rung_<type>.cpp). Runs lemma2::evaluate<T> with a tap that feeds the
// trajectory comparator, then converts every quantity and check side exactly.
#pragma once

#include "annealcheck/audit/exact_mpfr/builtin.hpp"
#include "annealcheck/audit/rung.hpp"
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/interval/reference_result.hpp"
#include "annealcheck/lemma2/evaluation.hpp"

#include <chrono>

namespace annealcheck::audit {

// The closed-form stopping time as the quadratic formula gives it (SPEC §6 hazard
// 4), computed naively in T: x = (−b + √(b² + 4aε)) / (2a), T = −log(x)/(4γ_slow).
// It cancels catastrophically when 4aε ≪ b², i.e. ε ≪ L̂(δ(0)).
template <numeric::RealNumber T>
T closed_form_time(const model::Instance<T>& in, const ClosedFormSplit& s) {
  using std::log;
  using std::sqrt;
  T a = numeric::from_int<T>(0), b = numeric::from_int<T>(0);
  for (std::size_t i : s.fast) a += in.gamma[i] * in.delta0[i] * in.delta0[i];
  for (std::size_t i : s.slow) b += in.gamma[i] * in.delta0[i] * in.delta0[i];
  const T x = (sqrt(b * b + numeric::from_int<T>(4) * a * in.eps) - b) / (numeric::from_int<T>(2) * a);
  return -log(x) / (numeric::from_int<T>(4) * in.gamma[s.slow.front()]);
}

template <numeric::RealNumber T>
RungValues audit_rung_typed(const RungRequest& req) {
  using Tr = numeric::number_traits<T>;
  using X = exact_mpfr<T>;
  const auto start = std::chrono::steady_clock::now();
  RungValues r;
  r.type_id = Tr::id();
  r.bits = Tr::bits();
  const model::Instance<T> in = engine::materialize_problem<T>(*req.problem);
  const std::size_t d = in.dim();
  auto exact = [](const T& v) {
    ExactBinary b(X::bits());
    if (X::set(b.get(), v) != 0) throw std::logic_error("inexact conversion of a " + Tr::id() + " value to MPFR");
    return b;
  };

  TrajectoryComparator cmp(*req.exact, Tr::bits(), req.min_digits, req.reference_gd_steps);
  std::vector<ExactBinary> buf(d, ExactBinary(X::bits()));
  ExactBinary loss(X::bits()), time(X::bits());
  auto convert = [](ExactBinary& out, const T& v) {
    if (X::set(out.get(), v) != 0) throw std::logic_error("inexact conversion of a " + Tr::id() + " value to MPFR");
  };
  bool annealed_flow = false;
  const auto tap = [&](lemma2::Run run, const dynamics::StepEvent<T>& e) {
    Segment seg = Segment::GradientFlow;
    if (run == lemma2::Run::Annealed) seg = e.phase == dynamics::Phase::GradientDescent ? Segment::Descent : Segment::FlowAfterDescent;
    if (seg != Segment::Descent) {
      auto& times = seg == Segment::GradientFlow ? r.gf_checkpoint_times : r.annealed_checkpoint_times;
      if (seg == Segment::FlowAfterDescent && !annealed_flow) annealed_flow = true;
      if (times.size() <= e.index) times.resize(e.index + 1, ExactBinary(X::bits()));
      convert(times[e.index], *e.time);
    }
    if (!cmp.wants(seg)) return;
    for (std::size_t i = 0; i < d; ++i) convert(buf[i], e.delta[i]);
    convert(loss, e.train_loss);
    if (e.time) convert(time, *e.time);
    cmp.observe(seg, static_cast<long>(e.index), e.time ? time.get() : nullptr, buf, loss.get());
  };
  const lemma2::Evaluation<T> ev = lemma2::evaluate(in, req.checkpoints, tap);

  namespace q = interval::quantity;
  const auto put = [&](const char* key, const T& v) { r.quantities.insert_or_assign(key, exact(v)); };
  put(q::train_loss0, ev.train_loss0);
  put(q::population_loss0, ev.population_loss0);
  put(q::eta, in.eta);
  put(q::M, ev.blocks.M);
  put(q::M_prime, ev.blocks.M_prime);
  put(q::c, ev.blocks.c);
  put(q::gf_time, ev.gf_time);
  put(q::gf_train_loss, ev.gf_train_loss);
  put(q::gf_population_loss, ev.gf_population_loss);
  put(q::gd_train_loss, ev.gd_train_loss);
  put(q::fast_time, ev.fast_flow_time);
  put(q::fast_train_loss, ev.fast_train_loss);
  put(q::fast_population_loss, ev.fast_population_loss);
  put(q::bound_G, ev.bound_G);
  put(q::bound_A1, ev.bound_A_first_line);
  put(q::bound_A, ev.bound_A_explicit);
  if (req.closed_form) put(q::closed_form_time, closed_form_time(in, *req.closed_form));
  r.gd_steps = ev.gd_steps;
  r.gd_stopped_early = ev.gd_stopped_early;
  r.in_P = ev.blocks.in_P;
  r.j_star = ev.blocks.j_star;
  for (const auto& c : ev.checks) {
    RungCheck rc;
    static_cast<engine::CheckHead&>(rc) = engine::check_head(c);  // as `eval` reports it
    if (rc.has_sides) {
      rc.lhs = exact(c.lhs);
      rc.rhs = exact(c.rhs);
      rc.margin = exact(c.margin);
    }
    r.checks.push_back(std::move(rc));
  }
  r.trajectory = cmp.reports();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace annealcheck::audit
