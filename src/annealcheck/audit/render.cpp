#include "annealcheck/audit/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace annealcheck::audit {

using interval::Certainty;
using nlohmann::json;

namespace {

std::string cell(const std::optional<Digits>& d) {
  if (!d) return "-";
  if (!d->finite) return "nonfin";
  if (d->exact) return "exact";
  return fmt::format("{:.1f}", std::floor(d->value * 10) / 10 + 0.0);  // never rounds up to the threshold; no "-0.0"
}

json enclosure_json(const std::optional<interval::Enclosure>& e) {
  if (!e) return nullptr;
  return json{{"lo", e->lo_str()}, {"hi", e->hi_str()}};
}

json digits_json(const std::optional<Digits>& d) {
  if (!d) return nullptr;
  return json{{"value", d->value}, {"exact", d->exact}, {"finite", d->finite}};
}

json side_json(const SideAudit& s) {
  return json{{"value", s.value ? json(s.value->str()) : json(nullptr)}, {"reference", enclosure_json(s.reference)}, {"digits", digits_json(s.digits)}};
}

json departure_json(const std::optional<Departure>& d) {
  if (!d) return nullptr;
  json j{{"index", d->index}, {"what", d->what}, {"digits", d->digits}};
  j["time"] = d->time.empty() ? json(nullptr) : json(d->time);
  return j;
}

json instance_json(const interval::ExactProblem& e) {
  auto texts = [](const std::vector<numeric::Rational>& v) {
    json a = json::array();
    for (const auto& x : v) a.push_back(x.str());
    return a;
  };
  return json{{"gamma", texts(e.gamma)},   {"lambda", texts(e.lambda)},  {"delta0_squared", texts(e.delta0_sq)},
              {"k", e.k},                  {"rho", e.rho.str()},         {"alpha", e.alpha.str()},
              {"eps", e.eps.str()},        {"eta", e.eta.str()},         {"K", e.K}};
}

}  // namespace

std::vector<DigitSeries> digit_series(const AuditResult& a) {
  std::vector<DigitSeries> out;
  if (a.rungs.empty()) return out;
  for (std::size_t k = 0; k < a.rungs.front().quantities.size(); ++k) {
    if (!a.rungs.front().quantities[k].counted) continue;
    DigitSeries s{a.rungs.front().quantities[k].id, {}};
    for (const auto& r : a.rungs) {
      if (!r.error.empty() || k >= r.quantities.size() || !r.quantities[k].digits) {
        s.digits.push_back(std::nullopt);
        continue;
      }
      const Digits& d = *r.quantities[k].digits;
      const double nominal = static_cast<double>(r.bits) * std::log10(2.0);
      s.digits.push_back(d.exact ? nominal : std::min(d.value, nominal + 3));
    }
    out.push_back(std::move(s));
  }
  DigitSeries worst{"worst margin (at the scale of its sides)", {}};
  for (const auto& r : a.rungs) {
    std::optional<double> m;
    const double nominal = static_cast<double>(r.bits) * std::log10(2.0);
    for (const auto& c : r.checks)
      if (c.margin.digits) {
        const double v = c.margin.digits->exact ? nominal : std::min(c.margin.digits->value, nominal + 3);
        if (!m || v < *m) m = v;
      }
    worst.digits.push_back(r.error.empty() ? m : std::nullopt);
  }
  out.push_back(std::move(worst));
  return out;
}

