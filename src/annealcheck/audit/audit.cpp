#include "annealcheck/audit/audit.hpp"

#include "annealcheck/audit/audited.hpp"
#include "annealcheck/audit/rung_audit.hpp"
#include "annealcheck/certified/decide.hpp"
#include "annealcheck/engine/representable.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace annealcheck::audit {

using interval::Certainty;
using detail::fmt_digits;
using detail::narrow_enough;
using detail::quantity_table;

// ---- the certified reference ---------------------------------------------------

// The precision loop is certified::decide (one code path with `eval --certified` and
// the properties' certified checks); the audit adds its own pending items: the
// reference's non-verdict undecided items and the widths of the counted quantities.
CertifiedReference certify_reference(const interval::ExactProblem& e, long start_bits, long cap_bits, std::size_t checkpoints,
                                     double min_digits) {
  const auto pending = [&](const interval::ReferenceResult& r) {
    std::vector<std::string> p;
    for (const auto& u : r.undecided)
      if (u.find("verdict") == std::string::npos && !r.find(u)) p.push_back(u);
    for (const auto& qi : quantity_table())
      if (qi.counted)
        if (auto it = r.quantities.find(qi.id); it != r.quantities.end() && !narrow_enough(it->second, min_digits))
          p.push_back(std::string("enclosure of ") + qi.id + " too wide for " + fmt_digits(min_digits) + " digits");
    return p;
  };
  certified::Result res = certified::decide(e, {start_bits, cap_bits, checkpoints}, {}, pending);
  CertifiedReference cr;
  cr.bits_tried = res.bits_tried;
  for (const auto& c : res.checks) {
    ReferenceVerdict v{c.label, Certainty::Undecided, std::nullopt, c.how, c.note};
    if (c.decision == certified::Decision::Proved || c.decision == certified::Decision::Refuted || c.decision == certified::Decision::NotApplicable) {
      v.verdict = c.decision == certified::Decision::Proved ? Certainty::Proved
                  : c.decision == certified::Decision::Refuted ? Certainty::Refuted : Certainty::NotApplicable;
      v.decided_at_bits = c.bits;
    } else {
      cr.still_undecided.push_back("verdict " + c.label);
      if (c.decision == certified::Decision::Tie) v.note += (v.note.empty() ? "" : "; ") + std::string("undecided tie");
    }
    cr.verdicts.push_back(std::move(v));
  }
  for (const auto& u : res.pending)
    if (!res.find(u)) cr.still_undecided.push_back(u);
  cr.final = std::move(res.final);
  cr.seconds = res.seconds;
  return cr;
}

