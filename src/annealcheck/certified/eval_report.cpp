#include "annealcheck/certified/eval_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace annealcheck::certified {

bool is_premise(const std::string& label) { return label == "C1" || label == "C1'" || label == "C2" || label == "C2'"; }

std::map<std::string, int> counts(const Result& r) {
  std::map<std::string, int> n;
  for (Decision d : {Decision::Proved, Decision::Refuted, Decision::Undecided, Decision::Tie, Decision::NotApplicable})
    n[decision_name(d)] = 0;
  for (const auto& c : r.checks) ++n[decision_name(c.decision)];
  return n;
}

bool conclusion_refuted(const Result& r) {
  for (const auto& c : r.checks)
    if (!is_premise(c.label) && c.decision == Decision::Refuted) return true;
  return false;
}

namespace {

std::string bits_text(const CheckDecision& c) {
  if (c.decision == Decision::NotApplicable) return "-";
  if (c.how.rfind("exact", 0) == 0) return "exact";
  return std::to_string(c.bits);
}

std::string tried_text(const Result& r) {
  std::string s;
  for (long b : r.bits_tried) s += (s.empty() ? "" : ", ") + std::to_string(b);
  return s;
}

}  // namespace

std::string render_section(const Result& r, const Options& opt, int digits) {
  std::string s = fmt::format("\ncertified (MPFI from the exact rational instance, {} bits doubling to a cap of {}; tried {}; {:.2f} s)\n",
                              opt.start_bits, opt.cap_bits, tried_text(r), r.seconds);
  for (const auto& c : r.checks) {
    s += fmt::format("  {:<13} {:<16} {:>6}  ", decision_name(c.decision), c.label, bits_text(c));
    if (c.margin) s += "margin " + c.margin->short_str(digits < 12 ? digits : 12);
    s += c.how.empty() ? "" : "  [" + c.how + "]";
    if (!c.note.empty()) s += "  (" + c.note + ")";
    s += "\n";
  }
  const auto n = counts(r);
  s += fmt::format("certified: {} proved, {} refuted, {} undecided, {} undecided tie(s), {} n/a; ", n.at("proved"), n.at("refuted"),
                   n.at("undecided"), n.at("undecided tie"), n.at("n/a"));
  s += conclusion_refuted(r) ? "a conclusion is certified refuted (violation certified)\n" : "no conclusion certified refuted\n";
  return s;
}

nlohmann::json enclosure_json(const interval::Enclosure& e) { return nlohmann::json::array({e.lo_str(), e.hi_str()}); }

nlohmann::json section_json(const Result& r, const Options& opt) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : r.checks) {
    nlohmann::json j{{"label", c.label}, {"decision", decision_name(c.decision)}, {"bits", c.bits}, {"how", c.how},
                     {"premise", is_premise(c.label)}};
    if (!c.note.empty()) j["note"] = c.note;
    if (c.lhs) j["lhs"] = enclosure_json(*c.lhs);
    if (c.rhs) j["rhs"] = enclosure_json(*c.rhs);
    if (c.margin) j["margin"] = enclosure_json(*c.margin);
    checks.push_back(std::move(j));
  }
  return {{"start_bits", opt.start_bits}, {"cap_bits", opt.cap_bits}, {"bits_tried", r.bits_tried}, {"seconds", r.seconds},
          {"checks", checks}, {"counts", counts(r)}, {"pending", r.pending}, {"conclusion_refuted", conclusion_refuted(r)}};
}

}  // namespace annealcheck::certified