namespace {

// The reference: precision, its main quantities and its verdicts.
std::string reference_text(const AuditResult& a) {
  std::string s;
  const auto& ref = a.reference.final;
  std::string tried;
  for (long b : a.reference.bits_tried) tried += (tried.empty() ? "" : ", ") + std::to_string(b);
  s += fmt::format("reference: MPFI, {} bits (tried {}; cap {}), {:.2f} s; exact GD stops after {} steps\n", ref.bits, tried,
                   a.options.reference_cap_bits, a.reference.seconds, ref.gd_steps ? std::to_string(*ref.gd_steps) : "(undecided)");
  for (const char* id : {interval::quantity::gf_time, interval::quantity::gf_population_loss, interval::quantity::fast_population_loss,
                         interval::quantity::bound_G, interval::quantity::bound_A1, interval::quantity::bound_A})
    if (auto it = ref.quantities.find(id); it != ref.quantities.end())
      s += fmt::format("  {:<20} {}\n", id, it->second.short_str(30));
  s += "  verdicts:";
  int col = 12;
  for (const auto& v : a.reference.verdicts) {
    std::string t = " " + v.label + " " + certainty_name(v.verdict) + (v.decided_at_bits ? "@" + std::to_string(*v.decided_at_bits) : "");
    if (col + t.size() > 110) s += "\n           ", col = 11;
    s += t;
    col += static_cast<int>(t.size());
  }
  s += "\n\n";
  return s;
}

// The rung columns' width (fits " -1.2345678e-300" and every type id) and their header.
std::size_t column_width(const AuditResult& a) {
  std::size_t W = 16;
  for (const auto& r : a.rungs) W = std::max(W, r.type_id.size() + 1);
  return W;
}

std::string values_rows(const AuditResult& a, std::size_t W) {
  std::string s;
  s += "values (8 digits; JSON has every digit)\n";
  for (const char* id : {interval::quantity::gf_time, interval::quantity::gf_population_loss, interval::quantity::fast_population_loss,
                         interval::quantity::bound_G, interval::quantity::bound_A1, interval::quantity::bound_A}) {
    s += fmt::format("{:<34}", std::string("  ") + id);
    for (const auto& r : a.rungs) {
      std::string v = "err";
      for (const auto& q : r.quantities)
        if (q.id == id && q.value) v = q.value->str(8);
      s += fmt::format("{:>{}}", v, W);
    }
    s += "\n";
  }
  return s;
}

std::string digits_rows(const AuditResult& a, std::size_t W) {
  std::string s;
  s += fmt::format("correct significant digits against the reference (* counted: each needs >= D = {})\n", a.options.min_digits);
  for (std::size_t k = 0; k < a.rungs.front().quantities.size(); ++k) {
    const auto& q0 = a.rungs.front().quantities[k];
    s += fmt::format("{:<34}", (q0.counted ? "* " : "  ") + q0.id);
    for (const auto& r : a.rungs) s += fmt::format("{:>{}}", r.error.empty() && k < r.quantities.size() ? cell(r.quantities[k].digits) : "err", W);
    s += "\n";
  }
  return s;
}

std::string check_rows(const AuditResult& a, std::size_t W) {
  std::string s;
  s += "margins (digits at the scale of the sides), verdicts vs reference\n";
  for (std::size_t k = 0; k < a.rungs.front().checks.size(); ++k) {
    const auto& c0 = a.rungs.front().checks[k];
    std::string refv = std::string(certainty_name(c0.reference));
    s += fmt::format("{:<34}", "* " + c0.label + " margin");
    for (const auto& r : a.rungs) s += fmt::format("{:>{}}", r.error.empty() && k < r.checks.size() ? cell(r.checks[k].margin.digits) : "err", W);
    s += "\n" + fmt::format("{:<34}", "  " + c0.label + " (ref " + refv + ")");
    for (const auto& r : a.rungs) {
      std::string v = "err";
      if (r.error.empty() && k < r.checks.size()) {
        const auto& c = r.checks[k];
        v = c.verdict + (c.agrees ? (*c.agrees ? "" : " !=") : " ?");
      }
      s += fmt::format("{:>{}}", v, W);
    }
    s += "\n";
  }
  for (const auto& r : a.rungs)  // a side out of MPFR's exponent range (audit/rung_typed.hpp): why "-"
    for (const auto& c : r.checks)
      if (c.note.find("sides not audited") != std::string::npos) s += fmt::format("  {} {}: {}\n", r.type_id, c.label, c.note);
  return s;
}

std::string trajectory_rows(const AuditResult& a, std::size_t W) {
  std::string s;
  s += "trajectory: first point with < D digits; then the first point outside the enclosure at all\n";
  for (Segment seg : {Segment::GradientFlow, Segment::Descent, Segment::FlowAfterDescent}) {
    const std::string unit = seg == Segment::Descent ? "step " : "cp ";
    std::string below = fmt::format("{:<34}", std::string("  ") + segment_name(seg) + " (< D digits)");
    std::string outside = fmt::format("{:<34}", std::string("  ") + segment_name(seg) + " (outside)");
    for (const auto& r : a.rungs) {
      std::string b = "err", o = "err";
      if (r.error.empty()) {
        b = o = "-";
        for (const auto& t : r.trajectory)
          if (t.segment == seg && t.points > 0) {
            b = t.first_below ? unit + std::to_string(t.first_below->index) : "ok";
            o = t.first_outside ? unit + std::to_string(t.first_outside->index) : "never";
          }
      }
      below += fmt::format("{:>{}}", b, W);
      outside += fmt::format("{:>{}}", o, W);
    }
    s += below + "\n" + outside + "\n";
  }
  s += fmt::format("{:<34}", "  seconds");
  for (const auto& r : a.rungs) s += fmt::format("{:>{}.2f}", r.seconds, W);
  return s;
}

std::string summary_text(const AuditResult& a) {
  std::string s = "\n\nsummary\n";
  if (a.summary.smallest_sufficient)
    s += fmt::format("  smallest sufficient rung: {} ({} bits): every verdict agrees with the reference and every counted quantity "
                     "has >= {} correct digits\n",
                     *a.summary.smallest_sufficient, a.summary.smallest_sufficient_bits, a.options.min_digits);
  else
    s += fmt::format("  no rung is sufficient for D = {}\n", a.options.min_digits);
  for (const auto& f : a.summary.insufficient)
    s += fmt::format("  {} ({} bits){}: {}{}\n", f.type_id, f.bits,
                     a.summary.smallest_sufficient && f.bits > a.summary.smallest_sufficient_bits ? " [above the smallest sufficient]" : "",
                     f.first_problem, f.problems > 1 ? fmt::format(" (+{} more)", f.problems - 1) : "");
  for (const auto& c : a.summary.caveats) s += "  caveat: " + c + "\n";
  s += fmt::format("  ({:.1f} s)\n", a.seconds);
  return s;
}

}  // namespace

