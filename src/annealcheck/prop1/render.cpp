// Text and JSON renderings of the prop1 reports.
#include "annealcheck/prop1/report.hpp"
#include "annealcheck/prop1/sampler.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace annealcheck::prop1 {

namespace {

using nlohmann::json;

std::string counts_text(const std::vector<long>& c) {
  std::string s = "(";
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(c[i]);
  }
  return s + ")";
}

std::string numbers_text(const std::vector<Number>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i].display;
  return s + "]";
}

json number_json(const Number& n) { return n.full; }

json numbers_json(const std::vector<Number>& v) {
  json a = json::array();
  for (const auto& n : v) a.push_back(n.full);
  return a;
}

json run_json(const RunText& r) {
  json j{{"name", r.name}, {"method", r.method}, {"solver", r.solver_note}};
  if (r.name.rfind("annealed", 0) == 0) {
    j.update({{"gd_steps", r.gd_steps}, {"gd_stopped_early", r.stopped_early}, {"gd_overflow", r.overflow},
              {"gd_train_loss", r.gd_train_loss.full}});
    if (r.overflow) j["gd_overflow_step"] = r.overflow_step;
  }
  if (!r.train_loss.full.empty())
    j.update({{"flow_time", r.flow_time.full}, {"train_loss", r.train_loss.full}, {"test_loss", r.test_loss.full},
              {"residual_eigen", numbers_json(r.residual)},
              {"relative_difference_to_diagonal_route", r.route_relative_difference.full}});
  j["diagonal_route_test_loss"] = r.diagonal_route_test_loss.full;
  return j;
}

std::string run_text(const RunText& r) {
  std::string s = fmt::format("  {}  [{}]\n", r.name, r.method);
  if (r.name.rfind("annealed", 0) == 0) {
    s += fmt::format("    GD phase: {} step(s){}{}; train loss after it {}\n", r.gd_steps, r.stopped_early ? " (stopped early: train loss <= eps)" : "",
                     r.overflow ? fmt::format(" — OVERFLOW at step {}", r.overflow_step) : "", r.gd_train_loss.display);
  }
  if (!r.train_loss.full.empty()) {
    s += fmt::format("    flow time {}   ({})\n", r.flow_time.display, r.solver_note);
    s += fmt::format("    train loss (data)  {}\n", r.train_loss.display);
    s += fmt::format("    test loss          {}\n", r.test_loss.display);
    s += fmt::format("    residual V^T(beta - beta*) {}\n", numbers_text(r.residual));
    s += fmt::format("    diagonal log-space route: test loss {}  (relative difference {})\n", r.diagonal_route_test_loss.display,
                     r.route_relative_difference.display);
  } else {
    s += fmt::format("    {}\n    diagonal log-space route: test loss {}\n", r.solver_note, r.diagonal_route_test_loss.display);
  }
  return s;
}

std::string sample_text(const SampleText& t, const std::string& heading) {
  std::string s = heading;
  s += fmt::format("  samples  {}   counts {}\n", sequence_text(t.sequence), counts_text(t.counts));
  std::string X, y;
  for (std::size_t k = 0; k < t.X.size(); ++k) {
    X += (k ? ", " : "") + t.X[k];
    y += (k ? ", " : "") + t.y[k].display;
  }
  s += fmt::format("  X = [{}]\n  y = ({})\n", X, y);
  s += fmt::format("  S_X = X^T X / n = {}   (exact)\n  Sigma_X = {}   (exact)\n", t.S_X, t.Sigma_X);
  s += fmt::format("  spectrum of S_X: gamma = {};  GD factors 1 - 2 eta gamma = {}\n", t.gamma, t.factors);
  s += fmt::format("  kind: {} — {}\n\n", t.kind, t.kind_note);
  s += run_text(t.gf);
  s += run_text(t.annealed);
  return s;
}

json sample_json(const SampleText& t) {
  return {{"sequence", t.sequence}, {"counts", t.counts},     {"X", t.X},
          {"y", numbers_json(t.y)}, {"S_X", t.S_X},           {"Sigma_X", t.Sigma_X},
          {"gamma", t.gamma},       {"descent_factors", t.factors}, {"kind", t.kind},
          {"kind_note", t.kind_note}, {"gf", run_json(t.gf)}, {"annealed", run_json(t.annealed)}};
}

