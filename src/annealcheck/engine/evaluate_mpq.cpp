// Exact rational evaluation (mpq): the premises, the GD phase and its facts,
// decided exactly; everything that needs the flow's exp/log is reported n/a.
#include "annealcheck/engine/evaluate_typed.hpp"
#include "annealcheck/lemma2/exact_evaluation.hpp"
#include "annealcheck/numeric/gmp_traits.hpp"
#include "annealcheck/numeric/ladder.hpp"

namespace annealcheck::engine {

EvalReport evaluate_in(numeric::LadderTag<numeric::Family::Mpq>, const Problem& p, const EvalOptions& opt) {
  using T = numeric::mpq;
  using Tr = numeric::number_traits<T>;
  const auto* spec = std::get_if<model::InstanceSpec>(&p);
  if (!spec)
    throw InputError("--type", "\"mpq\" with --prop1", "a floating type: Proposition 1's delta(0) = -100/sqrt(alpha) is irrational");
  const model::Instance<T> in = model::materialize<T>(*spec);
  const lemma2::ExactEvaluation<T> ev = lemma2::evaluate_exact(in);
  EvalReport r;
  r.type_id = Tr::id();
  r.bits = 0;
  auto q = [&](std::string label, std::string name, const T& v) { r.quantities.push_back({std::move(label), std::move(name), Tr::str(v), Tr::str(v, opt.digits)}); };
  q("E1", "Lhat(delta(0))", ev.train_loss0);
  q("E2", "L_D(delta(0))", ev.population_loss0);
  q("E5", "eta (GD step)", in.eta);
  q("C2", "M = |Sbar| gamma_j* delta_j*(0)^2", ev.blocks.M);
  q("A", "c = max_Q (1 - 2 eta gamma_i)^2", ev.blocks.c);
  const std::string steps = std::to_string(ev.descent.steps) + (ev.descent.stopped_early ? " (stopped early)" : "");
  r.quantities.push_back({"E5", "GD steps taken", steps, steps});
  q("E1", "Lhat(delta(K))", ev.descent.train_loss);
  for (std::size_t i = 0; i < in.dim(); ++i) q("E5", "delta_" + std::to_string(i + 1) + "(K)", ev.descent.delta[i]);
  q("A", "sum_Q lambda_i delta_i(K)^2", ev.tail_K);
  append_checks<T>(r, ev.checks, opt);
  return r;
}

}  // namespace annealcheck::engine
