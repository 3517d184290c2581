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

// v into out, exactly, or a logic_error naming `what()` and why. The audit compares
// in MPFR with its default exponent range (about 2^±2^30), as the reference computes:
// cpp_bin_float's binary exponent reaches ±2^31 and mpf_t's far more, so a value such
// as δ_i(t) = δ_i(0)·exp(−γ_i t) ≈ 1e-639191074 (t ≈ 1e57 when γ spans 1e60) is held
// by the type but not by MPFR. `underflow_ok` (coordinates of δ, compared at the
// scale ‖δ_ref‖_∞ of the state, audit/trajectory.hpp) keeps MPFR's underflowed result,
// off by less than 2^emin in absolute terms, as the reference's own enclosure is;
// anything else out of range is reported as such, not as a rounding.
struct OutOfMpfrRange : std::logic_error {
  using std::logic_error::logic_error;
};

template <numeric::RealNumber T, class What>
void convert_exactly(mpfr_ptr out, const T& v, const What& what, bool underflow_ok = false) {
  using Tr = numeric::number_traits<T>;
  mpfr_clear_flags();
  if (exact_mpfr<T>::set(out, v) == 0) return;
  if (underflow_ok && mpfr_underflow_p()) return;
  if (mpfr_underflow_p() || mpfr_overflow_p())
    throw OutOfMpfrRange(what() + " = " + Tr::str(v, 8) + " in " + Tr::id() + " lies outside MPFR's exponent range [2^" +
                           std::to_string(mpfr_get_emin()) + ", 2^" + std::to_string(mpfr_get_emax()) +
                           "], in which the audit and its reference compute (" + Tr::id() + "'s exponent range is wider)");
  throw std::logic_error("inexact conversion of " + what() + " = " + Tr::str(v) + " from " + Tr::id() + " to MPFR at " +
                         std::to_string(mpfr_get_prec(out)) + " bits (a bug in audit/exact_mpfr)");
}

// The rung's quantities and check sides, converted exactly to the reference's precision.
template <numeric::RealNumber T>
void record_values(RungValues& r, const model::Instance<T>& in, const lemma2::Evaluation<T>& ev, const RungRequest& req) {
  using X = exact_mpfr<T>;
  auto exact = [](const T& v, const std::string& what) {
    ExactBinary b(X::bits());
    convert_exactly(b.get(), v, [&] { return what; });
    return b;
  };
  namespace q = interval::quantity;
  const auto put = [&](const char* key, const T& v) { r.quantities.insert_or_assign(key, exact(v, std::string("quantity ") + key)); };
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
      // A side out of MPFR's range leaves this check's verdict audited and its sides not
      // (the note says why); the rest of the rung is audited as usual.
      try {
        rc.lhs = exact(c.lhs, c.label + " lhs");
        rc.rhs = exact(c.rhs, c.label + " rhs");
        rc.margin = exact(c.margin, c.label + " margin");
      } catch (const OutOfMpfrRange& x) {
        rc.has_sides = false;
        rc.note += std::string(rc.note.empty() ? "" : "; ") + "sides not audited: " + x.what();
      }
    }
    r.checks.push_back(std::move(rc));
  }
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

  TrajectoryComparator cmp(*req.exact, Tr::bits(), req.min_digits, req.reference_gd_steps);
  std::vector<ExactBinary> buf(d, ExactBinary(X::bits()));
  ExactBinary loss(X::bits()), time(X::bits());
  bool annealed_flow = false;
  const auto tap = [&](lemma2::Run run, const dynamics::StepEvent<T>& e) {
    Segment seg = Segment::GradientFlow;
    if (run == lemma2::Run::Annealed) seg = e.phase == dynamics::Phase::GradientDescent ? Segment::Descent : Segment::FlowAfterDescent;
    const auto convert = [&](ExactBinary& out, const T& v, const char* what, bool underflow_ok = false) {
      convert_exactly(out.get(), v, [&] {
        return std::string(what) + " in the " + std::string(segment_name(seg)) + " segment at " + (seg == Segment::Descent ? "step " : "checkpoint ") + std::to_string(e.index);
      }, underflow_ok);
    };
    if (seg != Segment::Descent) {
      auto& times = seg == Segment::GradientFlow ? r.gf_checkpoint_times : r.annealed_checkpoint_times;
      if (seg == Segment::FlowAfterDescent && !annealed_flow) annealed_flow = true;
      if (times.size() <= e.index) times.resize(e.index + 1, ExactBinary(X::bits()));
      convert(times[e.index], *e.time, "the time");
    }
    if (!cmp.wants(seg)) return;
    for (std::size_t i = 0; i < d; ++i) convert(buf[i], e.delta[i], "a coordinate of delta", true);
    convert(loss, e.train_loss, "the train loss");
    if (e.time) convert(time, *e.time, "the time");
    cmp.observe(seg, static_cast<long>(e.index), e.time ? time.get() : nullptr, buf, loss.get());
  };
  const lemma2::Evaluation<T> ev = lemma2::evaluate(in, req.checkpoints, tap);

  record_values(r, in, ev, req);
  r.trajectory = cmp.reports();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace annealcheck::audit