json summary_json(const DrawSummary& s) {
  json j{{"counts", s.counts},
         {"probability", s.probability.str()},
         {"sequences", s.sequences.str()},
         {"kind", s.kind},
         {"LD_GF_over_eps", s.gf_over_eps},
         {"LD_annealed_over_eps", s.ann_over_eps},
         {"moving_LD_GF_over_eps", s.gf_moving_over_eps},
         {"moving_LD_annealed_over_eps", s.ann_moving_over_eps},
         {"ratio", s.ratio_full},
         {"lower", s.lower},
         {"gd_steps", s.gd_steps},
         {"gd_phase_exact", s.gd_exact},
         {"allowance_eps", s.allowance_eps},
         {"ratio_at_least_r", decision_name(s.verdict)}};
  if (!s.tie_reason.empty()) j["tie_reason"] = s.tie_reason;
  return j;
}

std::string decimal(const Rational& q) { return fmt::format("{:.6g}", q.approx()); }

}  // namespace

std::string render_table(const Prop1Report& r) {
  std::string s = fmt::format(
      "Proposition 1 (SPEC §4): type {} ({} bits), alpha = {}, eps = {}, K = {}, seed = {}{}\n"
      "data: n = 3 samples of x uniform on {}, y = <beta*, x>, beta* = 100 alpha^(-1/2) {}, 100 alpha^(-1/2) = {}\n"
      "GD step eta = {} (fixed before sampling); GF: {}\n\n",
      r.type_id, r.bits, r.alpha, r.eps, r.K, r.seed, r.rotated ? ", rotated data (U = [[3/5,-4/5],[4/5,3/5]])" : "",
      r.rotated ? "{U e_1, U e_2}" : "{e_1, e_2}", r.rotated ? "U (1, 1)" : "(1, 1)", r.beta_star_scale.display, r.eta,
      r.flow_method == "odeint" ? "Boost.Odeint" : "matrix exponential");
  s += sample_text(r.drawn, "1. the drawn sample\n");
  if (r.table_sample) {
    s += '\n';
    s += sample_text(*r.table_sample, "1'. the (2,1) sample used for the table\n");
  }

  s += "\n2. the paper's table (residual in the eigenbasis of S_X, larger gamma first), paper vs computed in beta-space\n";
  std::size_t w = 0;
  for (const auto& t : r.table) w = std::max(w, t.quantity.size());
  s += fmt::format("  {:<{}}  {:<14} {:<28} {:<28} {:<34} {:<7} {}\n", "quantity", w, "paper", "closed form (exact problem)",
                   "computed", "vs paper", "digits", "vs closed form");
  for (const auto& t : r.table)
    s += fmt::format("  {:<{}}  {:<14} {:<28} {:<28} {:<34} {:<7} {}\n", t.quantity, w, t.paper, t.closed_form, t.computed,
                     t.rel_vs_paper, t.digits_vs_paper, t.rel_vs_closed_form);
  s += "  (the good row is exact for K >= 1; the bad row is the limit alpha*eps -> 0: closed form = 1.5 eps (1 - O(eps alpha/10^4)))\n";
  if (!r.ratio.full.empty())
    s += fmt::format("  ratio L_D(GF)/L_D(annealed) = {}   (Lemma 2 (G)+(A): >= 2(1 - alpha) = {})\n", r.ratio.display,
                     r.ratio_bound.display);

  s += "\n3. how the ratio approaches 2 (counts (2,1), diagonal log-space route, same eps)\n";
  s += fmt::format("  {:<8} {:>4}  {:<24} {:<24} {:<24} {:<11} {:<11} {:<24} {}\n", "alpha", "K", "L_D(GF)/eps", "L_D(annealed)/eps",
                   "ratio", "2 - ratio", "6eps alpha/1e4", "2(1 - alpha)", "ratio >= 2(1-alpha)");
  for (const auto& w2 : r.sweep)
    s += fmt::format("  {:<8} {:>4}  {:<24} {:<24} {:<24} {:<11} {:<11} {:<24} {}\n", w2.alpha, w2.K, w2.gf_over_eps.display,
                     w2.ann_over_eps.display, w2.ratio.display, w2.two_minus_ratio.display, w2.predicted_gap.display, w2.bound.display,
                     w2.bound_holds);

  s += fmt::format("\n4. exact enumeration of the 2^3 sequences (probabilities exact, GMP), K = {}, eta = {}\n", r.K, r.eta);
  s += "  (moving: the part of L_D from coordinates with gamma_i > 0; a zero eigenvalue adds the same constant to both runs)\n";
  s += fmt::format("  {:<9} {:<6} {:<5} {:<16} {:<11} {:<22} {:<22} {:<14} {:<14} {:<12} {}\n", "sequence", "counts", "P", "S_X", "kind",
                   "L_D(GF)/eps", "L_D(annealed)/eps", "moving GF", "moving ann.", "lower", "ratio");
  for (const auto& q : r.sequences)
    s += fmt::format("  {:<9} {:<6} {:<5} {:<16} {:<11} {:<22} {:<22} {:<14} {:<14} {:<12} {}\n", q.sequence,
                     counts_text(q.summary.counts), q.summary.probability.str(), q.S_X, q.summary.kind, q.summary.gf_over_eps,
                     q.summary.ann_over_eps, q.summary.gf_moving_over_eps.substr(0, 14), q.summary.ann_moving_over_eps.substr(0, 14),
                     q.summary.lower, q.summary.ratio);
  for (const auto& q : r.sequences)
    if (!q.summary.tie_reason.empty()) {
      s += fmt::format("  ties: {} ({})\n", q.summary.tie_reason, counts_text(q.summary.counts));
      break;
    }
  s += fmt::format("  P[S_X = diag(2/3, 1/3) up to order] = {}\n", r.p_case21);
  s += fmt::format("  P[annealed ends lower] = {};  P[GF ends lower] = {};  P[exact tie] = {};  P[undecided] = {};  total {}\n",
                   r.p_annealed_lower, r.p_gf_lower, r.p_tie, r.p_undecided, r.p_total);
  s += fmt::format("  P[L_D(GF)/L_D(annealed) >= r = {}] = {}  (+ {} undecided within rounding)\n", r.r, r.p_ratio_holds,
                   r.p_ratio_undecided);
  if (r.figure)
    s += fmt::format("\n5. Figure 1: {}  {}  (data {}, gnuplot script {})\n", r.figure->png, r.figure->svg, r.figure->data,
                     r.figure->script);
  for (const auto& n : r.notes) s += "note: " + n + "\n";
  for (const auto& f : r.failures) s += "FAIL: " + f + "\n";
  s += r.claims_hold ? "\nchecked claims hold\n" : "\nchecked claims FAIL\n";
  return s;
}

