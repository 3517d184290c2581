// Whole evaluations of Lemma 2 (lemma2::evaluate: both runs, every check, every
// error bound) against the bare dynamics they are built on, in one run:
//  - BM_PropertyCase: one property case, d = 8, K = 100, 64 checkpoints, mpfr256
//    (issue 11: ≤ 1 ms);
//  - BM_Evaluate vs BM_DescentLoop at d = 1000, K = 1000 (16 checkpoints): the
//    checks and the GF phase may cost at most as much again as the GD loop;
//  - BM_StoppingTime: one GF(ε) stopping-time solve (E4).
#include "bench/bench_instance.hpp"

#include "annealcheck/dynamics/annealed.hpp"
#include "annealcheck/lemma2/evaluation.hpp"
#include "annealcheck/model/instance.hpp"
#include "annealcheck/numeric/builtin_traits.hpp"
#include "annealcheck/numeric/mpfr_traits.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace annealcheck;

template <class T>
void BM_Evaluate(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  const auto in = model::materialize<T>(bench::bench_instance(d, d < 100 ? 3 : 6, state.range(1)));
  const auto checkpoints = static_cast<std::size_t>(state.range(2));
  for (auto _ : state) {
    auto ev = lemma2::evaluate(in, checkpoints);
    benchmark::DoNotOptimize(ev.checks.data());
  }
}

// The GD phase alone on the same instance: K steps with the train loss, no checks.
template <class T>
void BM_DescentLoop(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  const auto in = model::materialize<T>(bench::bench_instance(d, 6, state.range(1)));
  const T never = numeric::from_int<T>(0);
  for (auto _ : state) {
    auto r = dynamics::run_descent_phase(in.gamma, in.delta0, in.eta, in.K, never, dynamics::NullObserver{});
    benchmark::DoNotOptimize(r.train_loss);
  }
}

template <class T>
void BM_StoppingTime(benchmark::State& state) {
  const auto d = static_cast<std::size_t>(state.range(0));
  model::InstanceSpec spec = bench::bench_instance(d, 6, 0);
  spec.eps = model::exact(std::string("1e-200"));
  const auto in = model::materialize<T>(spec);
  for (auto _ : state) benchmark::DoNotOptimize(dynamics::stopping_time(in.gamma, in.delta0, in.eps).time);
}

BENCHMARK_TEMPLATE(BM_Evaluate, numeric::mpfr256)->Name("BM_PropertyCase<mpfr256>")->Args({8, 100, 64})->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_Evaluate, double)->Name("BM_PropertyCase<double>")->Args({8, 100, 64})->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_Evaluate, numeric::mpfr256)->Args({1000, 1000, 16})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_DescentLoop, numeric::mpfr256)->Args({1000, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Evaluate, double)->Args({1000, 1000, 16})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_DescentLoop, double)->Args({1000, 1000})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_StoppingTime, numeric::mpfr256)->Arg(64)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
