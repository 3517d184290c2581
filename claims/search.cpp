// search.hpp: NLopt Subplex over a Lemma 2 instance's parameters, with restarts.
#include "claims/search.hpp"

#include "annealcheck/io/input_error.hpp"
#include "annealcheck/model/instance_spec.hpp"
#include "properties/support/fnv1a.hpp"
#include "properties/support/lemma2_case.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace annealcheck::claims {
namespace {

using model::InstanceSpec;
using numeric::Rational;

// GMP raises SIGFPE on a non-finite double: such a point is not an instance.
Rational from_double(double x) {
  if (!std::isfinite(x)) throw InputError("search point", std::to_string(x), "a finite value");
  Rational q;
  mpq_set_d(q.get(), x);
  return q;
}

double log_abs(const model::ExactValue& v) { return std::log(std::fabs(v.value.approx())); }

// The instance's free parameters as a point x, and back.
class Parametrisation {
 public:
  Parametrisation(InstanceSpec start, const std::map<std::string, std::string>& fix) : start_(std::move(start)) {
    free_alpha_ = !fix.count("alpha");
    free_eps_ = !fix.count("eps");
    free_K_ = !fix.count("K");
    if (!free_alpha_) start_.alpha = model::exact(fix.at("alpha"));
    if (!free_eps_) start_.eps = model::exact(fix.at("eps"));
    if (!free_K_) start_.K = std::stol(fix.at("K"));
    const std::size_t d = start_.dim();
    if (start_.rho) rho_fraction_ = start_.rho->value.approx() / max_gap(start_);
    if (start_.eta) eta_gamma1_ = (start_.eta->value * start_.gamma[0].value).approx();
    for (std::size_t i = 0; i < d; ++i) x0_.push_back(std::log(start_.gamma[i].value.approx()));
    for (std::size_t i = 0; i < d; ++i) x0_.push_back(std::log(start_.lambda[i].value.approx()));
    for (std::size_t i = 0; i < d; ++i) x0_.push_back(start_.delta0[i].value.sign() ? log_abs(start_.delta0[i]) : 0.0);
    if (free_alpha_) {
      const double a = start_.alpha.value.approx();
      x0_.push_back(std::log(a / (1 - a)));
    }
    if (free_eps_) x0_.push_back(std::log(start_.eps.value.approx()));
    if (free_K_) x0_.push_back(static_cast<double>(start_.K));
  }
  const std::vector<double>& start() const { return x0_; }
  std::size_t size() const { return x0_.size(); }
  bool is_K(std::size_t j) const { return free_K_ && j + 1 == x0_.size(); }

  // Throws InputError when the point is not a valid instance.
  InstanceSpec at(const std::vector<double>& x) const {
    InstanceSpec s = start_;
    const std::size_t d = s.dim();
    std::vector<std::size_t> order(d);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] > x[b]; });
    for (std::size_t j = 0; j < d; ++j) {
      const std::size_t i = order[j];
      s.gamma[j] = model::exact(from_double(std::exp(x[i])));
      s.lambda[j] = model::exact(from_double(std::exp(x[d + i])));
      const int sign = start_.delta0[i].value.sign();
      s.delta0[j] = model::exact(sign == 0 ? Rational(0) : from_double(sign * std::exp(x[2 * d + i])));
    }
    std::size_t j = 3 * d;
    if (free_alpha_) s.alpha = model::exact(from_double(1 / (1 + std::exp(-x[j++]))));
    if (free_eps_) s.eps = model::exact(from_double(std::exp(x[j++])));
    if (free_K_) s.K = std::max(0L, std::lround(x[j++]));
    if (rho_fraction_) s.rho = model::exact(from_double(*rho_fraction_ * max_gap(s) * (1 - 1e-12)));
    if (eta_gamma1_) s.eta = model::exact(from_double(*eta_gamma1_) / s.gamma[0].value);
    model::validate(s);
    return s;
  }

 private:
  static double max_gap(const InstanceSpec& s) { return (s.gamma[s.k - 2].value / s.gamma[s.k - 1].value).approx() - 1; }
  InstanceSpec start_;
  bool free_alpha_ = true, free_eps_ = true, free_K_ = true;
  std::optional<double> rho_fraction_, eta_gamma1_;
  std::vector<double> x0_;
};

