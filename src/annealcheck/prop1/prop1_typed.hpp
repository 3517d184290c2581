// The bodies of `annealcheck prop1` and `annealcheck prop1 general` for one
// number type T; each translation unit generated from prop1/run_type.cpp.in
// (one per type of the ladder list, numeric/ladder.hpp) instantiates them for one type.
//
// prop1: draw n = 3 samples (seeded), build X, y, S_X, Σ_X, run GF and annealed
// GD on β itself (SPEC §4, η = 3/2 fixed before sampling), compare with the
// paper's table and with the exact closed forms, cross-check every run with the
// diagonal log-space route (prop1/draw_outcome.hpp), sweep α and K, enumerate
// the 2³ sequences exactly, and optionally draw Figure 1.
// general: P[L_D(GF)/L_D(annealed) ≥ r] over the draws of SPEC §5.
#pragma once

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/prop1/enumeration.hpp"
#include "annealcheck/prop1/figure_typed.hpp"
#include "annealcheck/prop1/paper_table.hpp"
#include "annealcheck/prop1/sample_runs.hpp"
#include "annealcheck/prop1/sampler.hpp"
#include "annealcheck/prop1/threshold_probability.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace annealcheck::prop1::typed {

// A row of the paper's table: the quantity, the paper's entry, the exact closed form
// (prop1/paper_table.hpp) and the value computed in T; the comparison columns are
// filled by row_vs_paper (a value) or row_vs_zero (an entry 0, measured against √ε).
template <numeric::RealNumber T>
TableRowText table_row(std::string q, std::string paper, const T* closed, const T& computed, int dg) {
  using Tr = numeric::number_traits<T>;
  TableRowText r;
  r.quantity = std::move(q);
  r.paper = std::move(paper);
  r.closed_form = closed ? Tr::str(*closed, dg) : "";
  r.computed = Tr::str(computed, dg);
  r.closed_form_full = closed ? Tr::str(*closed) : "";
  r.computed_full = Tr::str(computed);
  return r;
}

template <numeric::RealNumber T>
TableRowText row_vs_paper(std::string q, std::string paper, const T& paper_v, const T* closed, const T& computed, int dg) {
  using Tr = numeric::number_traits<T>;
  TableRowText r = table_row(std::move(q), std::move(paper), closed, computed, dg);
  const T rel = relative_difference(computed, paper_v);
  r.rel_vs_paper = Tr::str(rel, 3);
  r.digits_vs_paper = digits_text(rel);
  if (closed) r.rel_vs_closed_form = Tr::str(relative_difference(computed, *closed), 3);
  return r;
}

template <numeric::RealNumber T>
TableRowText row_vs_zero(std::string q, std::string paper, const T* closed, const T& computed, const T& eps, int dg) {
  using Tr = numeric::number_traits<T>;
  using std::abs;
  using std::sqrt;
  TableRowText r = table_row(std::move(q), std::move(paper), closed, computed, dg);
  r.rel_vs_paper = "|x|/sqrt(eps) = " + Tr::str(T(abs(computed) / sqrt(eps)), 3);
  r.digits_vs_paper = "-";
  if (closed) r.rel_vs_closed_form = "|x - cf|/sqrt(eps) = " + Tr::str(T(abs(computed - *closed) / sqrt(eps)), 3);
  return r;
}

