// One mutant of the dynamics (src/annealcheck/dynamics/mutant.hpp) against the
// true properties of the catalog, at double (ctest label `mutants`).
//
// Built once per mutant with ANNEALCHECK_MUTANT=<id> and ANNEALCHECK_MUTANT_NAME.
// Exit 0 when the mutant is killed — at least one true property fails on it —
// and 1 when it survives (or when the mutation is not active in this build: a
// probe of the mutated function checks that first, so a survivor cannot hide
// behind a build mistake). Every property runs with its default seed and cases
// (RC_PARAMS and ANNEALCHECK_THOROUGH are honoured), the killing ones print
// their shrunk counterexample.
#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "properties/registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#ifndef ANNEALCHECK_MUTANT_NAME
#error "ANNEALCHECK_MUTANT_NAME must name the mutant"
#endif

namespace {

// Does the compiled dynamics show the mutation? (γ = (1, 1/2), δ(0) = (1, 1)).
bool mutation_active() {
  using namespace annealcheck;
  const std::vector<double> gamma{1.0, 0.5}, delta0{1.0, 1.0};
  switch (ANNEALCHECK_MUTANT) {
    case ANNEALCHECK_MUTANT_GF_RATE:  // δ_1(1) = e^{−1.9}, not e^{−2}
      return std::abs(dynamics::flow_state(gamma, delta0, 1.0)[0] - std::exp(-1.9)) < 1e-12;
    case ANNEALCHECK_MUTANT_ETA_GAMMA2: {  // η = 1/γ_2 = 2
      model::InstanceSpec s;
      s.gamma = {model::exact("1"), model::exact("1/2")};
      return model::materialize<double>(s).eta == 2.0;
    }
    case ANNEALCHECK_MUTANT_GD_SHORT:  // K = 3 takes 2 steps
      return dynamics::run_descent_phase(gamma, delta0, 1.0, 3, 0.0, dynamics::NullObserver{}).steps == 2;
    case ANNEALCHECK_MUTANT_GD_FACTOR:  // factor 1 − ηγ: 0 for γ_1 = 1, η = 1
      return dynamics::descent_factors(gamma, 1.0)[0] == 0.0;
    default: return false;
  }
}

}  // namespace

int main() {
  namespace ap = annealcheck::properties;
  std::cout << "mutant " << ANNEALCHECK_MUTANT_NAME << " (ANNEALCHECK_MUTANT=" << ANNEALCHECK_MUTANT << ")\n";
  if (!mutation_active()) {
    std::cout << "the mutation is NOT active in this build: nothing to kill (build error)\n";
    return 1;
  }
  int killed = 0, run = 0;
  std::string killers;
  for (const ap::PropertyInfo& p : ap::catalog()) {
    if (p.kind != ap::PropertyKind::Holds) continue;
    ap::RunOptions o;
    o.type = "double";
    // At most 200 cases per property (the suite's double default is up to 1000),
    // unless RC_PARAMS max_success says otherwise; ANNEALCHECK_THOROUGH multiplies.
    const char* params = std::getenv("RC_PARAMS");
    if (!params || std::string(params).find("max_success") == std::string::npos) {
      const char* t = std::getenv("ANNEALCHECK_THOROUGH");
      o.cases = std::min(p.default_cases.at("double"), 200) * (t && *t ? std::max(1, std::atoi(t)) : 1);
    }
    const ap::RunResult r = ap::run_property(p.id, o);
    ++run;
    const bool kills = r.outcome != ap::Outcome::Passed;
    std::cout << (kills ? "  KILLED by " : "  survived ") << p.id << " @ double (" << r.cases_run << " cases, " << r.seconds << " s)\n";
    if (kills) {
      ++killed;
      killers += (killers.empty() ? "" : ", ") + p.id;
      std::cout << ap::render_run(r);
    }
  }
  std::cout << "mutant " << ANNEALCHECK_MUTANT_NAME << ": " << (killed ? "killed" : "SURVIVED") << " (" << killed << " of " << run
            << " true properties fail" << (killed ? ": " + killers : std::string()) << ")\n";
  return killed ? 0 : 1;
}