std::string render_table(const AuditResult& a) {
  std::string s = fmt::format("audit of {} ({})\n", a.problem_source, a.problem_kind) + reference_text(a);
  const std::size_t W = column_width(a);
  std::string head = fmt::format("{:<34}", "rung");
  for (const auto& r : a.rungs) head += fmt::format("{:>{}}", r.type_id, W);
  s += head + "\n" + fmt::format("{:<34}", "  bits");
  for (const auto& r : a.rungs) s += fmt::format("{:>{}}", r.bits, W);
  s += "\n";
  if (a.rungs.empty()) return s;
  return s + values_rows(a, W) + digits_rows(a, W) + check_rows(a, W) + trajectory_rows(a, W) + summary_text(a);
}

namespace {

json reference_json(const AuditResult& a) {
  const auto& ref = a.reference.final;
  json rq = json::array(), rv = json::array();
  for (const auto& [id, e] : ref.quantities) rq.push_back({{"id", id}, {"enclosure", enclosure_json(e)}});
  for (std::size_t i = 0; i < a.reference.verdicts.size(); ++i) {
    const auto& v = a.reference.verdicts[i];
    json x{{"label", v.label}, {"verdict", certainty_name(v.verdict)}, {"how", v.how}, {"note", v.note}};
    x["decided_at_bits"] = v.decided_at_bits ? json(*v.decided_at_bits) : json(nullptr);
    const auto& c = ref.checks[i];
    x["lhs"] = enclosure_json(c.lhs);
    x["rhs"] = enclosure_json(c.rhs);
    x["margin"] = enclosure_json(c.margin);
    rv.push_back(x);
  }
  return {{"bits", ref.bits},
                    {"bits_tried", a.reference.bits_tried},
                    {"seconds", a.reference.seconds},
                    {"gd_steps", ref.gd_steps ? json(*ref.gd_steps) : json(nullptr)},
                    {"gd_stopped_early", ref.gd_stopped_early},
                    {"quantities", rq},
                    {"verdicts", rv},
                    {"undecided", a.reference.still_undecided}};
}

json rung_json(const RungAudit& r) {
  json x{{"type", r.type_id}, {"bits", r.bits}, {"seconds", r.seconds}, {"sufficient", r.sufficient}, {"problems", r.problems}};
  x["error"] = r.error.empty() ? json(nullptr) : json(r.error);
  x["first_problem"] = r.problems.empty() ? json(nullptr) : json(r.problems.front());
  if (r.error.empty()) {
    x["min_counted_digits"] = r.min_counted_digits;
    x["min_counted_what"] = r.min_counted_what;
    x["gd_steps"] = r.gd_steps;
    x["gd_stopped_early"] = r.gd_stopped_early;
    x["P"] = r.P;
    json qs = json::array(), cs = json::array(), ts = json::array();
    for (const auto& qa : r.quantities) {
      json qj{{"id", qa.id}, {"label", qa.label}, {"description", qa.description}, {"counted", qa.counted}};
      qj["value"] = qa.value ? json(qa.value->str()) : json(nullptr);
      qj["reference"] = enclosure_json(qa.reference);
      qj["digits"] = digits_json(qa.digits);
      qj["scale"] = qa.scale;
      qs.push_back(qj);
    }
    for (const auto& c : r.checks) {
      json cj{{"label", c.label}, {"statement", c.statement}, {"relation", c.relation}, {"where", c.where}, {"note", c.note},
              {"verdict", c.verdict}, {"reference_verdict", certainty_name(c.reference)}, {"stepwise", c.stepwise},
              {"relative_bound", c.relative_bound}, {"lhs", side_json(c.lhs)}, {"rhs", side_json(c.rhs)}, {"margin", side_json(c.margin)}};
      cj["decided_at_bits"] = c.decided_at_bits ? json(*c.decided_at_bits) : json(nullptr);
      cj["agrees"] = c.agrees ? json(*c.agrees) : json(nullptr);
      cs.push_back(cj);
    }
    for (const auto& t : r.trajectory)
      ts.push_back({{"segment", segment_name(t.segment)}, {"points", t.points}, {"first_outside", departure_json(t.first_outside)},
                    {"first_below", departure_json(t.first_below)}});
    x["quantities"] = qs;
    x["checks"] = cs;
    x["trajectory"] = ts;
  }
  return x;
}

}  // namespace