// The paper's table (β-space runs of the (2,1) sample ts) and the ratio L_D(GF)/L_D(annealed).
template <numeric::RealNumber T>
void paper_table(Prop1Report& rep, const SampleRuns<T>& ts, const Prop1Options& o, const Prop1Inputs& in) {
  using Tr = numeric::number_traits<T>;
  using std::abs;
  using std::sqrt;
  const int dg = o.digits;
  const Case21ClosedForm<T> cf = case21_closed_form<T>(in.alpha, in.eps);
  const T eps = Tr::from_rational(in.eps);
  LeastSquaresKernel<T> kernel(ts.ls);
  const std::vector<T> good = to_eigen_coordinates(ts.eig, residual(ts.ls, ts.ann_beta));
  const std::vector<T> bad = to_eigen_coordinates(ts.eig, residual(ts.ls, ts.gf_beta));
  const auto row_cmp = [&](std::string q, std::string paper, const T& paper_v, const T* closed, const T& computed) {
    return row_vs_paper<T>(std::move(q), std::move(paper), paper_v, closed, computed, dg);
  };
  const auto row_zero = [&](std::string q, std::string paper, const T* closed, const T& computed) {
    return row_vs_zero<T>(std::move(q), std::move(paper), closed, computed, eps, dg);
  };
  if (o.K >= 1 && !ts.ann_beta.empty()) {
    const T zero = numeric::from_int<T>(0);
    rep.table.push_back(row_cmp("good (annealed) |residual_1|", "sqrt(3 eps/2)", cf.good_residual_1, &cf.good_residual_1, abs(good[0])));
    rep.table.push_back(row_zero("good (annealed) residual_2", "0", &zero, good[1]));
    rep.table.push_back(row_cmp("good (annealed) train loss", "eps", eps, &eps, kernel.train_loss(ts.ann_beta)));
    rep.table.push_back(row_cmp("good (annealed) test loss", "0.75 eps", cf.good_test_loss, &cf.good_test_loss, test_loss(ts.ls, ts.ann_beta)));
  } else {
    rep.notes.push_back("K = 0: annealed GD is GF, so the table's good row does not arise");
  }
  const T bad_paper_2 = sqrt(numeric::from_int<T>(3) * eps), bad_test_paper = Tr::from_rational(Rational(3, 2) * in.eps);
  rep.table.push_back(row_zero("bad (GF) residual_1", "0", &cf.bad_residual_1, abs(bad[0])));
  rep.table.push_back(row_cmp("bad (GF) |residual_2|", "sqrt(3 eps)", bad_paper_2, &cf.bad_residual_2, abs(bad[1])));
  rep.table.push_back(row_cmp("bad (GF) train loss", "eps", eps, &eps, kernel.train_loss(ts.gf_beta)));
  rep.table.push_back(row_cmp("bad (GF) test loss", "1.5 eps", bad_test_paper, &cf.bad_test_loss, test_loss(ts.ls, ts.gf_beta)));
  if (!ts.ann_beta.empty()) {
    const T ann = test_loss(ts.ls, ts.ann_beta);
    if (numeric::from_int<T>(0) < ann) rep.ratio = num(T(test_loss(ts.ls, ts.gf_beta) / ann), dg);
    else rep.ratio = {"undefined", "undefined (L_D(annealed) = 0 in " + Tr::id() + ")"};
  }
}

// β-space resolution: β − β* is formed next to |β*|, so residuals below ε_T·|β*| are
// rounding noise (SPEC §6); the stopping point has |β − β*| ~ √ε.
template <numeric::RealNumber T>
void resolution_note(Prop1Report& rep, const SampleRuns<T>& ts, const Prop1Inputs& in) {
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  const T eps = Tr::from_rational(in.eps);
  using std::abs;
  T bmax = numeric::from_int<T>(0);
  for (const T& b : ts.ls.beta_star)
    if (bmax < abs(b)) bmax = abs(b);
  const T resolution = Tr::epsilon() * bmax;
  if (!(resolution < sqrt(eps) / numeric::from_int<T>(1000)))
    rep.notes.push_back("in " + Tr::id() + " beta-space resolves beta - beta* only to eps_T |beta*| = " + Tr::str(resolution, 3) +
                        ", not far below sqrt(eps) = " + Tr::str(T(sqrt(eps)), 3) +
                        ": the beta-space columns are rounding noise here (SPEC §6); the diagonal route is not affected. "
                        "Use a wider type, or a larger eps or alpha.");
}