json render_json(const Prop1Report& r) {
  json j;
  j["type"] = r.type_id;
  j["bits"] = r.bits;
  j["inputs"] = {{"alpha", r.alpha}, {"eps", r.eps}, {"K", r.K}, {"seed", r.seed}, {"eta", r.eta}, {"r", r.r},
                 {"rotated", r.rotated}, {"flow", r.flow_method}};
  j["beta_star_scale"] = number_json(r.beta_star_scale);
  j["drawn"] = sample_json(r.drawn);
  if (r.table_sample) j["table_sample"] = sample_json(*r.table_sample);
  j["table"] = json::array();
  for (const auto& t : r.table)
    j["table"].push_back({{"quantity", t.quantity},
                          {"paper", t.paper},
                          {"closed_form", t.closed_form_full},
                          {"computed", t.computed_full},
                          {"vs_paper", t.rel_vs_paper},
                          {"digits_vs_paper", t.digits_vs_paper},
                          {"vs_closed_form", t.rel_vs_closed_form}});
  if (!r.ratio.full.empty()) j["ratio"] = r.ratio.full;
  j["ratio_bound"] = r.ratio_bound.full;
  j["sweep"] = json::array();
  for (const auto& w : r.sweep)
    j["sweep"].push_back({{"alpha", w.alpha},
                          {"K", w.K},
                          {"LD_GF_over_eps", w.gf_over_eps.full},
                          {"LD_annealed_over_eps", w.ann_over_eps.full},
                          {"ratio", w.ratio.full},
                          {"two_minus_ratio", w.two_minus_ratio.full},
                          {"predicted_two_minus_ratio", w.predicted_gap.full},
                          {"bound", w.bound.full},
                          {"bound_holds", w.bound_holds}});
  j["enumeration"] = {{"sequences", json::array()},
                      {"P_case_21", r.p_case21},
                      {"P_annealed_lower", r.p_annealed_lower},
                      {"P_GF_lower", r.p_gf_lower},
                      {"P_tie", r.p_tie},
                      {"P_undecided", r.p_undecided},
                      {"P_ratio_at_least_r", r.p_ratio_holds},
                      {"P_ratio_undecided", r.p_ratio_undecided},
                      {"total", r.p_total}};
  for (const auto& q : r.sequences) {
    json row = summary_json(q.summary);
    row["sequence"] = q.sequence;
    row["S_X"] = q.S_X;
    j["enumeration"]["sequences"].push_back(row);
  }
  if (r.figure) j["figure"] = {{"png", r.figure->png}, {"svg", r.figure->svg}, {"data", r.figure->data}, {"script", r.figure->script}};
  j["notes"] = r.notes;
  j["failures"] = r.failures;
  j["claims_hold"] = r.claims_hold;
  return j;
}