json render_json(const AuditResult& a) {
  json j;
  j["format"] = "annealcheck-audit/1";
  j["problem"] = {{"kind", a.problem_kind}, {"source", a.problem_source}, {"exact", instance_json(a.exact)}};
  json types = json::array();
  for (const auto& t : a.options.ladder) types.push_back(t.id);
  j["options"] = {{"types", types},
                  {"reference_bits", a.options.reference_bits},
                  {"reference_cap_bits", a.options.reference_cap_bits},
                  {"min_digits", a.options.min_digits},
                  {"checkpoints", a.options.checkpoints},
                  {"closed_form", a.options.closed_form},
                  {"jobs", a.options.jobs}};
  j["reference"] = reference_json(a);
  json rungs = json::array();
  for (const auto& r : a.rungs) rungs.push_back(rung_json(r));
  j["rungs"] = rungs;
  json ins = json::array();
  for (const auto& f : a.summary.insufficient) ins.push_back({{"type", f.type_id}, {"bits", f.bits}, {"first_problem", f.first_problem}, {"problems", f.problems}});
  j["summary"] = {{"min_digits", a.options.min_digits},
                  {"smallest_sufficient", a.summary.smallest_sufficient ? json(*a.summary.smallest_sufficient) : json(nullptr)},
                  {"smallest_sufficient_bits", a.summary.smallest_sufficient ? json(a.summary.smallest_sufficient_bits) : json(nullptr)},
                  {"insufficient", ins},
                  {"caveats", a.summary.caveats}};
  j["seconds"] = a.seconds;
  return j;
}

}  // namespace annealcheck::audit