// Lemma 2's ratio bound on the (2,1) sample and --require-digits on the table's test losses.
template <numeric::RealNumber T>
void table_claims(Prop1Report& rep, const SampleRuns<T>& ts, const Prop1Options& o, const Prop1Inputs& in) {
  using Tr = numeric::number_traits<T>;
  const int dg = o.digits;
  rep.ratio_bound = num(Tr::from_rational(Rational(2) * (Rational(1) - in.alpha)), dg);
  if (o.K >= 1 && ts.diag_outcome.kind == DrawKind::Lemma2 &&
      ratio_at_least(ts.diag_outcome, Rational(2) * (Rational(1) - in.alpha)) == Decision::Fails) {
    rep.claims_hold = false;
    rep.failures.push_back("Lemma 2 / Proposition 1: L_D(GF)/L_D(annealed) >= 2(1 - alpha) fails on the (2,1) sample");
  }
  if (o.require_digits > 0) {
    for (const auto& r : rep.table) {
      if (r.quantity.find("test loss") == std::string::npos) continue;
      const bool exact = r.digits_vs_paper.rfind("all", 0) == 0;
      if (!exact && std::stol(r.digits_vs_paper) < o.require_digits) {
        rep.claims_hold = false;
        rep.failures.push_back(r.quantity + " matches the paper to " + r.digits_vs_paper + " digits, fewer than the " +
                               std::to_string(o.require_digits) + " required (--require-digits)");
      }
    }
  }
}