bool premises_hold(const InstanceSpec& s, const std::vector<Premise>& given) {
  for (Premise p : given) {
    if (p == Premise::C1 && !properties::c1_holds(s)) return false;
    if ((p == Premise::C2 || p == Premise::C2Prime) && !properties::c2_holds(s, p == Premise::C2Prime)) return false;
  }
  return true;
}

struct Stop {};  // a counterexample, or the budget spent

// The box the optimiser is given around a start (and the uniform baseline samples):
// ± box in every log / logit coordinate, K in [0, max(20, 4K)].
struct Box {
  std::vector<double> lb, ub;
};
Box box_around(const Parametrisation& p, double half) {
  const std::vector<double>& x = p.start();
  Box b{std::vector<double>(x.size()), std::vector<double>(x.size())};
  for (std::size_t j = 0; j < x.size(); ++j) {
    b.lb[j] = p.is_K(j) ? 0 : x[j] - half;
    b.ub[j] = p.is_K(j) ? std::max(20.0, 4 * x[j]) : x[j] + half;
  }
  return b;
}

nlopt::algorithm algorithm(const std::string& name) {
  if (name == "sbplx") return nlopt::LN_SBPLX;
  if (name == "bobyqa") return nlopt::LN_BOBYQA;
  if (name == "cobyla") return nlopt::LN_COBYLA;
  if (name == "neldermead") return nlopt::LN_NELDERMEAD;
  throw InputError("--optimizer", quote(name), "one of sbplx, bobyqa, cobyla, neldermead");
}

class Searcher {
 public:
  Searcher(const SearchOptions& o, SearchResult& r) : o_(o), r_(r) {}

  // One evaluation of the check; +∞ where the point is infeasible.
  double evaluate(const InstanceSpec& s, std::size_t checkpoints) {
    if (!premises_hold(s, o_.premises)) {
      ++r_.infeasible;
      return HUGE_VAL;
    }
    if (r_.evaluations >= o_.budget) throw Stop{};
    ++r_.evaluations;
    nlohmann::json j = model::instance_to_json(s);
    j["checkpoints"] = checkpoints;
    properties::CaseReport c = properties::check_case(o_.id, o_.type, j);
    if (c.discarded || c.verdict.relation.empty()) return HUGE_VAL;
    // the distance to failing beyond rounding: (margin + bound)/scale, so that the
    // search does not stall at a tie that rounding cannot decide
    const double m = c.verdict.holds ? c.verdict.relative_slack : -HUGE_VAL;
    if (!r_.tightest || !c.verdict.holds || m < r_.tightest->verdict.relative_slack) {
      r_.trajectory.push_back({r_.evaluations, r_.restarts, c.verdict.relative_slack});
      r_.tightest = std::move(c);
    }
    if (m == -HUGE_VAL) {
      // A counterexample only when certified refuted (issue 21, item 4): else the exact
      // claim may hold here, and the point is kept as a tight feasible one.
      r_.tightest->certified = properties::certify_case(o_.id, j);
      if (r_.tightest->certified->decision == "refuted") {
        r_.counterexample = true;
        throw Stop{};
      }
      ++r_.uncertified_failures;
      return 0;
    }
    return m;
  }