std::string render_table(const GeneralReport& r) {
  std::string s = fmt::format(
      "SPEC §5: x on {{e_1..e_{}}} with p = {}, n = {} samples, beta* = 100 alpha^(-1/2)(1,..,1); type {} ({} bits)\n"
      "alpha = {}, eps = {}, K = {}, eta = {}\n"
      "question: P[L_D(GF)/L_D(annealed) >= r] with r = {};  {} count vectors; method: {}\n",
      r.d, r.p, r.n, r.type_id, r.bits, r.alpha, r.eps, r.K, r.eta, r.r, r.count_vectors, r.method);
  if (r.enumeration) {
    const auto& e = *r.enumeration;
    s += "\nexact enumeration over count vectors (probabilities exact)\n";
    s += fmt::format("  {:<16} {:<22} {:<15} {:<18} {:<18} {:<16} {:<16} {:<20} {:<11} {}\n", "counts", "P", "kind", "L_D(GF)/eps",
                     "L_D(ann)/eps", "moving GF", "moving ann.", "ratio", "ratio >= r", "lower");
    const std::size_t shown = std::min<std::size_t>(e.rows.size(), 200);
    for (std::size_t i = 0; i < shown; ++i) {
      const DrawSummary& row = e.rows[i];
      s += fmt::format("  {:<16} {:<22} {:<15} {:<18} {:<18} {:<16} {:<16} {:<20} {:<11} {}\n", counts_text(row.counts),
                       row.probability.str(), row.kind, row.gf_over_eps, row.ann_over_eps, row.gf_moving_over_eps.substr(0, 16),
                       row.ann_moving_over_eps.substr(0, 16), row.ratio, decision_name(row.verdict), row.lower);
    }
    if (shown < e.rows.size()) s += fmt::format("  ... {} more count vectors (all in --format json)\n", e.rows.size() - shown);
    s += fmt::format("  sum of P over all count vectors = {}\n", e.total.str());
    s += fmt::format("  P[ratio >= r] = {} (~{}), undecided within rounding: {}, fails: {}\n", e.holds.str(), decimal(e.holds),
                     e.undecided.str(), e.fails.str());
  }
  if (r.monte_carlo) {
    const auto& m = *r.monte_carlo;
    s += fmt::format("\nMonte Carlo: {} draws (seed {}), {} distinct count vectors evaluated\n", m.samples, m.seed, m.distinct_draws);
    s += fmt::format("  P[ratio >= r] ~ {:.6f}  ({} of {}),  {:.4g}% Clopper-Pearson interval [{:.6f}, {:.6f}]\n", m.estimate, m.holds,
                     m.samples, 100 * m.confidence, m.ci_holds.lo, m.ci_holds.hi);
    if (m.undecided > 0)
      s += fmt::format("  {} draws undecided within rounding: interval for P[holds or undecided] [{:.6f}, {:.6f}]\n", m.undecided,
                       m.ci_holds_or_undecided.lo, m.ci_holds_or_undecided.hi);
  }
  if (r.enumeration && r.monte_carlo) {
    const double exact = r.enumeration->holds.approx();
    const bool inside = r.monte_carlo->ci_holds.lo <= exact && exact <= r.monte_carlo->ci_holds.hi;
    s += fmt::format("\nexact P = {:.6f} is {} the Monte Carlo interval\n", exact, inside ? "inside" : "OUTSIDE");
  }
  for (const auto& n : r.notes) s += "note: " + n + "\n";
  return s;
}

json render_json(const GeneralReport& r) {
  json j;
  j["type"] = r.type_id;
  j["bits"] = r.bits;
  j["inputs"] = {{"d", r.d}, {"n", r.n}, {"p", r.p}, {"alpha", r.alpha}, {"eps", r.eps}, {"K", r.K}, {"eta", r.eta}, {"r", r.r}};
  j["count_vectors"] = r.count_vectors;
  j["method"] = r.method;
  if (r.enumeration) {
    const auto& e = *r.enumeration;
    json rows = json::array();
    for (const auto& row : e.rows) rows.push_back(summary_json(row));
    j["enumeration"] = {{"draws", rows},
                        {"total", e.total.str()},
                        {"P_holds", e.holds.str()},
                        {"P_undecided", e.undecided.str()},
                        {"P_fails", e.fails.str()}};
  }
  if (r.monte_carlo) {
    const auto& m = *r.monte_carlo;
    j["monte_carlo"] = {{"samples", m.samples},
                        {"seed", m.seed},
                        {"holds", m.holds},
                        {"undecided", m.undecided},
                        {"estimate", m.estimate},
                        {"confidence", m.confidence},
                        {"interval", {m.ci_holds.lo, m.ci_holds.hi}},
                        {"interval_holds_or_undecided", {m.ci_holds_or_undecided.lo, m.ci_holds_or_undecided.hi}},
                        {"distinct_draws", m.distinct_draws},
                        {"interval_method", "Clopper-Pearson (exact binomial), two-sided"}};
  }
  j["notes"] = r.notes;
  return j;
}

}  // namespace annealcheck::prop1
