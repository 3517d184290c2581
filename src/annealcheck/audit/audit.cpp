#include "annealcheck/audit/audit.hpp"

#include "annealcheck/certified/decide.hpp"
#include "annealcheck/io/input_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cctype>
#include <set>
#include <stdexcept>
#include <thread>

namespace annealcheck::audit {

using interval::Certainty;
using interval::Enclosure;
namespace q = interval::quantity;

// ---- ladder and options ------------------------------------------------------

std::vector<engine::TypeSpec> default_ladder() {
  std::vector<engine::TypeSpec> out;
  for (const char* id : {"float", "double", "long-double", "float128", "cpp_bin_float50", "gmp_float50", "mpfr:64", "mpfr128",
                         "mpfr256", "mpfr:512", "mpfr1024"})
    out.push_back(engine::parse_type_id(id, "--types"));
  return out;
}

std::vector<engine::TypeSpec> parse_ladder(const std::string& text, const std::string& option) {
  std::vector<engine::TypeSpec> out;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    std::string id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    id.erase(0, id.find_first_not_of(' '));
    id.erase(id.find_last_not_of(' ') + 1);
    if (id.empty()) throw InputError(option, "\"" + text + "\"", "a comma-separated list of type ids without empty entries");
    engine::TypeSpec t = engine::parse_type_id(id, option);
    if (t.exact || t.interval)
      throw InputError(option, "\"" + id + "\"", "a floating rung (mpq has no exp/log for the flow; MPFI is the reference, use --reference)");
    if (!seen.insert(id).second) throw InputError(option, "\"" + id + "\" twice", "each type id at most once");
    out.push_back(t);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

long parse_reference(const std::string& text, const std::string& option) {
  const engine::TypeSpec t = engine::parse_type_id(text, option);
  if (!t.interval) throw InputError(option, "\"" + text + "\"", "an MPFI reference: mpfi:BITS (e.g. mpfi:2048) or mpfi256");
  return t.bits;
}

// ---- what is audited ---------------------------------------------------------

namespace {

struct QuantityInfo {
  const char* id;
  const char* label;
  const char* description;
  bool counted;
  bool unit_scale_at_zero = false;  // exactly 0: digits at scale 1 (c ∈ [0, 1)), not relative
};

// Pipeline order: inputs, GF run, annealed run. Counted: the stopping times, the
// population losses at both stops and the bounds (the quantities Lemma 2 is about).
const std::vector<QuantityInfo>& quantity_table() {
  static const std::vector<QuantityInfo> t{
      {q::train_loss0, "E1", "train loss at delta(0)", false},
      {q::population_loss0, "E2", "population loss at delta(0)", false},
      {q::eta, "E5", "GD step eta", false},
      {q::M, "C2", "M = |Sbar| min_Sbar gamma_j delta_j(0)^2", false},
      {q::M_prime, "C2'", "M' = sum_Sbar gamma_j delta_j(0)^2", false},
      {q::c, "A", "c = max_Q (1 - 2 eta gamma_i)^2", false, true},
      {q::gf_time, "E4", "GF stopping time T", true},
      {q::gf_train_loss, "E1", "train loss at the GF stop", false},
      {q::gf_population_loss, "E2", "population loss at the GF stop", true},
      {q::bound_G, "G", "bound (1 - alpha) eps min_Sbar lambda_j/gamma_j", true},
      {q::gd_train_loss, "E1", "train loss after the GD phase", false},
      {q::fast_time, "E4", "GF time after GD, T'", true},
      {q::fast_train_loss, "E1", "train loss at the annealed stop", false},
      {q::fast_population_loss, "E2", "population loss at the annealed stop", true},
      {q::bound_A1, "A", "bound, first line: eps max_P lambda_i/gamma_1 + sum_Q lambda_i delta_i(K)^2", true},
      {q::bound_A, "A", "bound, explicit: eps max_P lambda_i/gamma_1 + c^K sum_Q lambda_i delta_i(0)^2", true},
  };
  return t;
}

const QuantityInfo closed_form_info{q::closed_form_time, "E4, SPEC 6", "T by the closed-form quadratic (naive)", true, false};

bool is_stepwise(const std::string& label) {
  return label == "G@GF" || label == "A.1@GF" || label == "P3" || label == "P4" || label == "P5";
}

// Pipeline stage of a check label (for "what went wrong first").
int stage_of(const std::string& label) {
  if (label.rfind("C", 0) == 0) return 0;
  if (label == "G" || label == "G@GF" || label == "P1" || label.rfind("P2", 0) == 0) return 1;
  if (label.rfind("E3", 0) == 0) return 3;
  return 2;
}

// One decimal, rounded down: 9.97 digits never prints as "10.0 < 10".
std::string fmt_digits(double d) { return std::isinf(d) ? "all" : fmt::format("{:.1f}", std::floor(d * 10) / 10 + 0.0); }

Certainty expected_reference(const std::string& rung_verdict) {
  if (rung_verdict == "PASS") return Certainty::Proved;
  if (rung_verdict == "FAIL") return Certainty::Refuted;
  return Certainty::NotApplicable;  // ROUNDING, UNREPR, n/a: the rung claims nothing
}

double digits_cap(long bits) { return static_cast<double>(bits) * std::log10(2.0); }

// Lower bound of max(|lhs|, |rhs|) from the reference sides.
void side_scale(mpfr_ptr out, const Enclosure& lhs, const Enclosure& rhs) {
  mpfr_t b;
  mpfr_init2(b, 64);
  magnitude_lower_bound(out, lhs);
  magnitude_lower_bound(b, rhs);
  mpfr_max(out, out, b, MPFR_RNDD);
  mpfr_clear(b);
}

// Is the enclosure narrow enough to certify `digits` correct digits of a value?
bool narrow_enough(const Enclosure& e, double digits) {
  if (e.is_point()) return true;
  return e.certain_digits() >= digits + 3;
}

}  // namespace

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

// ---- one rung against the reference ----------------------------------------------

namespace {

// The number right after `key` in `text` ("GD step 7, i = 2" → 7 for "GD step ").
std::optional<unsigned long> number_after(const std::string& text, const std::string& key, std::size_t* end = nullptr) {
  const std::size_t at = text.find(key);
  if (at == std::string::npos) return std::nullopt;
  std::size_t i = at + key.size(), j = i;
  while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
  if (j == i || j - i > 18) return std::nullopt;
  if (end) *end = j;
  return std::stoul(text.substr(i, j - i));
}

// The point of a stepwise check, from the `where` lemma2::StepwiseFacts / evaluate
// write: "tightest at GD step 7, i = 2", "first failure at GD step 3", "GF checkpoint 4",
// "GF checkpoint 15 after GD".
std::optional<interval::TrajectoryPoint> point_of(const RungCheck& c, const RungValues& v) {
  interval::TrajectoryPoint p;
  if (c.label == "P3" || c.label == "P4" || c.label == "P5") {
    const auto step = number_after(c.where, "GD step ");
    if (!step) return std::nullopt;
    p.step = static_cast<long>(*step);
    if (c.label != "P5") {
      const auto coord = number_after(c.where, ", i = ");
      if (!coord || *coord == 0) return std::nullopt;
      p.coord = *coord - 1;
    }
    return p;
  }
  std::size_t end = 0;
  const auto j = number_after(c.where, "GF checkpoint ", &end);
  if (!j) return std::nullopt;
  const bool after = c.where.compare(end, 9, " after GD") == 0;
  const auto& times = after ? v.annealed_checkpoint_times : v.gf_checkpoint_times;
  if (*j >= times.size()) return std::nullopt;
  p.kind = after ? interval::TrajectoryPoint::Kind::AnnealedGfTime : interval::TrajectoryPoint::Kind::GfTime;
  mpfi_t t;
  mpfi_init2(t, mpfr_get_prec(times[*j].get()));
  mpfi_set_fr(t, times[*j].get());
  p.time = interval::Enclosure(t);
  mpfi_clear(t);
  return p;
}

std::string set_text(const std::vector<bool>& in) {
  std::string s;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (in[i]) s += (s.empty() ? "" : ",") + std::to_string(i + 1);
  return "{" + s + "}";
}

RungAudit audit_one(const RungValues& v, const AuditResult& a) {
  RungAudit r;
  r.type_id = v.type_id;
  r.bits = v.bits;
  r.seconds = v.seconds;
  r.error = v.error;
  if (!v.error.empty()) {
    r.problems.push_back("the evaluation failed: " + v.error);
    return r;
  }
  const interval::ReferenceResult& ref = a.reference.final;
  const double cap = digits_cap(ref.bits);
  const double D = a.options.min_digits;
  r.gd_steps = v.gd_steps;
  r.gd_stopped_early = v.gd_stopped_early;
  r.P = set_text(v.in_P);
  r.trajectory = v.trajectory;

  // Quantities.
  std::vector<QuantityInfo> table = quantity_table();
  if (a.options.closed_form) table.push_back(closed_form_info);
  for (const auto& qi : table) {
    QuantityAudit qa;
    qa.id = qi.id;
    qa.label = qi.label;
    qa.description = qi.description;
    qa.counted = qi.counted;
    if (auto it = v.quantities.find(qi.id); it != v.quantities.end()) qa.value = it->second;
    const char* ref_id = qi.id == std::string(q::closed_form_time) ? q::gf_time : qi.id;
    if (auto it = ref.quantities.find(ref_id); it != ref.quantities.end()) qa.reference = it->second;
    if (qa.value && qa.reference) {
      if (qi.unit_scale_at_zero && qa.reference->is_point() && mpfr_zero_p(qa.reference->lo())) {
        mpfr_t one;
        mpfr_init2(one, 64);
        mpfr_set_ui(one, 1, MPFR_RNDN);
        qa.digits = digits_at_scale(qa.value->get(), *qa.reference, one, cap);
        qa.scale = "absolute (exactly 0: error relative to 1)";
        mpfr_clear(one);
      } else {
        qa.digits = relative_digits(qa.value->get(), *qa.reference, cap);
      }
    }
    r.quantities.push_back(std::move(qa));
  }

  // Checks.
  mpfr_t scale;
  mpfr_init2(scale, 64);
  for (const RungCheck& c : v.checks) {
    CheckAudit ca;
    ca.label = c.label;
    ca.statement = c.statement;
    ca.relation = c.relation;
    ca.where = c.where;
    ca.note = c.note;
    ca.verdict = c.verdict;
    ca.relative_bound = c.relative_bound;
    ca.stepwise = is_stepwise(c.label);
    for (const auto& rv : a.reference.verdicts)
      if (rv.label == c.label) ca.reference = rv.verdict, ca.decided_at_bits = rv.decided_at_bits;
    // A rung that leaves a check within rounding (or unrepresentable) claims nothing,
    // so it cannot disagree with the reference.
    const bool claims = c.verdict == "PASS" || c.verdict == "FAIL" || c.verdict == "n/a";
    if (ca.reference != Certainty::Undecided && claims) ca.agrees = expected_reference(c.verdict) == ca.reference;
    if (c.has_sides) {
      ca.lhs.value = c.lhs;
      ca.rhs.value = c.rhs;
      ca.margin.value = c.margin;
      std::optional<interval::RefCheck> rc;
      if (ca.stepwise) {
        if (const auto pt = point_of(c, v)) rc = interval::reference_check_at(a.exact, ref.bits, c.label, *pt, ref.gd_steps);
      } else if (const interval::RefCheck* f = ref.find(c.label)) {
        rc = *f;
      }
      if (rc && rc->lhs && rc->rhs && rc->margin) {
        ca.lhs.reference = rc->lhs;
        ca.rhs.reference = rc->rhs;
        ca.margin.reference = rc->margin;
        ca.lhs.digits = relative_digits(c.lhs.get(), *rc->lhs, cap);
        ca.rhs.digits = relative_digits(c.rhs.get(), *rc->rhs, cap);
        side_scale(scale, *rc->lhs, *rc->rhs);
        ca.margin.digits = digits_at_scale(c.margin.get(), *rc->margin, scale, cap);
      }
    }
    r.checks.push_back(std::move(ca));
  }
  mpfr_clear(scale);

  // Problems, in pipeline order: structure, premises, GF run, annealed run, E3, closed form.
  const interval::ExactProblem& e = a.exact;
  auto& P = r.problems;
  if (v.in_P != e.in_P) P.push_back("P = " + r.P + " but exactly P = " + set_text(e.in_P) + " (gamma_i rounded to gamma_1 or apart)");
  if (v.j_star < e.dim() && e.weight[v.j_star] != e.weight[e.j_star])
    P.push_back("j* = " + std::to_string(v.j_star + 1) + " but exactly j* = " + std::to_string(e.j_star + 1));
  auto quantity_problem = [&](const char* id) {
    for (const auto& qa : r.quantities)
      if (qa.id == id && qa.counted) {
        if (!qa.value || !qa.reference) {
          if (qa.value && !qa.reference) P.push_back(std::string(id) + ": no reference enclosure (undecided at the cap)");
          return;
        }
        if (!qa.digits->finite) P.push_back(std::string(id) + " = " + qa.value->str(6) + " (not finite)");
        else if (qa.digits->value < D)
          P.push_back(fmt::format("{}: {} < {} correct digits ({} vs reference {})", id, fmt_digits(qa.digits->value), fmt_digits(D),
                                  qa.value->str(12), qa.reference->short_str(16)));
      }
  };
  auto check_problems = [&](int stage) {
    for (const auto& ca : r.checks) {
      if (stage_of(ca.label) != stage) continue;
      if (ca.verdict == "UNREPR" && (ca.reference == Certainty::Proved || ca.reference == Certainty::Refuted))
        P.push_back(fmt::format("{}: not representable in {} (a side overflows) but the reference {} it", ca.label, r.type_id,
                                ca.reference == Certainty::Proved ? "proves" : "refutes"));
      if (ca.agrees && !*ca.agrees)
        P.push_back(fmt::format("{}: verdict {} but the reference {} it{}", ca.label, ca.verdict,
                                ca.reference == Certainty::Proved ? "proves" : ca.reference == Certainty::Refuted ? "refutes" : "finds n/a",
                                ca.decided_at_bits ? fmt::format(" (decided at {} bits)", *ca.decided_at_bits) : ""));
      if (ca.margin.digits && ca.margin.digits->value < D)
        P.push_back(fmt::format("{} margin: {} < {} correct digits at the scale of its sides ({} vs reference {})", ca.label,
                                fmt_digits(ca.margin.digits->value), fmt_digits(D), ca.margin.value->str(6),
                                ca.margin.reference->short_str(8)));
    }
  };
  auto trajectory_problem = [&](Segment s) {
    for (const auto& seg : r.trajectory)
      if (seg.segment == s && seg.first_below)
        P.push_back(fmt::format("{} trajectory: {} has {} < {} correct digits at {} {}{}", segment_name(s), seg.first_below->what,
                                fmt_digits(seg.first_below->digits), fmt_digits(D), s == Segment::Descent ? "step" : "checkpoint",
                                seg.first_below->index, seg.first_below->time.empty() ? "" : " (t = " + seg.first_below->time + ")"));
  };
  check_problems(0);
  trajectory_problem(Segment::GradientFlow);
  quantity_problem(q::gf_time);
  quantity_problem(q::gf_population_loss);
  quantity_problem(q::bound_G);
  check_problems(1);
  trajectory_problem(Segment::Descent);
  if (ref.gd_steps && v.gd_steps != *ref.gd_steps)
    P.push_back("GD took " + std::to_string(v.gd_steps) + " steps but exactly " + std::to_string(*ref.gd_steps));
  trajectory_problem(Segment::FlowAfterDescent);
  quantity_problem(q::fast_time);
  quantity_problem(q::fast_population_loss);
  quantity_problem(q::bound_A1);
  quantity_problem(q::bound_A);
  check_problems(2);
  check_problems(3);
  if (a.options.closed_form) quantity_problem(q::closed_form_time);

  r.sufficient = P.empty();
  r.min_counted_digits = cap;
  r.min_counted_what = "";
  auto consider = [&](const std::optional<Digits>& d, const std::string& what) {
    if (d && d->value < r.min_counted_digits) r.min_counted_digits = d->value, r.min_counted_what = what;
  };
  for (const auto& qa : r.quantities)
    if (qa.counted) consider(qa.digits, qa.id);
  for (const auto& ca : r.checks) consider(ca.margin.digits, ca.label + " margin");
  return r;
}

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

}  // namespace

// ---- the audit ---------------------------------------------------------------------

AuditResult run_audit(const engine::Problem& p, const AuditOptions& opt_in) {
  const auto t0 = std::chrono::steady_clock::now();
  AuditResult a;
  a.options = opt_in;
  AuditOptions& opt = a.options;
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

  if (const auto* s = std::get_if<model::InstanceSpec>(&p)) {
    a.problem_kind = "instance";
    a.problem_source = s->source;
  } else {
    const auto& c = std::get<engine::Prop1Case21>(p);
    a.problem_kind = "prop1";
    a.problem_source = "Proposition 1, case (2,1): alpha = " + c.alpha.text + ", eps = " + c.eps.text + ", K = " + std::to_string(c.K);
  }
  a.exact = interval::exact_problem(p);
  std::optional<ClosedFormSplit> split;
  if (opt.closed_form) split = closed_form_split(a.exact);

  a.reference = certify_reference(a.exact, opt.reference_bits, opt.reference_cap_bits, opt.checkpoints, opt.min_digits);

  // Rungs in parallel (each thread sets its own MPFR precision).
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

  for (const RungValues& v : values) a.rungs.push_back(audit_one(v, a));

  // Summary.
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
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return a;
}

}  // namespace annealcheck::audit
