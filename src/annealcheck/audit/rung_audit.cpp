#include "annealcheck/audit/rung_audit.hpp"

#include "annealcheck/audit/audited.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <string>

namespace annealcheck::audit::detail {
namespace {

using interval::Certainty;
using interval::Enclosure;
namespace q = interval::quantity;

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

Certainty expected_reference(const std::string& rung_verdict) {
  if (rung_verdict == "PASS") return Certainty::Proved;
  if (rung_verdict == "FAIL") return Certainty::Refuted;
  return Certainty::NotApplicable;  // ROUNDING, UNREPR, n/a: the rung claims nothing
}

// Lower bound of max(|lhs|, |rhs|) from the reference sides.
void side_scale(mpfr_ptr out, const Enclosure& lhs, const Enclosure& rhs) {
  mpfr_t b;
  mpfr_init2(b, 64);
  magnitude_lower_bound(out, lhs);
  magnitude_lower_bound(b, rhs);
  mpfr_max(out, out, b, MPFR_RNDD);
  mpfr_clear(b);
}

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

std::string set_text(const std::vector<bool>& in) {  // "{1,3}" (built by appending: GCC 12's -Wrestrict misfires on "{" + s)
  std::string s = "{";
  for (std::size_t i = 0; i < in.size(); ++i)
    if (in[i]) {
      if (s.size() > 1) s += ',';
      s += std::to_string(i + 1);
    }
  s += '}';
  return s;
}

QuantityAudit audit_quantity(const QuantityInfo& qi, const RungValues& v, const interval::ReferenceResult& ref, double cap) {
  QuantityAudit qa;
  qa.id = qi.id;
  qa.label = qi.label;
  qa.description = qi.description;
  qa.counted = qi.counted;
  if (auto it = v.quantities.find(qi.id); it != v.quantities.end()) qa.value = it->second;
  const char* ref_id = qi.id == std::string(q::closed_form_time) ? q::gf_time : qi.id;
  if (auto it = ref.quantities.find(ref_id); it != ref.quantities.end()) qa.reference = it->second;
  if (!qa.value || !qa.reference) return qa;
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
  return qa;
}

// The reference's sides of check c: at the rung's own point for a stepwise check.
std::optional<interval::RefCheck> reference_sides(const RungCheck& c, bool stepwise, const RungValues& v, const AuditResult& a) {
  const interval::ReferenceResult& ref = a.reference.final;
  if (stepwise) {
    if (const auto pt = point_of(c, v)) return interval::reference_check_at(a.exact, ref.bits, c.label, *pt, ref.gd_steps);
  } else if (const interval::RefCheck* f = ref.find(c.label)) {
    return *f;
  }
  return std::nullopt;
}

CheckAudit audit_check(const RungCheck& c, const RungValues& v, const AuditResult& a, double cap, mpfr_ptr scale) {
  CheckAudit ca;
  static_cast<engine::CheckHead&>(ca) = c;
  ca.stepwise = is_stepwise(c.label);
  for (const auto& rv : a.reference.verdicts)
    if (rv.label == c.label) ca.reference = rv.verdict, ca.decided_at_bits = rv.decided_at_bits;
  // A rung that leaves a check within rounding (or unrepresentable) claims nothing,
  // so it cannot disagree with the reference.
  const bool claims = c.verdict == "PASS" || c.verdict == "FAIL" || c.verdict == "n/a";
  if (ca.reference != Certainty::Undecided && claims) ca.agrees = expected_reference(c.verdict) == ca.reference;
  if (!c.has_sides) return ca;
  ca.lhs.value = c.lhs;
  ca.rhs.value = c.rhs;
  ca.margin.value = c.margin;
  const std::optional<interval::RefCheck> rc = reference_sides(c, ca.stepwise, v, a);
  if (rc && rc->lhs && rc->rhs && rc->margin) {
    ca.lhs.reference = rc->lhs;
    ca.rhs.reference = rc->rhs;
    ca.margin.reference = rc->margin;
    ca.lhs.digits = relative_digits(c.lhs.get(), *rc->lhs, cap);
    ca.rhs.digits = relative_digits(c.rhs.get(), *rc->rhs, cap);
    side_scale(scale, *rc->lhs, *rc->rhs);
    ca.margin.digits = digits_at_scale(c.margin.get(), *rc->margin, scale, cap);
  }
  return ca;
}

// The problems that make a rung insufficient, each kind as a function, called in
// pipeline order by list_problems.
struct Problems {
  const RungAudit& r;
  double D;
  std::vector<std::string>& out;

