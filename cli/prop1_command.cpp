// `annealcheck prop1`: Proposition 1 end to end (SPEC §4) — data, beta-space runs,
// the paper's table, exact enumeration of the 2^3 draws, Figure 1.
// `annealcheck prop1 general`: P[L_D(GF)/L_D(annealed) >= r] over draws (SPEC §5).
#include "annealcheck/engine/type_id.hpp"
#include "annealcheck/prop1/data_model.hpp"
#include "annealcheck/prop1/report.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace annealcheck::cli {

Command add_prop1_command(CLI::App& app) {
  struct Options {
    prop1::Prop1Options prop1;
    prop1::GeneralOptions general;
    std::string type = "mpfr256", general_type = "mpfr256", format = "table", general_format = "table", p;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "prop1",
      "Proposition 1 end to end (SPEC §4): sample the data, run GF and annealed GD on beta, compare with the paper's table, "
      "enumerate the 2^3 draws exactly, draw Figure 1");
  cmd->require_subcommand(0, 1);
  auto& p = o->prop1;
  cmd->add_option("--alpha", p.alpha, "alpha in (0,1); beta* = 100 alpha^(-1/2) (1,1)")->capture_default_str();
  cmd->add_option("--eps", p.eps, "train loss eps > 0 at which the runs stop")->capture_default_str();
  cmd->add_option("--K", p.K, "GD steps of the annealed run, 0..1e8")->capture_default_str();
  cmd->add_option("--type", o->type, "Number type id (see `annealcheck types`)")->capture_default_str();
  cmd->add_option("--seed", p.seed, "Seed of the draw (GMP Mersenne Twister; exact sampling)")->capture_default_str();
  cmd->add_option("--r", p.r, "Threshold r for P[L_D(GF)/L_D(annealed) >= r] (default 2(1 - alpha))");
  cmd->add_flag("--rotate", p.rotated, "Rotate the data by U = [[3/5,-4/5],[4/5,3/5]] (non-diagonal S_X; losses must not change)");
  cmd->add_option("--flow", p.flow, "GF on beta by the matrix exponential (exact) or by Boost.Odeint")
      ->check(one_of({"exact", "odeint"}))
      ->capture_default_str();
  cmd->add_option("--odeint-tol", p.odeint_tol, "Odeint tolerance (default 2^(-3 bits/4) of the type)");
  cmd->add_option("--digits", p.digits, "Significant digits in the table (JSON keeps all)")->capture_default_str();
  cmd->add_option("--require-digits", p.require_digits,
                  "Fail (exit 1) unless both test losses match the paper's table to this many significant digits")
      ->capture_default_str();
  cmd->add_option("--figure", p.figure_prefix, "Write Figure 1 as PREFIX.png and PREFIX.svg (+ PREFIX.dat, PREFIX.gp) via gnuplot");
  cmd->add_option("--figure-gd-points", p.figure_gd_points, "GD iterates drawn in the figure")->capture_default_str();
  cmd->add_option("--figure-flow-points", p.figure_flow_points, "Points per GF path in the figure")->capture_default_str();
  cmd->add_option("--format", o->format, "Output format")->check(one_of({"table", "json"}))->capture_default_str();

  CLI::App* gen = cmd->add_subcommand(
      "general",
      "SPEC §5: x on {e_1..e_d} with probabilities p, n samples; P[L_D(GF)/L_D(annealed) >= r] by exact enumeration over "
      "count vectors (rational probabilities) or Monte Carlo with a Clopper-Pearson interval");
  auto& g = o->general;
  gen->add_option("--d", g.d, "Coordinates d (1..64)")->capture_default_str();
  gen->add_option("--n", g.n, "Samples n (1..100000)")->capture_default_str();
  gen->add_option("--p", o->p, "Probabilities p_1,...,p_d, exact (e.g. 1/2,1/4,1/4); default uniform");
  gen->add_option("--r", g.r, "Threshold r > 0")->capture_default_str();
  gen->add_option("--alpha", g.alpha, "alpha in (0,1); beta* = 100 alpha^(-1/2) (1,..,1)")->capture_default_str();
  gen->add_option("--eps", g.eps, "eps > 0")->capture_default_str();
  gen->add_option("--K", g.K, "GD steps, 0..1e9 (the GD phase is decided in O(log K) exact evaluations)")->capture_default_str();
  gen->add_option("--eta", g.eta, "GD step fixed before sampling (default n/ceil(n max p)), or per-draw (1/gamma_1 of each draw)");
  gen->add_option("--type", o->general_type, "Number type id")->capture_default_str();
  gen->add_option("--method", g.method, "auto (enumerate up to --max-enumeration count vectors), enumerate, monte-carlo, both")
      ->check(one_of({"auto", "enumerate", "monte-carlo", "both"}))
      ->capture_default_str();
  gen->add_option("--max-enumeration", g.max_enumeration, "Largest number of count vectors to enumerate")->capture_default_str();
  gen->add_option("--samples", g.samples, "Monte Carlo draws")->capture_default_str();
  gen->add_option("--confidence", g.confidence, "Confidence level of the Monte Carlo interval")->capture_default_str();
  gen->add_option("--seed", g.seed, "Monte Carlo seed")->capture_default_str();
  gen->add_option("--digits", g.digits, "Significant digits in the table")->capture_default_str();
  gen->add_option("--format", o->general_format, "Output format")->check(one_of({"table", "json"}))->capture_default_str();

  return {cmd, [o, gen]() {
            if (gen->parsed()) {
              if (!o->p.empty()) o->general.p = prop1::split_list(o->p);
              const engine::TypeSpec type = engine::parse_type_id(o->general_type);
              const prop1::GeneralReport r = prop1::run_general(type, o->general);
              if (o->general_format == "json") std::cout << prop1::render_json(r).dump(2) << "\n";
              else std::cout << prop1::render_table(r);
              return 0;
            }
            const engine::TypeSpec type = engine::parse_type_id(o->type);
            const prop1::Prop1Report r = prop1::run_prop1(type, o->prop1);
            if (o->format == "json") std::cout << prop1::render_json(r).dump(2) << "\n";
            else std::cout << prop1::render_table(r);
            return r.claims_hold ? 0 : 1;
          }};
}

}  // namespace annealcheck::cli