  void local(const InstanceSpec& start, std::size_t checkpoints) {
    const Parametrisation p(start, o_.fix);
    std::vector<double> x = p.start(), step(x.size(), std::min(2.0, o_.box / 2));
    for (std::size_t j = 0; j < x.size(); ++j)
      if (p.is_K(j)) step[j] = std::max(2.0, x[j] / 2);
    const Box b = box_around(p, o_.box);
    nlopt::opt opt(algorithm(o_.optimizer), static_cast<unsigned>(x.size()));
    opt.set_lower_bounds(b.lb);
    opt.set_upper_bounds(b.ub);
    opt.set_initial_step(step);
    opt.set_maxeval(static_cast<int>(o_.per_restart));
    struct Data {
      Searcher* self;
      const Parametrisation* p;
      std::size_t checkpoints;
      bool stop = false;
    } data{this, &p, checkpoints};
    opt.set_min_objective(
        [](const std::vector<double>& x, std::vector<double>&, void* v) -> double {
          auto* d = static_cast<Data*>(v);
          InstanceSpec s;
          try {
            s = d->p->at(x);
          } catch (const InputError&) {
            return HUGE_VAL;
          }
          try {
            return d->self->evaluate(s, d->checkpoints);
          } catch (const Stop&) {
            d->stop = true;
            throw nlopt::forced_stop();
          }
        },
        &data);
    double best = 0;
    try {
      opt.optimize(x, best);
    } catch (const nlopt::forced_stop&) {
    } catch (const std::runtime_error&) {  // NLopt's roundoff-limited / failure: this start is done
    }
    if (data.stop) throw Stop{};
  }

  // The uniform baseline: one draw in the box around `start` (its structure kept).
  void uniform(const InstanceSpec& start, std::mt19937_64& rng) {
    const Parametrisation p(start, o_.fix);
    const Box b = box_around(p, o_.box);
    std::vector<double> x(b.lb.size());
    for (std::size_t j = 0; j < x.size(); ++j)
      x[j] = p.is_K(j) ? static_cast<double>(std::uniform_int_distribution<long>(0, std::lround(b.ub[j]))(rng))
                       : std::uniform_real_distribution<double>(b.lb[j], b.ub[j])(rng);
    InstanceSpec s;
    try {
      s = p.at(x);
    } catch (const InputError&) {
      ++r_.infeasible;
      return;
    }
    evaluate(s, start.checkpoints.value_or(16));
  }

 private:
  const SearchOptions& o_;
  SearchResult& r_;
};

}  // namespace

std::vector<Premise> property_premises(const std::string& id) {
  if (id.rfind("falsify.f1", 0) == 0) return {Premise::C1};
  if (id == "lemma2.strengthened-gf-lower-bound") return {Premise::C2Prime};
  return {Premise::C1, Premise::C2};
}

std::pair<std::string, std::string> parse_fix(const std::string& text) {
  const auto eq = text.find('=');
  const std::string name = text.substr(0, eq), value = eq == std::string::npos ? "" : text.substr(eq + 1);
  if (eq == std::string::npos || (name != "alpha" && name != "eps" && name != "K" && name != "d"))
    throw InputError("--fix", quote(text), "NAME=VALUE with NAME one of alpha, eps, K, d");
  if (name == "K" || name == "d") {
    const numeric::RationalParse p = numeric::parse_rational(value);
    if (!p.ok() || !p.value.is_integer() || p.value.sign() < 0 || numeric::Rational(100000) < p.value)
      throw InputError("--fix", quote(text), name + " = an integer in 0..100000");
  } else {
    model::exact(value);  // InputError on a bad number
  }
  return {name, value};
}