  void quantity(const char* id) const {
    for (const auto& qa : r.quantities)
      if (qa.id == id && qa.counted) {
        if (!qa.value || !qa.reference) {
          if (qa.value && !qa.reference) out.push_back(std::string(id) + ": no reference enclosure (undecided at the cap)");
          return;
        }
        if (!qa.digits->finite) out.push_back(std::string(id) + " = " + qa.value->str(6) + " (not finite)");
        else if (qa.digits->value < D)
          out.push_back(fmt::format("{}: {} < {} correct digits ({} vs reference {})", id, fmt_digits(qa.digits->value), fmt_digits(D),
                                    qa.value->str(12), qa.reference->short_str(16)));
      }
  }
  void checks(int stage) const {
    for (const auto& ca : r.checks) {
      if (stage_of(ca.label) != stage) continue;
      if (ca.verdict == "UNREPR" && (ca.reference == Certainty::Proved || ca.reference == Certainty::Refuted))
        out.push_back(fmt::format("{}: not representable in {} (a side overflows) but the reference {} it", ca.label, r.type_id,
                                  ca.reference == Certainty::Proved ? "proves" : "refutes"));
      if (ca.agrees && !*ca.agrees)
        out.push_back(fmt::format("{}: verdict {} but the reference {} it{}", ca.label, ca.verdict,
                                  ca.reference == Certainty::Proved ? "proves" : ca.reference == Certainty::Refuted ? "refutes" : "finds n/a",
                                  ca.decided_at_bits ? fmt::format(" (decided at {} bits)", *ca.decided_at_bits) : ""));
      if (ca.margin.digits && ca.margin.digits->value < D)
        out.push_back(fmt::format("{} margin: {} < {} correct digits at the scale of its sides ({} vs reference {})", ca.label,
                                  fmt_digits(ca.margin.digits->value), fmt_digits(D), ca.margin.value->str(6),
                                  ca.margin.reference->short_str(8)));
    }
  }
  void trajectory(Segment s) const {
    for (const auto& seg : r.trajectory)
      if (seg.segment == s && seg.first_below)
        out.push_back(fmt::format("{} trajectory: {} has {} < {} correct digits at {} {}{}", segment_name(s), seg.first_below->what,
                                  fmt_digits(seg.first_below->digits), fmt_digits(D), s == Segment::Descent ? "step" : "checkpoint",
                                  seg.first_below->index, seg.first_below->time.empty() ? "" : " (t = " + seg.first_below->time + ")"));
  }
};

// Problems, in pipeline order: structure, premises, GF run, annealed run, E3, closed form.
std::vector<std::string> list_problems(const RungAudit& r, const RungValues& v, const AuditResult& a) {
  const interval::ExactProblem& e = a.exact;
  const std::optional<long>& exact_steps = a.reference.final.gd_steps;
  std::vector<std::string> P;
  if (v.in_P != e.in_P) P.push_back("P = " + r.P + " but exactly P = " + set_text(e.in_P) + " (gamma_i rounded to gamma_1 or apart)");
  if (v.j_star < e.dim() && e.weight[v.j_star] != e.weight[e.j_star])
    P.push_back("j* = " + std::to_string(v.j_star + 1) + " but exactly j* = " + std::to_string(e.j_star + 1));
  const Problems p{r, a.options.min_digits, P};
  p.checks(0);
  p.trajectory(Segment::GradientFlow);
  for (const char* id : {q::gf_time, q::gf_population_loss, q::bound_G}) p.quantity(id);
  p.checks(1);
  p.trajectory(Segment::Descent);
  if (exact_steps && v.gd_steps != *exact_steps)
    P.push_back("GD took " + std::to_string(v.gd_steps) + " steps but exactly " + std::to_string(*exact_steps));
  p.trajectory(Segment::FlowAfterDescent);
  for (const char* id : {q::fast_time, q::fast_population_loss, q::bound_A1, q::bound_A}) p.quantity(id);
  p.checks(2);
  p.checks(3);
  if (a.options.closed_form) p.quantity(q::closed_form_time);
  return P;
}

// The fewest correct digits over the counted quantities and the checks' margins.
void find_min_counted(RungAudit& r, double cap) {
  r.min_counted_digits = cap;
  r.min_counted_what = "";
  auto consider = [&](const std::optional<Digits>& d, const std::string& what) {
    if (d && d->value < r.min_counted_digits) r.min_counted_digits = d->value, r.min_counted_what = what;
  };
  for (const auto& qa : r.quantities)
    if (qa.counted) consider(qa.digits, qa.id);
  for (const auto& ca : r.checks) consider(ca.margin.digits, ca.label + " margin");
}

}  // namespace

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
  r.gd_steps = v.gd_steps;
  r.gd_stopped_early = v.gd_stopped_early;
  r.P = set_text(v.in_P);
  r.trajectory = v.trajectory;
  for (const auto& qi : quantity_table()) r.quantities.push_back(audit_quantity(qi, v, ref, cap));
  if (a.options.closed_form) r.quantities.push_back(audit_quantity(closed_form_info(), v, ref, cap));
  mpfr_t scale;
  mpfr_init2(scale, 64);
  for (const RungCheck& c : v.checks) r.checks.push_back(audit_check(c, v, a, cap, scale));
  mpfr_clear(scale);
  r.problems = list_problems(r, v, a);
  r.sufficient = r.problems.empty();
  find_min_counted(r, cap);
  return r;
}

}  // namespace annealcheck::audit::detail