namespace {

// Coordinates of the two rates of Proposition 1's quadratic, or InputError.
ClosedFormSplit closed_form_split(const interval::ExactProblem& e) {
  std::vector<numeric::Rational> rates;
  for (std::size_t i = 0; i < e.dim(); ++i)
    if (e.weight[i].sign() > 0 && std::find(rates.begin(), rates.end(), e.gamma[i]) == rates.end()) rates.push_back(e.gamma[i]);
  std::sort(rates.begin(), rates.end());
  if (rates.size() != 2 || !(rates[1] == numeric::Rational(2) * rates[0]))
    throw InputError("--closed-form", "an instance whose active coordinates have " + std::to_string(rates.size()) + " distinct gamma values",
                     "exactly two, gamma_fast = 2 gamma_slow (Proposition 1's structure: Lhat(t) = a x^2 + b x, x = e^{-4 gamma_slow t})");
  ClosedFormSplit s;
  for (std::size_t i = 0; i < e.dim(); ++i) {
    if (e.weight[i].sign() == 0) continue;
    (e.gamma[i] == rates[1] ? s.fast : s.slow).push_back(i);
  }
  return s;
}

// Defaults filled in and checked (InputError naming the option).
void complete_options(AuditOptions& opt) {
  if (opt.ladder.empty()) opt.ladder = default_ladder();
  if (!(opt.min_digits >= 0 && opt.min_digits <= 100000)) throw InputError("--min-digits", fmt::format("{}", opt.min_digits), "a number of digits in [0, 100000]");
  long top = 0;
  for (const auto& t : opt.ladder) top = std::max(top, t.bits);
  if (opt.reference_bits == 0) opt.reference_bits = std::max(2 * top, top + 128);
  if (opt.reference_bits < top + 32)
    throw InputError("--reference", "mpfi:" + std::to_string(opt.reference_bits),
                     "at least " + std::to_string(top + 32) + " bits: the reference must be strictly more precise than every rung (" +
                         std::to_string(top) + " bits)");
  if (opt.reference_cap_bits == 0) opt.reference_cap_bits = 16 * opt.reference_bits;
  if (opt.reference_cap_bits < opt.reference_bits)
    throw InputError("--reference-cap", std::to_string(opt.reference_cap_bits), "at least the starting reference precision (" + std::to_string(opt.reference_bits) + " bits)");
  if (opt.jobs == 0) opt.jobs = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
}

void describe_problem(AuditResult& a, const engine::Problem& p) {
  if (const auto* s = std::get_if<model::InstanceSpec>(&p)) {
    a.problem_kind = "instance";
    a.problem_source = s->source;
  } else {
    const auto& c = std::get<engine::Prop1Case21>(p);
    a.problem_kind = "prop1";
    a.problem_source = "Proposition 1, case (2,1): alpha = " + c.alpha.text + ", eps = " + c.eps.text + ", K = " + std::to_string(c.K);
  }
}

// Rungs in parallel (each thread sets its own MPFR precision); results in ladder order.
std::vector<RungValues> run_rungs(const engine::Problem& p, const AuditResult& a, const std::optional<ClosedFormSplit>& split) {
  const AuditOptions& opt = a.options;
  std::vector<RungValues> values(opt.ladder.size());
  RungRequest req;
  req.problem = &p;
  req.exact = &a.exact;
  req.checkpoints = opt.checkpoints;
  req.min_digits = opt.min_digits;
  req.reference_gd_steps = a.reference.final.gd_steps;
  req.closed_form = split;
  // Longest first (software binary128 and cpp_bin_float are the slowest per step), so
  // that two threads finish together; results stay in ladder order.
  auto cost = [](const engine::TypeSpec& t) {
    using engine::Family;
    switch (t.family) {
      case Family::CppBinFloat50: case Family::CppBinFloat100: return 8.0;
      case Family::Float128: return 6.0;
      case Family::Float: case Family::Double: return 1.0;
      case Family::LongDouble: return 1.5;
      default: return 2.0 + static_cast<double>(t.bits) / 512;
    }
  };
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return cost(opt.ladder[x]) > cost(opt.ladder[y]); });
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k = next++; k < values.size(); k = next++) {
      const std::size_t i = order[k];
      try {
        // An input the rung cannot hold (eps underflowing to 0 in float, say) makes
        // every check NaN there: that is the rung's error, named, not a flip of its
        // verdicts — `eval --type` refuses the same input.
        engine::check_representable(p, opt.ladder[i]);
        values[i] = audit_rung(opt.ladder[i], req);
      } catch (const std::exception& ex) {
        values[i].type_id = opt.ladder[i].id;
        values[i].bits = opt.ladder[i].bits;
        values[i].error = ex.what();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < std::min<unsigned>(opt.jobs, static_cast<unsigned>(values.size())); ++j)
    pool.emplace_back([&] {
      worker();
      mpfr_free_cache();  // MPFR's per-thread constant caches die with the thread otherwise
    });
  worker();
  for (auto& t : pool) t.join();
  return values;
}

// The smallest sufficient rung, the first problem of every other, and the caveats.
void summarize(AuditResult& a) {
  std::vector<const RungAudit*> by_bits;
  for (const auto& r : a.rungs) by_bits.push_back(&r);
  std::stable_sort(by_bits.begin(), by_bits.end(), [](const RungAudit* x, const RungAudit* y) { return x->bits < y->bits; });
  for (const RungAudit* r : by_bits) {
    if (r->sufficient && !a.summary.smallest_sufficient) {
      a.summary.smallest_sufficient = r->type_id;
      a.summary.smallest_sufficient_bits = r->bits;
    }
    if (!r->sufficient) a.summary.insufficient.push_back({r->type_id, r->bits, r->problems.front(), r->problems.size()});
  }
  for (const auto& v : a.reference.verdicts)
    if (!v.decided_at_bits)
      a.summary.caveats.push_back("the reference could not decide " + v.label + " up to " + std::to_string(a.reference.final.bits) +
                                  " bits: agreement on it is not counted");
  for (const auto& u : a.reference.still_undecided)
    if (u.rfind("verdict ", 0) != 0) a.summary.caveats.push_back("at the cap: " + u);
}

}  // namespace

// ---- the audit ---------------------------------------------------------------------

AuditResult run_audit(const engine::Problem& p, const AuditOptions& opt_in) {
  const auto t0 = std::chrono::steady_clock::now();
  AuditResult a;
  a.options = opt_in;
  complete_options(a.options);
  describe_problem(a, p);
  a.exact = interval::exact_problem(p);
  std::optional<ClosedFormSplit> split;
  if (a.options.closed_form) split = closed_form_split(a.exact);
  a.reference = certify_reference(a.exact, a.options.reference_bits, a.options.reference_cap_bits, a.options.checkpoints,
                                  a.options.min_digits);
  for (const RungValues& v : run_rungs(p, a, split)) a.rungs.push_back(detail::audit_one(v, a));
  summarize(a);
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return a;
}

}  // namespace annealcheck::audit