namespace {

// The generator phase (SearchOptions::generator_cases): the run `check ID --seed SEED
// --cases N` makes, its cases counted as evaluations. Returns the closest case as the
// optimiser's first start, or nothing (a counterexample ends the search; no phase).
std::optional<properties::Lemma2Case> generator_phase(const SearchOptions& o, SearchResult& r) {
  const long n = std::min(o.budget, o.generator_cases.value_or(properties::resolved_cases(o.id, o.type, false)));
  if (o.strategy != "local" || !o.fix.empty() || n <= 0) return std::nullopt;
  properties::RunOptions ro;
  ro.type = o.type;
  ro.seed = o.seed;
  ro.cases = static_cast<int>(n);
  ro.read_environment = false;
  properties::RunResult run = properties::run_property(o.id, ro);
  r.generator_evaluations = run.cases_run;
  r.evaluations += run.cases_run;
  bool failed = run.outcome == properties::Outcome::Failed && run.counterexample && !run.counterexample->verdict.holds;
  if (failed && !run.counterexample->certified)
    run.counterexample->certified = properties::certify_case(o.id, nlohmann::json::parse(run.counterexample->case_json));
  if (failed && run.counterexample->certified->decision != "refuted") {
    failed = false;
    ++r.uncertified_failures;
  }
  const std::optional<properties::CaseReport>& best = failed ? run.counterexample : run.closest;
  if (!best) return std::nullopt;
  r.tightest = best;
  r.trajectory.push_back({r.evaluations, 0, best->verdict.relative_slack});
  if (failed) {
    r.counterexample = true;
    return std::nullopt;
  }
  try {
    return properties::lemma2_case_from_json(nlohmann::json::parse(best->case_json));
  } catch (const std::exception&) {
    return std::nullopt;  // a case format without a Lemma 2 instance: the screened starts only
  }
}

}  // namespace

SearchResult search(const SearchOptions& o) {
  if (o.strategy != "local" && o.strategy != "uniform") throw InputError("--strategy", quote(o.strategy), "local or uniform");
  algorithm(o.optimizer);  // InputError on an unknown name
  if (!(o.box > 0) || o.box > 40) throw InputError("--box", std::to_string(o.box), "a half-width in (0, 40]");
  SearchResult r;
  Searcher s(o, r);
  std::mt19937_64 rng(o.seed);
  const long max_infeasible = 100 * o.budget + 10000;  // a box where the premises (almost) never hold ends the run
  const std::size_t want_d = o.fix.count("d") ? std::stoul(o.fix.at("d")) : 0;
  std::vector<InstanceSpec> starts;
  std::size_t next = 0;
  // Batch b of generated starts is drawn with fnv1a("annealcheck-search/<seed>/<b>"): with
  // seed + b, seeds s and s + 2 shared every batch after the first and (with --fix d=2,
  // whose batches are often empty) ran the same search.
  std::uint64_t batch = 0;
  const std::optional<properties::Lemma2Case> closest = generator_phase(o, r);
  if (r.counterexample) return r;
  try {
    if (closest && premises_hold(closest->spec, o.premises)) {
      ++r.restarts;
      s.local(closest->spec, closest->checkpoints);
    }
    for (std::uint64_t round = 0; r.evaluations < o.budget; ++round) {
      if (next == starts.size()) {
        starts = properties::lemma2_instances(o.id, 64, properties::detail::fnv1a(fmt::format("annealcheck-search/{}/{}", o.seed, batch++)));
        next = 0;
        if (want_d) std::erase_if(starts, [&](const InstanceSpec& x) { return x.dim() != want_d; });
        if (starts.empty() && round > 50) throw InputError("--fix", "d=" + std::to_string(want_d), "a dimension the property's generator makes");
        continue;
      }
      if (r.infeasible > max_infeasible) break;
      if (o.strategy == "uniform") {
        s.uniform(starts[next++], rng);
        continue;
      }
      // screen a batch of generated starts, then optimise from the one closest to failing
      std::optional<std::pair<double, InstanceSpec>> best;
      for (int screened = 0; screened < o.screen && next < starts.size(); ++screened) {
        const InstanceSpec& start = starts[next++];
        InstanceSpec first;
        try {
          first = Parametrisation(start, o.fix).at(Parametrisation(start, o.fix).start());
        } catch (const InputError&) {
          continue;
        }
        const double v = s.evaluate(first, start.checkpoints.value_or(16));
        if (v < HUGE_VAL && (!best || v < best->first)) best.emplace(v, std::move(first));
      }
      if (!best) continue;
      ++r.restarts;
      s.local(best->second, best->second.checkpoints.value_or(16));
    }
  } catch (const Stop&) {
  }
  return r;
}

}  // namespace annealcheck::claims