// How the ratio approaches 2: the diagonal route on counts (2,1), over α and K.
template <numeric::RealNumber T>
void alpha_sweep(Prop1Report& rep, const Prop1Options& o, const Prop1Inputs& in, const Rational& eta) {
  using Tr = numeric::number_traits<T>;
  const int dg = o.digits;
  const DataModel plain = proposition1_model(false);
  std::vector<std::pair<Rational, std::string>> alphas{{Rational(1, 2), "0.5"}, {Rational(1, 100), "1e-2"},
                                                       {Rational(1, 10000), "1e-4"}, {Rational(1, 100000000), "1e-8"},
                                                       {in.alpha, o.alpha}};
  std::stable_sort(alphas.begin(), alphas.end(), [](const auto& a, const auto& b) { return b.first < a.first; });
  alphas.erase(std::unique(alphas.begin(), alphas.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               alphas.end());
  std::vector<long> Ks{0, 1, 2, o.K};
  std::sort(Ks.begin(), Ks.end());
  Ks.erase(std::unique(Ks.begin(), Ks.end()), Ks.end());
  const T eps = Tr::from_rational(in.eps);
  for (const auto& [a, a_text] : alphas) {
    for (long K : Ks) {
      const DiagonalDraw d = make_diagonal_draw(plain, {2, 1}, a, in.eps, eta, K);
      const DrawOutcome<T> out = evaluate_draw<T>(d);
      SweepRowText row;
      row.alpha = a_text;
      row.K = K;
      row.gf_over_eps = num(T(out.gf_population_loss / eps), dg);
      row.ann_over_eps = num(T(out.ann_population_loss / eps), dg);
      row.ratio = num(out.ratio, dg);
      row.two_minus_ratio = num(T(numeric::from_int<T>(2) - out.ratio), 4);
      // GF: L_D = 1.5ε(1 − 3ε/c² + …) with c² = 10⁴/α (prop1/paper_table.hpp), so
      // for K ≥ 1: 2 − ratio = 6εα/10⁴ to leading order
      row.predicted_gap = K == 0 ? Number{"", "-"} : num(Tr::from_rational(Rational(6) * in.eps * a / Rational(10000)), 4);
      const Rational bound = Rational(2) * (Rational(1) - a);
      row.bound = num(Tr::from_rational(bound), dg);
      if (K == 0) row.bound_holds = "n/a (K = 0: annealed = GF)";
      else row.bound_holds = decision_name(ratio_at_least(out, bound));
      rep.sweep.push_back(std::move(row));
    }
  }
}

// The exact enumeration of the 2³ sequences: P[case (2,1)], which run is lower, P[ratio ≥ r].
template <numeric::RealNumber T>
void sequence_enumeration(Prop1Report& rep, const DataModel& m, const Prop1Options& o, const Prop1Inputs& in,
                          const Rational& eta) {
  const int dg = o.digits;
  Rational p21(0), p_ann(0), p_gf(0), p_tie(0), p_und(0), p_holds(0), p_r_und(0), total(0);
  std::map<std::vector<long>, DrawSummary> cache;
  for (const SequenceDraw& sd : enumerate_sequences(m)) {
    auto it = cache.find(sd.counts);
    if (it == cache.end()) {
      const DiagonalDraw d = make_diagonal_draw(m, sd.counts, in.alpha, in.eps, eta, o.K);
      it = cache.emplace(sd.counts, summarize(d, evaluate_draw<T>(d), in.r, dg)).first;
    }
    SequenceRowText row;
    row.sequence = sequence_text(sd.sequence);
    std::vector<Rational> g = train_spectrum(m, sd.counts);
    row.S_X = "diag" + vector_text(g);
    row.summary = it->second;
    row.summary.probability = sd.probability;
    row.summary.sequences = Rational(1);
    total = total + sd.probability;
    std::sort(g.begin(), g.end(), [](const Rational& a, const Rational& b) { return b < a; });
    if (g[0] == Rational(2, 3) && g[1] == Rational(1, 3)) p21 = p21 + sd.probability;
    const std::string& low = row.summary.lower;
    if (low == "annealed") p_ann = p_ann + sd.probability;
    else if (low == "GF") p_gf = p_gf + sd.probability;
    else if (low.rfind("tie", 0) == 0) p_tie = p_tie + sd.probability;
    else p_und = p_und + sd.probability;
    if (row.summary.verdict == Decision::Holds) p_holds = p_holds + sd.probability;
    else if (row.summary.verdict == Decision::Undecided) p_r_und = p_r_und + sd.probability;
    rep.sequences.push_back(std::move(row));
  }
  rep.p_case21 = p21.str();
  rep.p_annealed_lower = p_ann.str();
  rep.p_gf_lower = p_gf.str();
  rep.p_tie = p_tie.str();
  rep.p_undecided = p_und.str();
  rep.p_ratio_holds = p_holds.str();
  rep.p_ratio_undecided = p_r_und.str();
  rep.p_total = total.str();
  if (!(p21 == Rational(3, 4))) {
    rep.claims_hold = false;
    rep.failures.push_back("P[S_X = diag(2/3, 1/3) up to order] = " + p21.str() + ", not 3/4 (SPEC §4)");
  }
  if (!(total == Rational(1))) {
    rep.claims_hold = false;
    rep.failures.push_back("the 2^3 sequence probabilities sum to " + total.str() + ", not 1");
  }
}

template <numeric::RealNumber T>
Prop1Report run_prop1(const Prop1Options& o) {
  using Tr = numeric::number_traits<T>;
  using std::sqrt;
  const Prop1Inputs in = parse_prop1_inputs(o);
  const int dg = o.digits;
  const DataModel m = proposition1_model(o.rotated);
  const Rational eta(3, 2);  // fixed before sampling (SPEC §4)
  Prop1Report rep;
  rep.type_id = Tr::id();
  rep.bits = Tr::bits();
  rep.alpha = o.alpha;
  rep.eps = o.eps;
  rep.eta = eta.str();
  rep.r = o.r.empty() ? "2(1 - alpha) = " + in.r.str() : in.r.str();
  rep.K = o.K;
  rep.seed = o.seed;
  rep.rotated = o.rotated;
  rep.flow_method = o.flow;
  rep.beta_star_scale = num(T(numeric::from_int<T>(100) / sqrt(Tr::from_rational(in.alpha))), dg);

  // 1. the drawn sample
  ExactSampler sampler(m, o.seed);
  const std::vector<std::size_t> seq = sampler.sample_sequence();
  SampleRuns<T> drawn = run_sample<T>(m, seq, in, eta, o, rep.drawn);
  // the paper's table is about the (2,1) case: use the draw when it is one, else e1 e1 e2
  const bool drawn_is_21 = drawn.diag_outcome.kind == DrawKind::Lemma2;
  std::vector<std::size_t> table_seq = seq;
  SampleRuns<T> other;
  if (!drawn_is_21) {
    table_seq = {0, 0, 1};
    rep.table_sample.emplace();
    other = run_sample<T>(m, table_seq, in, eta, o, *rep.table_sample);
    rep.notes.push_back("the drawn sample is degenerate (counts " + std::to_string(rep.drawn.counts[0]) + "," +
                        std::to_string(rep.drawn.counts[1]) +
                        "); the paper's table is about the (2,1) case, shown for the sample e1 e1 e2");
  }
  const SampleRuns<T>& ts = drawn_is_21 ? drawn : other;

  // 2. the paper's table (β-space runs of the (2,1) sample)
  paper_table(rep, ts, o, in);
  resolution_note(rep, ts, in);
  table_claims(rep, ts, o, in);
  // 3. how the ratio approaches 2; 4. exact enumeration of the 2³ sequences
  alpha_sweep<T>(rep, o, in, eta);
  sequence_enumeration<T>(rep, m, o, in, eta);
  // 5. Figure 1
  if (!o.figure_prefix.empty()) rep.figure = write_figure(figure_data(ts, m, table_seq, in, o), o.figure_prefix);
  return rep;
}

template <numeric::RealNumber T>
GeneralReport run_general(const GeneralOptions& o) {
  using Tr = numeric::number_traits<T>;
  const GeneralInputs in = parse_general_inputs(o);
  GeneralReport rep;
  rep.type_id = Tr::id();
  rep.bits = Tr::bits();
  rep.d = in.model.d;
  rep.n = in.model.n;
  rep.p = o.p.empty() ? "uniform" : in.model.p_text;
  rep.alpha = o.alpha;
  rep.eps = o.eps;
  rep.eta = in.eta ? in.eta->str() + (o.eta.empty() ? " (default n/ceil(n max p), fixed before sampling)" : " (fixed before sampling)")
                   : "per draw: 1/gamma_1 of each draw";
  rep.r = o.r.empty() ? "2(1 - alpha) = " + in.r.str() : in.r.str();
  rep.K = o.K;
  rep.count_vectors = count_vector_total(in.model.d, in.model.n);
  const DrawEvaluator evaluate = [&](const std::vector<long>& counts) {
    Rational eta;
    if (in.eta) {
      eta = *in.eta;
    } else {
      const long top = *std::max_element(counts.begin(), counts.end());
      eta = Rational(static_cast<long>(in.model.n)) / Rational(top);
    }
    const DiagonalDraw d = make_diagonal_draw(in.model, counts, in.alpha, in.eps, eta, o.K);
    return summarize(d, evaluate_draw<T>(d), in.r, o.digits);
  };
  const bool small = rep.count_vectors <= o.max_enumeration;
  const bool enumerate = o.method == "enumerate" || o.method == "both" || (o.method == "auto" && small);
  const bool sample = o.method == "monte-carlo" || o.method == "both" || (o.method == "auto" && !small);
  if (enumerate && !small)
    throw InputError("--method", "enumerate (" + std::to_string(rep.count_vectors) + " count vectors)",
                     "at most --max-enumeration = " + std::to_string(o.max_enumeration) + " count vectors; use monte-carlo or raise the limit");
  rep.method = enumerate && sample ? "enumeration and monte-carlo" : enumerate ? "enumeration" : "monte-carlo";
  if (enumerate) rep.enumeration = enumerate_threshold(in.model, evaluate);
  if (sample) rep.monte_carlo = monte_carlo_threshold(in.model, evaluate, o.samples, o.confidence, o.seed);
  return rep;
}

}  // namespace annealcheck::prop1::typed
